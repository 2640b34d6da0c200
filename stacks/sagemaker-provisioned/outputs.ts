import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Fn, Op, ref, TerraformOutput, type IResolvable, type TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import type { AwsContext } from "../../modules/core/aws-context";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import type { ServiceRole } from "../../modules/iam/service-role";
import type { InferenceRepository } from "../../modules/images/inference-repository";
import type { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import type { EndpointDashboard } from "../../modules/monitoring/endpoint-dashboard";
import type { ArtifactBucket } from "../../modules/storage/artifact-bucket";
import type { RecipeKey } from "./encryption";
import type { RecipeInference } from "./inference";
import type { RecipeArtifact } from "./model-artifact";
import type { Switches } from "./props";

/**
 * The AWS console's domain in each partition; other partitions (the isolated ones) have no public console, and
 * the URL falls back to the commercial one.
 */
export const CONSOLE_DOMAINS: Readonly<Record<string, string>> = {
  aws: "console.aws.amazon.com",
  "aws-cn": "console.amazonaws.cn",
  "aws-us-gov": "console.amazonaws-us-gov.com",
};

/**
 * Monthly price ranges per instance, by instance type: the recipe's two, and the default instance type's from the
 * hourly price the recipe's README gives ($0.134 for ml.m5.large, 720-744 hours a month).
 */
export const MONTHLY_INSTANCE_COST: Readonly<Record<string, string>> = {
  "ml.t2.medium": "35-50",
  "ml.c5.large": "85-120",
  "ml.m5.large": "95-100",
};

/**
 * Terraform's null, as `${null}`: cdktf's `Token.nullValue()` renders null, which its HCL rendering
 * (`cdktf synth --hcl`) cannot print.
 */
const NULL = ref("null");

/**
 * The invocation the recipe's test command sends (an iris flower), as Terraform's jsonencode(): cdktf's HCL
 * rendering does not escape double quotes in a string that holds an expression.
 */
const SAMPLE_BODY = Fn.jsonencode({ instances: [[5.1, 3.5, 1.4, 0.2]] });

/** What the outputs show: the variables they repeat, and the resources they describe. */
export interface RecipeOutputInputs {
  readonly aws: AwsContext;
  readonly switches: Switches;
  /** Whether the model is the iris sample on the prebuilt image. */
  readonly sample: boolean;
  readonly variables: {
    readonly projectName: TerraformVariable;
    readonly environment: TerraformVariable;
    readonly endpointInstanceType: TerraformVariable;
    readonly kmsKeyId: TerraformVariable;
    readonly ecrImageScanOnPush: TerraformVariable;
    readonly dataCaptureRetentionDays: TerraformVariable;
  };
  readonly repository: InferenceRepository;
  readonly bucket: ArtifactBucket;
  readonly artifact: RecipeArtifact;
  /** `local.model_image`. */
  readonly modelImage: string;
  readonly executionRole: ServiceRole;
  /** With encryption on. */
  readonly key?: RecipeKey;
  readonly inference: RecipeInference;
  readonly logGroup?: CloudwatchLogGroup;
  readonly alerts?: AlertsTopic;
  readonly dashboard?: EndpointDashboard;
}

/**
 * The recipe's outputs, under the same names, in a scope of their own (`<stack>/outputs`). Outputs of resources a
 * switch turns off are null (`{}` for `cloudwatch_alarms`, a sentence for `test_commands.check_logs`), as in the
 * recipe.
 */
export function recipeOutputs(scope: Construct, inputs: RecipeOutputInputs): void {
  const { aws, variables: v, repository, bucket, executionRole, inference } = inputs;
  const { logGroup, alerts, dashboard, key } = inputs;
  const { scalingTarget, scalingPolicy } = inference;
  const endpointName = inference.endpoint.name;
  const orNull = <T>(value: T | undefined): T | IResolvable => value ?? NULL;
  const kmsKeyId = v.kmsKeyId.stringValue;
  const modelArtifactPath = inputs.artifact.bucketPath;

  const outputs: [string, string, unknown][] = [
    ["account_id", "AWS Account ID", aws.accountId],
    ["region", "AWS Region", aws.region],
    ["project_name", "Project name", v.projectName.stringValue],
    ["environment", "Environment name", v.environment.stringValue],
    [
      "ecr_repository_url",
      "ECR repository URL for the inference container",
      repository.repositoryUrl,
    ],
    ["ecr_repository_arn", "ECR repository ARN", repository.repositoryArn],
    ["ecr_repository_name", "ECR repository name", repository.repositoryName],
    ["s3_bucket_name", "S3 bucket name for model artifacts", bucket.bucketName],
    ["s3_bucket_arn", "S3 bucket ARN", bucket.bucketArn],
    ["s3_bucket_domain_name", "S3 bucket domain name", bucket.bucket.bucketDomainName],
    ["model_data_s3_path", "S3 path where model artifacts should be uploaded", modelArtifactPath],
    ["sagemaker_execution_role_arn", "SageMaker execution role ARN", executionRole.roleArn],
    ["sagemaker_execution_role_name", "SageMaker execution role name", executionRole.roleName],
    [
      "kms_key_id",
      "KMS key ID for encryption",
      key ? Fn.conditional(isEmptyString(kmsKeyId), key.key.keyId, kmsKeyId) : kmsKeyId,
    ],
    ["kms_key_arn", "KMS key ARN for encryption", key?.keyArn ?? kmsKeyId],
    ["sagemaker_model_name", "SageMaker model name", inference.model.name],
    ["sagemaker_model_arn", "SageMaker model ARN", inference.model.arn],
    [
      "endpoint_config_name",
      "SageMaker endpoint configuration name",
      inference.endpointConfiguration.name,
    ],
    [
      "endpoint_config_arn",
      "SageMaker endpoint configuration ARN",
      inference.endpointConfiguration.arn,
    ],
    ["endpoint_name", "SageMaker endpoint name", endpointName],
    ["endpoint_arn", "SageMaker endpoint ARN", inference.endpoint.arn],
    [
      "endpoint_url",
      "SageMaker endpoint URL for inference",
      // Correction: the recipe writes amazonaws.com; the runtime's domain is the partition's DNS suffix.
      `https://runtime.sagemaker.${aws.region}.${aws.dnsSuffix}/endpoints/${endpointName}/invocations`,
    ],
    [
      "autoscaling_target_resource_id",
      "Auto-scaling target resource ID",
      orNull(scalingTarget?.resourceId),
    ],
    ["autoscaling_policy_name", "Auto-scaling policy name", orNull(scalingPolicy?.name)],
    ["autoscaling_policy_arn", "Auto-scaling policy ARN", orNull(scalingPolicy?.arn)],
    [
      "cloudwatch_log_group_name",
      "CloudWatch log group name for SageMaker endpoint",
      orNull(logGroup?.name),
    ],
    ["cloudwatch_log_group_arn", "CloudWatch log group ARN", orNull(logGroup?.arn)],
    [
      "cloudwatch_dashboard_url",
      "CloudWatch dashboard URL",
      dashboard
        ? // Correction: the recipe links the commercial console from every partition.
          `https://${Fn.lookup(CONSOLE_DOMAINS, aws.partition, CONSOLE_DOMAINS.aws)}/cloudwatch/home?region=${aws.region}#dashboards:name=${dashboard.dashboardName}`
        : NULL,
    ],
    ["sns_topic_arn", "SNS topic ARN for alerts", orNull(alerts?.topicArn)],
    ["sns_topic_name", "SNS topic name for alerts", orNull(alerts?.topicName)],
    [
      "cloudwatch_alarms",
      "CloudWatch alarm names and ARNs",
      // The three alarms' names and ARNs, or {} without monitoring.
      Object.fromEntries(
        Object.entries(inference.alarms).map(([name, alarm]) => [
          name,
          { name: alarm.alarmName, arn: alarm.arn },
        ]),
      ),
    ],
    [
      "docker_commands",
      "Docker commands for building and pushing the inference container",
      {
        login: `aws ecr get-login-password --region ${aws.region} | docker login --username AWS --password-stdin ${repository.repositoryUrl}`,
        build: `docker build -t ${repository.repositoryName} .`,
        tag: `docker tag ${repository.repositoryName}:latest ${repository.repositoryUrl}:latest`,
        push: `docker push ${repository.repositoryUrl}:latest`,
      },
    ],
    [
      "test_commands",
      "AWS CLI commands for testing the SageMaker endpoint",
      {
        describe_endpoint: `aws sagemaker describe-endpoint --endpoint-name ${endpointName} --region ${aws.region}`,
        // Correction: AWS CLI v2 reads --body as base64 unless told otherwise; the recipe's command fails there.
        invoke_endpoint: `aws sagemaker-runtime invoke-endpoint --endpoint-name ${endpointName} --content-type application/json --cli-binary-format raw-in-base64-out --body '${SAMPLE_BODY}' --region ${aws.region} output.json`,
        check_logs: logGroup
          ? `aws logs describe-log-streams --log-group-name ${logGroup.name} --region ${aws.region}`
          : "CloudWatch logs not enabled",
      },
    ],
    [
      "cost_estimation",
      "Estimated monthly costs for the deployed resources",
      {
        // Correction: the recipe writes "$${...}", which Terraform prints as the expression's text, not a price.
        endpoint_instance_cost: Fn.format("Approximately $%s per month per instance (%s)", [
          Fn.lookup(MONTHLY_INSTANCE_COST, v.endpointInstanceType.stringValue, "varies"),
          v.endpointInstanceType.stringValue,
        ]),
        storage_cost: "S3 storage: ~$0.023 per GB per month",
        data_transfer_cost: "Data transfer: $0.09 per GB for outbound data",
        cloudwatch_cost: "CloudWatch logs: ~$0.50 per GB ingested",
        total_estimate:
          "Total estimated cost: $40-150+ per month depending on usage and instance type",
      },
    ],
    ["security_features", "Security features enabled in this deployment", securityFeatures(inputs)],
    [
      "next_steps",
      "Recommended next steps after deployment",
      [
        inputs.sample
          ? `1. The endpoint serves the iris sample on the prebuilt scikit-learn image; to serve your own inference container, push it to ECR: ${repository.repositoryUrl} (modelArtifact source s3 or local-file)`
          : `1. Build and push your inference container to ECR: ${repository.repositoryUrl}`,
        inputs.artifact.uploaded
          ? `2. Model artifacts uploaded by this stack to: ${modelArtifactPath}`
          : `2. Upload your model artifacts to: ${modelArtifactPath}`,
        "3. Test the endpoint using the AWS CLI commands provided in the test_commands output",
        "4. Set up CloudWatch monitoring and alerting if not already enabled",
        "5. Implement A/B testing by creating additional endpoint configurations",
        "6. Consider implementing data capture and model monitoring for production workloads",
        "7. Review and optimize instance types based on actual performance requirements",
      ],
    ],
  ];
  // Outputs live in a scope of their own: several share their names with variables (region, project_name, ...),
  // which Terraform allows and construct ids do not. Each keeps its name as its Terraform name.
  const outputScope = new Construct(scope, "outputs");
  for (const [name, description, value] of outputs) {
    new TerraformOutput(outputScope, name, { value, description }).overrideLogicalId(name);
  }
}

/**
 * The recipe's `security_features`, each claim derived from what the stack configures. Correction: the recipe
 * claims `iam_least_privilege`, `encryption_in_transit` and `data_capture_enabled` as constants; least privilege is
 * not a yes-or-no setting, so that claim is dropped (docs/security.md says what the roles may do), and the others
 * are read from the configuration. New claims say whether the image is pinned, whether the model is isolated, and
 * how long captured data is kept.
 */
function securityFeatures(inputs: RecipeOutputInputs): Record<string, unknown> {
  const { switches, repository, modelImage, inference } = inputs;
  const captured = inference.endpointConfiguration.dataCaptureConfigInput;
  const isolated = inference.model.enableNetworkIsolationInput;
  const inRepository = (separator: string) =>
    Fn.startswith(modelImage, `${repository.repositoryUrl}${separator}`);
  return {
    // A customer managed KMS key on the bucket, repository, endpoint storage, captured data, logs and topic; off,
    // AWS managed keys (and the topic unencrypted).
    encryption_at_rest: switches.enableEncryption,
    // By construction: the bucket's policy refuses requests without TLS (ArtifactBucket always adds it), and the
    // SageMaker, ECR, S3, KMS, CloudWatch and SNS APIs are HTTPS only.
    encryption_in_transit: true,
    vpc_isolation: switches.enableVpcConfig,
    network_isolation: isolated === true,
    cloudwatch_monitoring: switches.enableEndpointMonitoring,
    // Scanning covers the stack's repository: it counts only when the model's image comes from it.
    vulnerability_scanning: Op.and(
      inputs.variables.ecrImageScanOnPush.booleanValue,
      Op.or(inRepository(":"), inRepository("@")),
    ),
    image_pinned_by_digest: Fn.can(Fn.regex("@sha256:[a-f0-9]{64}$", modelImage)),
    data_capture_enabled: captured?.enableCapture === true,
    data_capture_retention_days: inputs.variables.dataCaptureRetentionDays.numberValue,
  };
}
