import type { StackCases, TerraformCase } from "../../../scripts/terraform/terraform-cases";
import { SKLEARN_INFERENCE_REGIONS } from "../../helpers/registry-accounts";
import {
  ECR_IMAGE_URI_WORDS,
  ECR_REPOSITORY_NAME_WORDS,
  IAM_ROLE_NAME_WORDS,
  S3_BUCKET_NAME_WORDS,
  SAGEMAKER_NAME_WORDS,
} from "../../helpers/allowed";

const PREFIX = "ml-models-sagemaker-dev";
/**
 * The 8 hex the stand-in's plan derives from the model's and the configuration's content (modules/sagemaker-inference/
 * content-names.ts): values of this plan (its representative account, role and bucket, the iris sample's asset hash
 * as the model's revision), not of a plan against AWS. __tests__/terraform/change-propagation.test.ts shows what
 * changes them.
 */
const MODEL_NAME = `${PREFIX}-sklearn-iris-classifier-5f260079`;
const CONFIG_NAME = `${PREFIX}-sklearn-iris-classifier-config-f991b5cc`;
const ENDPOINT = `${PREFIX}-sklearn-iris-classifier-endpoint`;
/** The generated bucket name: <project_name>-<environment>-models-<random_id hex>, the stand-in's hex 5eed5eed. */
const BUCKET = `${PREFIX}-models-5eed5eed`;
const REPOSITORY_URL = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagemaker-sklearn-inference";
/** The stand-in KMS key's id (a fixed UUID per resource address). */
const KEY_ID = "74945d4e-65cb-43cb-8b57-9d0cf57dd860";
const S3_BUCKET_NAME_RULE =
  "3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names)";
const TAG_RULE =
  "keys of 1-128 and values of at most 256 letters, digits, spaces and _ . : / = + - @, no key starting with aws:";
/**
 * The security_features output with the defaults: each claim read from the settings (docs/security.md). The iris
 * sample runs on AWS's scikit-learn image, not an image of the stack's scanned repository.
 */
const SECURITY_FEATURES = {
  cloudwatch_monitoring: true,
  data_capture_enabled: true,
  data_capture_retention_days: 30,
  encryption_at_rest: true,
  encryption_in_transit: true,
  image_pinned_by_digest: false,
  network_isolation: true,
  vpc_isolation: false,
  vulnerability_scanning: false,
};
const ALARMS = [
  "aws_cloudwatch_metric_alarm.endpoint_invocation_errors",
  "aws_cloudwatch_metric_alarm.endpoint_latency",
  "aws_cloudwatch_metric_alarm.endpoint_model_errors",
];

const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;

/** The security_features output with the defaults, and with `changes`. */
function securityFeatures(
  changes: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return { ...SECURITY_FEATURES, ...changes };
}

/** The recipe's cost_estimation output, with the estimate for the instance type. */
function costEstimation(endpointInstanceCost: string) {
  return {
    cloudwatch_cost: "CloudWatch logs: ~$0.50 per GB ingested",
    data_transfer_cost: "Data transfer: $0.09 per GB for outbound data",
    endpoint_instance_cost: endpointInstanceCost,
    storage_cost: "S3 storage: ~$0.023 per GB per month",
    total_estimate: "Total estimated cost: $40-150+ per month depending on usage and instance type",
  };
}

/** A bad value of a variable: the plan stops with the variable's message, ending with the value as JSON. */
function refused(
  variable: string,
  value: unknown,
  message: string,
  shown = JSON.stringify(value),
): TerraformCase {
  return {
    name: `${variable} ${shown} is refused`,
    variables: { [variable]: value },
    errors: [{ check: `var.${variable}/validation[0]`, message: `${message}; got ${shown}.` }],
  };
}

/** A bad value of a number variable limited to a range. */
function outOfRange(variable: string, value: number, range: string): TerraformCase {
  return refused(variable, value, `${variable} must be ${range}`);
}

const sagemakerNameTooLong = (what: string, pattern: string, name: string) =>
  `The ${what} (${pattern}) is '${name}', ${name.length} characters; allowed: ${SAGEMAKER_NAME_WORDS}. Shorten project_name, environment or model_name.`;

/**
 * The sagemaker-provisioned stack (the recipe): every variable's validation, the preconditions that need several
 * variables or a computed name, the outputs the recipe computes (URLs, commands, the cost estimate), and the
 * moves from the recipe's `[0]` instances.
 */
export const SAGEMAKER_PROVISIONED_CASES: StackCases = {
  // The recipe's 27, and the upload of the iris sample (the default modelArtifact).
  resources: 28,
  outputs: {
    account_id: "123456789012",
    autoscaling_policy_arn: `arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:93adc033-2e65-491b-88ce-9df26b7fb60c:resource/sagemaker/endpoint/${ENDPOINT}/variant/primary:policyName/${PREFIX}-sagemaker-scaling-policy`,
    autoscaling_policy_name: `${PREFIX}-sagemaker-scaling-policy`,
    autoscaling_target_resource_id: `endpoint/${ENDPOINT}/variant/primary`,
    cloudwatch_alarms: {
      high_latency: {
        arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${PREFIX}-endpoint-high-latency`,
        name: `${PREFIX}-endpoint-high-latency`,
      },
      invocation_errors: {
        arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${PREFIX}-endpoint-invocation-errors`,
        name: `${PREFIX}-endpoint-invocation-errors`,
      },
      model_errors: {
        arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${PREFIX}-endpoint-model-errors`,
        name: `${PREFIX}-endpoint-model-errors`,
      },
    },
    cloudwatch_dashboard_url: `https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=${PREFIX}-sagemaker-dashboard`,
    cloudwatch_log_group_arn: `arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/${ENDPOINT}`,
    cloudwatch_log_group_name: `/aws/sagemaker/Endpoints/${ENDPOINT}`,
    cost_estimation: costEstimation("Approximately $95-100 per month per instance (ml.m5.large)"),
    docker_commands: {
      build: "docker build -t sagemaker-sklearn-inference .",
      login: `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${REPOSITORY_URL}`,
      push: `docker push ${REPOSITORY_URL}:latest`,
      tag: `docker tag sagemaker-sklearn-inference:latest ${REPOSITORY_URL}:latest`,
    },
    ecr_repository_arn: "arn:aws:ecr:us-east-1:123456789012:repository/sagemaker-sklearn-inference",
    ecr_repository_name: "sagemaker-sklearn-inference",
    ecr_repository_url: REPOSITORY_URL,
    endpoint_arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${ENDPOINT}`,
    endpoint_config_arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/${CONFIG_NAME}`,
    endpoint_config_name: CONFIG_NAME,
    endpoint_name: ENDPOINT,
    endpoint_url: `https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/${ENDPOINT}/invocations`,
    environment: "dev",
    kms_key_arn: `arn:aws:kms:us-east-1:123456789012:key/${KEY_ID}`,
    kms_key_id: KEY_ID,
    model_data_s3_path: `s3://${BUCKET}/model.tar.gz`,
    next_steps: [
      `1. The endpoint serves the iris sample on the prebuilt scikit-learn image; to serve your own inference container, push it to ECR: ${REPOSITORY_URL} (modelArtifact source s3 or local-file)`,
      `2. Model artifacts uploaded by this stack to: s3://${BUCKET}/model.tar.gz`,
      "3. Test the endpoint using the AWS CLI commands provided in the test_commands output",
      "4. Set up CloudWatch monitoring and alerting if not already enabled",
      "5. Implement A/B testing by creating additional endpoint configurations",
      "6. Consider implementing data capture and model monitoring for production workloads",
      "7. Review and optimize instance types based on actual performance requirements",
    ],
    project_name: "ml-models-sagemaker",
    region: "us-east-1",
    s3_bucket_arn: `arn:aws:s3:::${BUCKET}`,
    s3_bucket_domain_name: `${BUCKET}.s3.amazonaws.com`,
    s3_bucket_name: BUCKET,
    sagemaker_execution_role_arn: `arn:aws:iam::123456789012:role/${PREFIX}-sagemaker-execution-role`,
    sagemaker_execution_role_name: `${PREFIX}-sagemaker-execution-role`,
    sagemaker_model_arn: `arn:aws:sagemaker:us-east-1:123456789012:model/${MODEL_NAME}`,
    sagemaker_model_name: MODEL_NAME,
    security_features: securityFeatures(),
    // Notifications are off by default (enableSnsNotifications): no topic.
    sns_topic_arn: null,
    sns_topic_name: null,
    test_commands: {
      check_logs: `aws logs describe-log-streams --log-group-name /aws/sagemaker/Endpoints/${ENDPOINT} --region us-east-1`,
      describe_endpoint: `aws sagemaker describe-endpoint --endpoint-name ${ENDPOINT} --region us-east-1`,
      invoke_endpoint: `aws sagemaker-runtime invoke-endpoint --endpoint-name ${ENDPOINT} --content-type application/json --cli-binary-format raw-in-base64-out --body '{"instances":[[5.1,3.5,1.4,0.2]]}' --region us-east-1 output.json`,
    },
  },
  // The recipe counts these resources (enable_* = true): its state holds them at [0].
  moves: {
    "aws_iam_policy.sagemaker_kms_policy[0]": "aws_iam_policy.sagemaker_kms_policy",
    "aws_iam_role_policy_attachment.sagemaker_kms_policy_attachment[0]":
      "aws_iam_role_policy_attachment.sagemaker_kms_policy_attachment",
    "aws_cloudwatch_log_group.sagemaker_endpoint_logs[0]":
      "aws_cloudwatch_log_group.sagemaker_endpoint_logs",
    "aws_appautoscaling_target.sagemaker_target[0]": "aws_appautoscaling_target.sagemaker_target",
    "aws_appautoscaling_policy.sagemaker_scaling_policy[0]":
      "aws_appautoscaling_policy.sagemaker_scaling_policy",
    "aws_cloudwatch_metric_alarm.endpoint_invocation_errors[0]":
      "aws_cloudwatch_metric_alarm.endpoint_invocation_errors",
    "aws_cloudwatch_metric_alarm.endpoint_model_errors[0]":
      "aws_cloudwatch_metric_alarm.endpoint_model_errors",
    "aws_cloudwatch_metric_alarm.endpoint_latency[0]":
      "aws_cloudwatch_metric_alarm.endpoint_latency",
    "aws_cloudwatch_dashboard.sagemaker_dashboard[0]":
      "aws_cloudwatch_dashboard.sagemaker_dashboard",
  },
  cases: [
    // Region and partition.
    {
      name: "in cn-north-1 (aws-cn) the URLs, the repository and the ARNs are China's",
      variables: { region: "cn-north-1" },
      outputs: {
        cloudwatch_dashboard_url: `https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#dashboards:name=${PREFIX}-sagemaker-dashboard`,
        endpoint_url: `https://runtime.sagemaker.cn-north-1.amazonaws.com.cn/endpoints/${ENDPOINT}/invocations`,
        ecr_repository_url:
          "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-sklearn-inference",
        endpoint_arn: `arn:aws-cn:sagemaker:cn-north-1:123456789012:endpoint/${ENDPOINT}`,
        s3_bucket_arn: `arn:aws-cn:s3:::${BUCKET}`,
        s3_bucket_domain_name: `${BUCKET}.s3.amazonaws.com.cn`,
        region: "cn-north-1",
      },
      attributes: {
        "aws_sagemaker_model.ml_model": {
          // The scikit-learn registry of cn-north-1 (the SageMaker Python SDK's table).
          "primary_container[0].image":
            "450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-scikit-learn:1.2-1-cpu-py3",
        },
      },
    },
    {
      name: "in eu-west-1 the commands and URLs name eu-west-1",
      variables: { region: "eu-west-1" },
      outputs: {
        endpoint_url: `https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/${ENDPOINT}/invocations`,
        cloudwatch_dashboard_url: `https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=${PREFIX}-sagemaker-dashboard`,
        test_commands: {
          check_logs: `aws logs describe-log-streams --log-group-name /aws/sagemaker/Endpoints/${ENDPOINT} --region eu-west-1`,
          describe_endpoint: `aws sagemaker describe-endpoint --endpoint-name ${ENDPOINT} --region eu-west-1`,
          invoke_endpoint: `aws sagemaker-runtime invoke-endpoint --endpoint-name ${ENDPOINT} --content-type application/json --cli-binary-format raw-in-base64-out --body '{"instances":[[5.1,3.5,1.4,0.2]]}' --region eu-west-1 output.json`,
        },
      },
    },
    refused("region", "us-east", "region must be an AWS region code such as us-east-1"),
    // Names.
    {
      name: "environment prod and project_name fraud2 make every name",
      variables: { environment: "prod", project_name: "fraud2" },
      outputs: {
        environment: "prod",
        project_name: "fraud2",
        endpoint_name: "fraud2-prod-sklearn-iris-classifier-endpoint",
        s3_bucket_name: "fraud2-prod-models-5eed5eed",
        sagemaker_execution_role_name: "fraud2-prod-sagemaker-execution-role",
      },
      attributes: {
        "aws_sagemaker_model.ml_model": {
          tags: {
            Project: "fraud2",
            Environment: "prod",
            ManagedBy: "terraform",
            Name: "fraud2-prod-sklearn-iris-classifier",
          },
        },
      },
    },
    refused("environment", "qa", "environment must be one of dev, staging or prod"),
    refused(
      "project_name",
      "2fraud",
      "project_name must start with a letter and hold only letters, digits and hyphens",
    ),
    refused(
      "project_name",
      null,
      "project_name must start with a letter and hold only letters, digits and hyphens",
    ),
    {
      name: "null for a variable that is not nullable stands for its default",
      variables: {
        endpoint_initial_instance_count: null,
        cloudwatch_log_retention_days: null,
        s3_bucket_name: null,
        additional_tags: null,
      },
      attributes: {
        "aws_sagemaker_endpoint_configuration.ml_endpoint_config": {
          "production_variants[0].initial_instance_count": 1,
        },
        "aws_cloudwatch_log_group.sagemaker_endpoint_logs": { retention_in_days: 7 },
        "aws_s3_bucket.model_artifacts": { bucket: BUCKET },
      },
    },
    {
      name: "model_name xgb-v2 names the model, its configuration and endpoint",
      variables: { model_name: "xgb-v2" },
      outputs: {
        sagemaker_model_name: `${PREFIX}-xgb-v2-bcc22e58`,
        endpoint_config_name: `${PREFIX}-xgb-v2-config-6cb04ff0`,
        endpoint_name: `${PREFIX}-xgb-v2-endpoint`,
      },
    },
    {
      name: "in prod the configuration's name (55 characters) is cut to 54 before its hash: 63 in all",
      variables: { environment: "prod" },
      outputs: {
        sagemaker_model_name: "ml-models-sagemaker-prod-sklearn-iris-classifier-2667ed4b",
        endpoint_config_name: "ml-models-sagemaker-prod-sklearn-iris-classifier-confi-6fdc1eab",
        endpoint_name: "ml-models-sagemaker-prod-sklearn-iris-classifier-endpoint",
      },
    },
    {
      name: "on one instance the default canary shifts all traffic at once, with its 10 minutes of baking",
      attributes: {
        "aws_sagemaker_endpoint.ml_endpoint": {
          "deployment_config[0].blue_green_update_policy[0]": {
            maximum_execution_timeout_in_seconds: 3600,
            termination_wait_in_seconds: 600,
            traffic_routing_configuration: [
              {
                type: "ALL_AT_ONCE",
                wait_interval_in_seconds: 0,
                dynamic: {
                  canary_size: { for_each: [], content: { type: "INSTANCE_COUNT", value: 1 } },
                },
              },
            ],
          },
          "deployment_config[0].auto_rollback_configuration[0].alarms": [
            { alarm_name: `${PREFIX}-endpoint-invocation-errors` },
            { alarm_name: `${PREFIX}-endpoint-model-errors` },
          ],
        },
      },
    },
    {
      name: "on 2 instances or more the default canary is one instance, baked 10 minutes",
      variables: { endpoint_initial_instance_count: 2 },
      attributes: {
        "aws_sagemaker_endpoint.ml_endpoint": {
          "deployment_config[0].blue_green_update_policy[0].traffic_routing_configuration[0]": {
            type: "CANARY",
            wait_interval_in_seconds: 600,
            dynamic: {
              canary_size: { for_each: [1], content: { type: "INSTANCE_COUNT", value: 1 } },
            },
          },
        },
      },
    },
    refused("model_name", "xgb_v2", "model_name must hold only letters, digits and hyphens"),
    {
      name: "names too long for the execution role (65) stop it, and the model that depends on it",
      variables: { project_name: "ml-models-sagemaker-fraud-detection" + "x" },
      errors: [
        {
          check: "aws_iam_role.sagemaker_execution_role/precondition[0]",
          message: `The execution role name (<project_name>-<environment>-sagemaker-execution-role) is 'ml-models-sagemaker-fraud-detectionx-dev-sagemaker-execution-role', 65 characters; allowed: ${IAM_ROLE_NAME_WORDS}. Shorten project_name or environment.`,
        },
      ],
    },
    {
      name: "a model_name that makes the model's name 64 characters long stops the model",
      variables: { model_name: "sklearn-iris-classifier-with-a-long-nam" + "e" },
      errors: [
        {
          check: "aws_sagemaker_model.ml_model/precondition[0]",
          message: sagemakerNameTooLong(
            "model name",
            "<project_name>-<environment>-<model_name>",
            `${PREFIX}-sklearn-iris-classifier-with-a-long-name`,
          ),
        },
      ],
    },
    {
      name: "a model_name that makes the endpoint configuration's name 64 characters long stops it",
      variables: { model_name: "sklearn-iris-classifier-long-name" },
      errors: [
        {
          check: "aws_sagemaker_endpoint_configuration.ml_endpoint_config/precondition[0]",
          message: sagemakerNameTooLong(
            "endpoint configuration name",
            "<project_name>-<environment>-<model_name>-config",
            `${PREFIX}-sklearn-iris-classifier-long-name-config`,
          ),
        },
      ],
    },
    {
      name: "a model_name that makes only the endpoint's name 64 characters long stops the endpoint",
      variables: { model_name: "sklearn-iris-classifier-long-nm" },
      errors: [
        {
          check: "aws_sagemaker_endpoint.ml_endpoint/precondition[0]",
          message: sagemakerNameTooLong(
            "endpoint name",
            "<project_name>-<environment>-<model_name>-endpoint",
            `${PREFIX}-sklearn-iris-classifier-long-nm-endpoint`,
          ),
        },
      ],
    },
    // The bucket.
    {
      name: "a project_name with capitals makes a generated bucket name S3 refuses",
      variables: { project_name: "Fraud" },
      errors: [
        {
          check: "aws_s3_bucket.model_artifacts/precondition[0]",
          message: `The bucket name is 'Fraud-dev-models-5eed5eed'; allowed: ${S3_BUCKET_NAME_WORDS}. Set s3_bucket_name, or shorten project_name or environment (the generated name adds 16 characters).`,
        },
      ],
    },
    {
      name: "s3_bucket_name is used as given, also beside a project_name with capitals",
      variables: { project_name: "Fraud", s3_bucket_name: "fraud-model-artifacts" },
      outputs: {
        s3_bucket_name: "fraud-model-artifacts",
        s3_bucket_arn: "arn:aws:s3:::fraud-model-artifacts",
        model_data_s3_path: "s3://fraud-model-artifacts/model.tar.gz",
      },
      attributes: {
        "aws_sagemaker_endpoint_configuration.ml_endpoint_config": {
          "data_capture_config[0].destination_s3_uri": "s3://fraud-model-artifacts/data-capture",
        },
      },
    },
    refused(
      "s3_bucket_name",
      "fraud_models",
      `s3_bucket_name must be empty or an S3 bucket name: ${S3_BUCKET_NAME_RULE}`,
    ),
    // Image and model artifact.
    {
      name: "container_image_uri is the model's image, and the role may pull from its repository",
      variables: {
        container_image_uri: "111122223333.dkr.ecr.us-east-1.amazonaws.com/team/iris:v3",
      },
      attributes: {
        "aws_sagemaker_model.ml_model": {
          "primary_container[0].image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/team/iris:v3",
        },
      },
    },
    refused(
      "container_image_uri",
      "nginx:latest",
      `container_image_uri must be empty or ${ECR_IMAGE_URI_WORDS}`,
    ),
    {
      // Any other value is refused while the stack uploads the sample (next case); a model_data_url of your own
      // goes with modelArtifact { source: "s3" }, a stack outside defineStacks that this harness does not plan.
      name: "model_data_url empty (its default) plans: the model reads the uploaded sample",
      variables: { model_data_url: "" },
      outputs: { model_data_s3_path: `s3://${BUCKET}/model.tar.gz` },
    },
    {
      name: "model_data_url is refused while the stack uploads the iris sample (the default modelArtifact)",
      variables: { model_data_url: "s3://shared-models/iris/model.tar.gz" },
      errors: [
        {
          check: "aws_s3_object.model_artifact/precondition[0]",
          message:
            "model_data_url must be empty: this stack uploads the model artifact from model.tar.gz (modelArtifact source iris-sample).",
        },
      ],
    },
    {
      name: "a region without a scikit-learn image stops the model, naming the regions that have one",
      variables: { region: "mx-central-1" },
      errors: [
        {
          check: "aws_sagemaker_model.ml_model/precondition[1]",
          message: `No SageMaker scikit-learn image is published for region mx-central-1; regions with one: ${SKLEARN_INFERENCE_REGIONS}. Set container_image_uri to a scikit-learn image in this region's registry.`,
        },
      ],
    },
    {
      name: "container_image_uri replaces the regional scikit-learn image",
      variables: {
        container_image_uri:
          "111122223333.dkr.ecr.us-east-1.amazonaws.com/iris-server@sha256:" + "a".repeat(64),
      },
      attributes: {
        "aws_sagemaker_model.ml_model": {
          "primary_container[0].image":
            "111122223333.dkr.ecr.us-east-1.amazonaws.com/iris-server@sha256:" + "a".repeat(64),
        },
      },
    },
    refused(
      "model_data_url",
      "https://example.com/model.tar.gz",
      "model_data_url must be empty or an s3:// URL of at most 1024 characters pointing at a .tar.gz model artifact",
    ),
    // The endpoint.
    {
      name: "endpoint_instance_type ml.c5.large: the variant's type and the recipe's cost estimate",
      variables: { endpoint_instance_type: "ml.c5.large" },
      outputs: {
        cost_estimation: costEstimation(
          "Approximately $85-120 per month per instance (ml.c5.large)",
        ),
      },
      attributes: {
        "aws_sagemaker_endpoint_configuration.ml_endpoint_config": {
          "production_variants[0].instance_type": "ml.c5.large",
        },
      },
    },
    {
      name: "an instance type the recipe has no price for is estimated as varies",
      variables: { endpoint_instance_type: "ml.g5.2xlarge" },
      outputs: {
        cost_estimation: costEstimation(
          "Approximately $varies per month per instance (ml.g5.2xlarge)",
        ),
      },
    },
    refused(
      "endpoint_instance_type",
      "m5.large",
      "endpoint_instance_type must be a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge",
    ),
    {
      name: "the recipe's ml.t2.medium with auto scaling on is stopped before SageMaker refuses it",
      variables: { endpoint_instance_type: "ml.t2.medium" },
      errors: [
        {
          check: "aws_appautoscaling_target.sagemaker_target/precondition[0]",
          message:
            "endpoint_instance_type is ml.t2.medium: SageMaker cannot auto scale burstable ml.t2 instances. Choose another instance type, or turn auto scaling off (enableAutoScaling: false).",
        },
      ],
    },
    {
      name: "endpoint_initial_instance_count and endpoint_initial_variant_weight reach the variant",
      variables: { endpoint_initial_instance_count: 2, endpoint_initial_variant_weight: 0.5 },
      attributes: {
        "aws_sagemaker_endpoint_configuration.ml_endpoint_config": {
          "production_variants[0].initial_instance_count": 2,
          "production_variants[0].initial_variant_weight": 0.5,
        },
      },
    },
    outOfRange("endpoint_initial_instance_count", 0, "a whole number from 1 to 10"),
    outOfRange("endpoint_initial_instance_count", 1.5, "a whole number from 1 to 10"),
    outOfRange("endpoint_initial_variant_weight", 1.5, "a number from 0 to 1"),
    // Auto scaling.
    {
      name: "auto scaling capacities and target reach the scalable target and policy",
      variables: {
        auto_scaling_min_capacity: 2,
        auto_scaling_max_capacity: 10,
        auto_scaling_target_value: 150.5,
      },
      attributes: {
        "aws_appautoscaling_target.sagemaker_target": { min_capacity: 2, max_capacity: 10 },
        "aws_appautoscaling_policy.sagemaker_scaling_policy": {
          "target_tracking_scaling_policy_configuration[0].target_value": 150.5,
        },
      },
    },
    outOfRange("auto_scaling_min_capacity", 0, "a whole number from 1 to 10"),
    outOfRange("auto_scaling_max_capacity", 21, "a whole number from 1 to 20"),
    outOfRange("auto_scaling_target_value", 0, "greater than 0 and at most 1000"),
    {
      name: "auto_scaling_min_capacity above auto_scaling_max_capacity stops the scalable target",
      variables: { auto_scaling_min_capacity: 6, auto_scaling_max_capacity: 5 },
      errors: [
        {
          check: "aws_appautoscaling_target.sagemaker_target/precondition[1]",
          message: "auto_scaling_min_capacity (6) must be at most auto_scaling_max_capacity (5).",
        },
      ],
    },
    // The repository.
    {
      name: "ecr_repository_name with a namespace, and immutable tags",
      variables: {
        ecr_repository_name: "team/model-server",
        ecr_image_tag_mutability: "IMMUTABLE",
      },
      outputs: {
        ecr_repository_url: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/model-server",
        ecr_repository_arn: "arn:aws:ecr:us-east-1:123456789012:repository/team/model-server",
      },
      attributes: {
        "aws_ecr_repository.inference_repository": { image_tag_mutability: "IMMUTABLE" },
      },
    },
    refused(
      "ecr_repository_name",
      "Team",
      `ecr_repository_name must be ${ECR_REPOSITORY_NAME_WORDS}`,
    ),
    refused(
      "ecr_image_tag_mutability",
      "immutable",
      "ecr_image_tag_mutability must be MUTABLE or IMMUTABLE",
    ),
    // Logs and alarms.
    {
      name: "cloudwatch_log_retention_days 30 reaches the log group",
      variables: { cloudwatch_log_retention_days: 30 },
      attributes: { "aws_cloudwatch_log_group.sagemaker_endpoint_logs": { retention_in_days: 30 } },
    },
    refused(
      "cloudwatch_log_retention_days",
      10,
      "cloudwatch_log_retention_days must be one of the retention periods CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
    ),
    {
      name: "alarm_evaluation_periods and alarm_datapoints_to_alarm reach every alarm",
      variables: { alarm_evaluation_periods: 5, alarm_datapoints_to_alarm: 3 },
      attributes: Object.fromEntries(
        ALARMS.map((alarm) => [alarm, { evaluation_periods: 5, datapoints_to_alarm: 3 }]),
      ),
    },
    outOfRange("alarm_evaluation_periods", 11, "a whole number from 1 to 10"),
    outOfRange("alarm_datapoints_to_alarm", 0, "a whole number from 1 to 10"),
    {
      name: "alarm_datapoints_to_alarm above alarm_evaluation_periods stops every alarm",
      variables: { alarm_datapoints_to_alarm: 3 },
      errors: ALARMS.map((alarm) => ({
        check: `${alarm}/precondition[0]`,
        message: "alarm_datapoints_to_alarm (3) must be at most alarm_evaluation_periods (2).",
      })),
    },
    {
      name: "sns_email_endpoint may be an e-mail address (unused while notifications are off)",
      variables: { sns_email_endpoint: "ml-oncall@example.com" },
      outputs: { sns_topic_arn: null },
    },
    refused(
      "sns_email_endpoint",
      "ml-oncall",
      "sns_email_endpoint must be empty or an e-mail address such as ops@example.com",
    ),
    // The key.
    {
      name: "kms_key_id: the stack creates no key and encrypts with the one given",
      variables: {
        kms_key_id: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
      outputs: {
        kms_key_arn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        kms_key_id: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
      attributes: {
        "aws_cloudwatch_log_group.sagemaker_endpoint_logs": {
          kms_key_id: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
      },
    },
    refused(
      "kms_key_id",
      "alias/ml-models",
      "kms_key_id must be empty or a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id> (not an alias: IAM policies and log groups need the key)",
    ),
    // The variables the stack adds for security (docs/security.md).
    {
      name: "data_capture_retention_days 90: captured data expires after 90 days",
      variables: { data_capture_retention_days: 90 },
      outputs: {
        security_features: securityFeatures({ data_capture_retention_days: 90 }),
      },
    },
    ...[0, 1.5, 36501].map((days) =>
      refused(
        "data_capture_retention_days",
        days,
        "data_capture_retention_days must be a whole number from 1 to 36500 (days)",
      ),
    ),
    {
      name: "container_image_digest pins the model image: the tag is replaced by the digest",
      variables: { container_image_digest: DIGEST },
      outputs: { security_features: securityFeatures({ image_pinned_by_digest: true }) },
      attributes: {
        "aws_sagemaker_model.ml_model": {
          "primary_container[0].image": `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn@${DIGEST}`,
        },
      },
    },
    ...["latest", `sha256:${"A".repeat(64)}`, "sha256:abc"].map((digest) =>
      refused(
        "container_image_digest",
        digest,
        "container_image_digest must be empty or an image digest, sha256: and 64 lowercase hex digits",
      ),
    ),
    // Tags.
    {
      name: "additional_tags join the common tags of every resource",
      variables: { additional_tags: { team: "ml", CostCenter: "42" } },
      attributes: {
        "aws_sagemaker_endpoint.ml_endpoint": {
          tags: {
            Project: "ml-models-sagemaker",
            Environment: "dev",
            ManagedBy: "terraform",
            team: "ml",
            CostCenter: "42",
            Name: ENDPOINT,
          },
        },
      },
    },
    refused(
      "additional_tags",
      { "aws:team": "ml" },
      `additional_tags must be a map of at most 50 tags together with Project, Environment, ManagedBy, Name, ${TAG_RULE}`,
    ),
  ],
};
