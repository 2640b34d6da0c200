/**
 * The stack as the app defines it, under the default inputs: every resource and attribute. Its model is the iris
 * sample on the region's scikit-learn image (own-container.test.ts has the recipe's own container). Its variable
 * validations and preconditions were tried by hand with terraform 1.11 on a provider-free copy of this JSON (the
 * variables, the locals, and the preconditions on terraform_data resources): see
 * docs/stacks/sagemaker-provisioned.md.
 */
import { describe, expect, it } from "vitest";
import { synthProject } from "../../helpers/project";
import { addresses } from "../../helpers/synth";
import {
  ACCOUNT,
  ACCOUNT_KEY_STATEMENT,
  BUCKET,
  BUCKET_ARN,
  BUCKET_ID,
  CONFIG_NAME,
  DEFAULT_ADDRESSES,
  DNS_SUFFIX,
  ENDPOINT_NAME,
  KEY_ARN,
  LOG_GROUP_ARN,
  LOGS_KEY_STATEMENT,
  MODEL_NAME,
  movedFromCount,
  PARTITION,
  PREFIX,
  REGION,
  REPOSITORY_URL,
  SAGEMAKER_KEY_STATEMENT,
  tagged,
  uploadedArtifact,
} from "./expected";
import { RECIPE_ECR_LIFECYCLE_POLICY } from "../../helpers/expected";
import { AWS_PROVIDER, IRIS_SAMPLE_ASSET_HASH, RANDOM_PROVIDER } from "../../helpers/providers";
import {
  expectRegistryTable,
  SKLEARN_INFERENCE_PINNED,
  SKLEARN_INFERENCE_REGIONS,
} from "../../helpers/registry-accounts";

/** The scikit-learn image in the deployment region's registry account. */
const SKLEARN_IMAGE =
  '${lookup(local.sklearn_inference_registry_accounts, data.aws_region.current.region, "no-image-published-in-region")}' +
  ".dkr.ecr.${data.aws_region.current.region}.${data.aws_partition.current.dns_suffix}/sagemaker-scikit-learn:1.2-1-cpu-py3";

const ECR_IMAGE_PATTERN =
  "^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$";

/** `s3BucketNameCondition` of `value`, as the ml-module stack's test spells it out. */
function bucketNameCondition(value: string): string {
  return (
    `((((((((length(${value}) >= 3) && (length(${value}) <= 63))` +
    ` && can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", ${value})))` +
    ` && !strcontains(${value}, ".."))` +
    ` && !can(regex("^[0-9]{1,3}([.][0-9]{1,3}){3}$", ${value})))` +
    ` && !can(regex("^(xn--|sthree-|amzn-s3-demo-)", ${value})))` +
    ` && !can(regex("(-s3alias|--ol-s3|[.]mrap|--x-s3|--table-s3)$", ${value})))` +
    ` && (!endswith(${value}, "-an") || can(regex("-[0-9]{12}-[a-z]{2}(-[a-z]+)+-[0-9]+-an$", ${value}))))`
  );
}

/** The precondition on a resource whose name joins `parts` with `-`. */
function nameCheck(label: string, parts: string[], limit: "sagemaker" | "iam", hint: string) {
  const joined = `join("-", [${parts.join(", ")}])`;
  const shown = parts.map((part) => (part.startsWith('"') ? part.slice(1, -1) : `\${${part}}`));
  const [max, pattern, rule] =
    limit === "sagemaker"
      ? [
          63,
          "^[a-zA-Z0-9](-*[a-zA-Z0-9])*$",
          "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit",
        ]
      : [
          64,
          "^[a-zA-Z0-9_+=,.@-]+$",
          "an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -",
        ];
  return {
    condition: `\${((length(${joined}) <= ${max}) && can(regex("${pattern}", ${joined})))}`,
    error_message: `${label} is '${shown.join("-")}', \${length(${joined})} characters; allowed: ${rule}. ${hint}`,
  };
}

const SAGEMAKER_PARTS = ["var.project_name", "var.environment", "var.model_name"];
const SAGEMAKER_HINT = "Shorten project_name, environment or model_name.";

describe("stack sagemaker-provisioned under the default inputs", () => {
  const json = synthProject().json["sagemaker-provisioned"]!;
  const resources = json.resource!;
  const documents = json.data!.aws_iam_policy_document!;

  it("keeps the recipe's addresses, and has the data sources and the random suffix it reads", () => {
    expect(addresses(json)).toEqual(DEFAULT_ADDRESSES);
  });

  it("moves the resources the recipe counted from their instance 0", () => {
    expect((json as { moved?: unknown }).moved).toEqual(
      movedFromCount(
        "aws_iam_policy.sagemaker_kms_policy",
        "aws_iam_role_policy_attachment.sagemaker_kms_policy_attachment",
        "aws_cloudwatch_log_group.sagemaker_endpoint_logs",
        "aws_appautoscaling_target.sagemaker_target",
        "aws_appautoscaling_policy.sagemaker_scaling_policy",
        "aws_cloudwatch_metric_alarm.endpoint_invocation_errors",
        "aws_cloudwatch_metric_alarm.endpoint_model_errors",
        "aws_cloudwatch_metric_alarm.endpoint_latency",
        "aws_cloudwatch_dashboard.sagemaker_dashboard",
      ),
    );
  });

  it("uses the region variable for the AWS provider, the recipe's default tags, and the random provider", () => {
    expect(json.provider).toEqual({
      aws: [
        {
          region: "${var.region}",
          default_tags: [
            {
              tags: {
                Project: "sagemaker-ml-endpoints",
                Environment: "${var.environment}",
                ManagedBy: "terraform",
              },
            },
          ],
        },
      ],
      random: [{}],
    });
    expect(json.terraform).toEqual({
      backend: { local: { path: "../../../terraform.sagemaker-provisioned.tfstate" } },
      required_providers: {
        aws: AWS_PROVIDER,
        random: RANDOM_PROVIDER,
      },
      required_version: ">= 1.5",
    });
  });

  it("declares the recipe's variables with its defaults and validation rules, stricter where AWS is", () => {
    const whole = (name: string, min: number, max: number) =>
      `\${var.${name} >= ${min} && var.${name} <= ${max} && floor(var.${name}) == var.${name}}`;
    expect(json.variable).toEqual({
      project_name: {
        type: "string",
        default: "ml-models-sagemaker",
        description: "Project name, the start of every resource name",
        validation: [
          {
            condition: '${can(regex("^[a-zA-Z][a-zA-Z0-9-]*$", var.project_name))}',
            error_message:
              "project_name must start with a letter and hold only letters, digits and hyphens; got ${jsonencode(var.project_name)}.",
          },
        ],
      },
      environment: {
        type: "string",
        nullable: false,
        default: "dev",
        description: "Environment: dev, staging or prod",
        validation: [
          {
            condition: '${contains(["dev", "staging", "prod"], var.environment)}',
            error_message:
              "environment must be one of dev, staging or prod; got ${jsonencode(var.environment)}.",
          },
        ],
      },
      region: {
        type: "string",
        default: "us-east-1",
        description: "AWS region to deploy to (the AWS provider's region)",
        validation: [
          {
            condition: '${can(regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", var.region))}',
            error_message:
              "region must be an AWS region code such as us-east-1; got ${jsonencode(var.region)}.",
          },
        ],
      },
      model_name: {
        type: "string",
        default: "sklearn-iris-classifier",
        description:
          "Name of the model, part of the model, endpoint configuration and endpoint names",
        validation: [
          {
            condition: '${can(regex("^[a-zA-Z0-9-]+$", var.model_name))}',
            error_message:
              "model_name must hold only letters, digits and hyphens; got ${jsonencode(var.model_name)}.",
          },
        ],
      },
      container_image_uri: {
        type: "string",
        nullable: false,
        default: "",
        description:
          "Inference image URI; empty: the region's prebuilt scikit-learn image (sagemaker-scikit-learn:1.2-1-cpu-py3)",
        validation: [
          {
            condition: `\${var.container_image_uri == "" || ((length(var.container_image_uri) <= 255) && can(regex("${ECR_IMAGE_PATTERN}", var.container_image_uri)))}`,
            error_message:
              "container_image_uri must be empty or an Amazon ECR image URI of at most 255 characters: <account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]; got ${jsonencode(var.container_image_uri)}.",
          },
        ],
      },
      model_data_url: {
        type: "string",
        nullable: false,
        default: "",
        description: "S3 URL of the model artifact (.tar.gz); empty: s3://<bucket>/model.tar.gz",
        validation: [
          {
            condition:
              '${var.model_data_url == "" || (length(var.model_data_url) <= 1024 && can(regex("^s3://[a-z0-9][a-z0-9.-]*[a-z0-9]/.*[.]tar[.]gz$", var.model_data_url)))}',
            error_message:
              "model_data_url must be empty or an s3:// URL of at most 1024 characters pointing at a .tar.gz model artifact; got ${jsonencode(var.model_data_url)}.",
          },
        ],
      },
      endpoint_instance_type: {
        type: "string",
        default: "ml.m5.large",
        description: "Instance type of the endpoint (not ml.t2 with auto scaling)",
        validation: [
          {
            condition:
              '${can(regex("^ml[.][a-z0-9]+(-[a-z0-9]+)?[.](medium|large|[0-9]*xlarge)$", var.endpoint_instance_type))}',
            error_message:
              "endpoint_instance_type must be a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge; got ${jsonencode(var.endpoint_instance_type)}.",
          },
        ],
      },
      endpoint_initial_instance_count: {
        type: "number",
        nullable: false,
        default: 1,
        description: "Number of instances the endpoint starts with",
        validation: [
          {
            condition: whole("endpoint_initial_instance_count", 1, 10),
            error_message:
              "endpoint_initial_instance_count must be a whole number from 1 to 10; got ${jsonencode(var.endpoint_initial_instance_count)}.",
          },
        ],
      },
      endpoint_initial_variant_weight: {
        type: "number",
        nullable: false,
        default: 1,
        description: "Initial weight of the variant's traffic",
        validation: [
          {
            condition:
              "${var.endpoint_initial_variant_weight >= 0 && var.endpoint_initial_variant_weight <= 1}",
            error_message:
              "endpoint_initial_variant_weight must be a number from 0 to 1; got ${jsonencode(var.endpoint_initial_variant_weight)}.",
          },
        ],
      },
      auto_scaling_min_capacity: {
        type: "number",
        nullable: false,
        default: 1,
        description: "Fewest instances auto scaling keeps",
        validation: [
          {
            condition: whole("auto_scaling_min_capacity", 1, 10),
            error_message:
              "auto_scaling_min_capacity must be a whole number from 1 to 10; got ${jsonencode(var.auto_scaling_min_capacity)}.",
          },
        ],
      },
      auto_scaling_max_capacity: {
        type: "number",
        nullable: false,
        default: 5,
        description: "Most instances auto scaling starts",
        validation: [
          {
            condition: whole("auto_scaling_max_capacity", 1, 20),
            error_message:
              "auto_scaling_max_capacity must be a whole number from 1 to 20; got ${jsonencode(var.auto_scaling_max_capacity)}.",
          },
        ],
      },
      auto_scaling_target_value: {
        type: "number",
        nullable: false,
        default: 70,
        description: "Target invocations per instance per minute",
        validation: [
          {
            condition:
              "${var.auto_scaling_target_value > 0 && var.auto_scaling_target_value <= 1000}",
            error_message:
              "auto_scaling_target_value must be greater than 0 and at most 1000; got ${jsonencode(var.auto_scaling_target_value)}.",
          },
        ],
      },
      ecr_repository_name: {
        type: "string",
        nullable: false,
        default: "sagemaker-sklearn-inference",
        description: "Name of the ECR repository of the inference image",
        validation: [
          {
            condition:
              '${(((length(var.ecr_repository_name) >= 2) && (length(var.ecr_repository_name) <= 256)) && can(regex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", var.ecr_repository_name)))}',
            error_message:
              "ecr_repository_name must be an ECR repository name of 2-256 characters: lowercase letters and digits, separated by '.', '_', '__' or hyphens, with optional '/' namespaces (e.g. team/model-server); got ${jsonencode(var.ecr_repository_name)}.",
          },
        ],
      },
      ecr_image_scan_on_push: {
        type: "bool",
        default: true,
        description: "Whether ECR scans images for vulnerabilities when they are pushed",
      },
      ecr_image_tag_mutability: {
        type: "string",
        nullable: false,
        default: "MUTABLE",
        description: "MUTABLE or IMMUTABLE image tags",
        validation: [
          {
            condition: '${contains(["MUTABLE", "IMMUTABLE"], var.ecr_image_tag_mutability)}',
            error_message:
              "ecr_image_tag_mutability must be MUTABLE or IMMUTABLE; got ${jsonencode(var.ecr_image_tag_mutability)}.",
          },
        ],
      },
      s3_bucket_name: {
        type: "string",
        nullable: false,
        default: "",
        description:
          "Name of the model artifacts bucket; empty: <project_name>-<environment>-models-<random hex>",
        validation: [
          {
            condition: `\${var.s3_bucket_name == "" || ${bucketNameCondition("var.s3_bucket_name")}}`,
            error_message:
              "s3_bucket_name must be empty or an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names); got ${jsonencode(var.s3_bucket_name)}.",
          },
        ],
      },
      s3_force_destroy: {
        type: "bool",
        default: false,
        description: "Whether destroying the stack deletes the bucket with its objects",
      },
      cloudwatch_log_retention_days: {
        type: "number",
        nullable: false,
        default: 7,
        description: "Days the endpoint's logs are kept",
        validation: [
          {
            condition:
              "${contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.cloudwatch_log_retention_days)}",
            error_message:
              "cloudwatch_log_retention_days must be one of the retention periods CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; got ${jsonencode(var.cloudwatch_log_retention_days)}.",
          },
        ],
      },
      alarm_evaluation_periods: {
        type: "number",
        nullable: false,
        default: 2,
        description: "Periods of 5 minutes each alarm evaluates",
        validation: [
          {
            condition: whole("alarm_evaluation_periods", 1, 10),
            error_message:
              "alarm_evaluation_periods must be a whole number from 1 to 10; got ${jsonencode(var.alarm_evaluation_periods)}.",
          },
        ],
      },
      alarm_datapoints_to_alarm: {
        type: "number",
        nullable: false,
        default: 2,
        description: "Breaching periods that fire an alarm (at most alarm_evaluation_periods)",
        validation: [
          {
            condition: whole("alarm_datapoints_to_alarm", 1, 10),
            error_message:
              "alarm_datapoints_to_alarm must be a whole number from 1 to 10; got ${jsonencode(var.alarm_datapoints_to_alarm)}.",
          },
        ],
      },
      sns_email_endpoint: {
        type: "string",
        default: "",
        description:
          "E-mail address subscribed to the alerts (with SNS notifications on); empty: none",
        validation: [
          {
            condition:
              '${var.sns_email_endpoint == "" || can(regex("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+[.][a-zA-Z]{2,}$", var.sns_email_endpoint))}',
            error_message:
              "sns_email_endpoint must be empty or an e-mail address such as ops@example.com; got ${jsonencode(var.sns_email_endpoint)}.",
          },
        ],
      },
      vpc_id: {
        type: "string",
        default: "",
        description: "VPC of the subnets (unused, as in the recipe: the subnets decide the VPC)",
      },
      subnet_ids: {
        type: "list(string)",
        default: [],
        description:
          "Subnets of the model's network interfaces (1-16, with the VPC configuration on)",
      },
      security_group_ids: {
        type: "list(string)",
        default: [],
        description:
          "Security groups of the model's network interfaces (1-5, with the VPC configuration on)",
      },
      kms_key_id: {
        type: "string",
        default: "",
        description:
          "ARN of an existing KMS key (with encryption on); empty: the stack creates one",
        validation: [
          {
            condition:
              '${var.kms_key_id == "" || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_id))}',
            error_message:
              "kms_key_id must be empty or a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id> (not an alias: IAM policies and log groups need the key); got ${jsonencode(var.kms_key_id)}.",
          },
        ],
      },
      additional_tags: {
        type: "map(string)",
        nullable: false,
        default: {},
        description: "Tags added to every resource",
        validation: [
          {
            condition:
              '${length(merge(var.additional_tags, {"Project" = "", "Environment" = "", "ManagedBy" = "", "Name" = ""})) <= 50' +
              ' && alltrue([for key, value in var.additional_tags : length(key) >= 1 && length(key) <= 128 && length(value) <= 256 && !startswith(lower(key), "aws:") && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", key)) && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", value))])}',
            error_message:
              "additional_tags must be a map of at most 50 tags together with Project, Environment, ManagedBy, Name, keys of 1-128 and values of at most 256 letters, digits, spaces and _ . : / = + - @, no key starting with aws:; got ${jsonencode(var.additional_tags)}.",
          },
        ],
      },
      // Beyond the recipe (docs/security.md): how long captured data is kept, and the digest that pins the image.
      data_capture_retention_days: {
        type: "number",
        nullable: false,
        default: 30,
        description:
          "Days captured requests and responses (data-capture/ in the bucket) are kept before they expire",
        validation: [
          {
            condition:
              "${var.data_capture_retention_days >= 1 && var.data_capture_retention_days <= 36500 && floor(var.data_capture_retention_days) == var.data_capture_retention_days}",
            error_message:
              "data_capture_retention_days must be a whole number from 1 to 36500 (days); got ${jsonencode(var.data_capture_retention_days)}.",
          },
        ],
      },
      container_image_digest: {
        type: "string",
        default: "",
        description:
          "Digest (sha256:...) that pins the model image: the model refers to <repository>@<digest> instead of a tag; empty: the tag",
        validation: [
          {
            condition:
              '${var.container_image_digest == "" || can(regex("^sha256:[a-f0-9]{64}$", var.container_image_digest))}',
            error_message:
              "container_image_digest must be empty or an image digest, sha256: and 64 lowercase hex digits; got ${jsonencode(var.container_image_digest)}.",
          },
        ],
      },
    });
  });

  it("names everything from <project_name>-<environment> and tags it like the recipe", () => {
    expect(json.locals).toEqual({
      name_prefix: "${var.project_name}-${var.environment}",
      common_tags:
        '${merge({"Project" = var.project_name, "Environment" = var.environment, "ManagedBy" = "terraform"}, var.additional_tags)}',
      bucket_name: `\${(length(var.s3_bucket_name) < 1) ? "${PREFIX}-models-\${random_id.suffix.hex}" : var.s3_bucket_name}`,
      kms_key_arn:
        "${(length(var.kms_key_id) < 1) ? aws_kms_key.sagemaker_key[0].arn : var.kms_key_id}",
      container_image: `\${(length(var.container_image_uri) < 1) ? "${SKLEARN_IMAGE}" : var.container_image_uri}`,
      model_image:
        '${(length(var.container_image_digest) < 1) ? local.container_image : "${replace(local.container_image, "/(:[^/:@]+|@sha256:[a-f0-9]{64})$/", "")}@${var.container_image_digest}"}',
      model_artifact_url:
        "s3://${aws_s3_object.model_artifact.bucket}/${aws_s3_object.model_artifact.key}",
      sklearn_inference_registry_accounts: expect.any(Object),
    });
    expectRegistryTable(
      json.locals?.sklearn_inference_registry_accounts,
      SKLEARN_INFERENCE_REGIONS,
      SKLEARN_INFERENCE_PINNED,
    );
    expect(resources.random_id).toEqual({ suffix: { byte_length: 4 } });
  });

  it("creates the KMS key, unless kms_key_id names one, with its alias", () => {
    expect(resources.aws_kms_key).toEqual({
      sagemaker_key: {
        count: "${(length(var.kms_key_id) < 1) ? 1 : 0}",
        description: "KMS key for SageMaker endpoint encryption",
        deletion_window_in_days: 7,
        enable_key_rotation: true,
        policy: "${data.aws_iam_policy_document.sagemaker_key_policy.json}",
        tags: tagged(`${PREFIX}-sagemaker-key`),
      },
    });
    expect(resources.aws_kms_alias).toEqual({
      sagemaker_key_alias: {
        count: "${(length(var.kms_key_id) < 1) ? 1 : 0}",
        name: `alias/${PREFIX}-sagemaker-key`,
        target_key_id: "${aws_kms_key.sagemaker_key[0].key_id}",
      },
    });
    expect(documents.sagemaker_key_policy).toEqual({
      statement: [ACCOUNT_KEY_STATEMENT, SAGEMAKER_KEY_STATEMENT, LOGS_KEY_STATEMENT],
    });
  });

  it("creates the image repository, encrypted with the key, its SageMaker pull policy and lifecycle", () => {
    expect(resources.aws_ecr_repository).toEqual({
      inference_repository: {
        name: "${var.ecr_repository_name}",
        image_tag_mutability: "${var.ecr_image_tag_mutability}",
        force_delete: true,
        image_scanning_configuration: { scan_on_push: "${var.ecr_image_scan_on_push}" },
        encryption_configuration: [{ encryption_type: "KMS", kms_key: KEY_ARN }],
        tags: tagged(`${PREFIX}-inference-repository`),
      },
    });
    expect(resources.aws_ecr_repository_policy).toEqual({
      inference_repository_policy: {
        repository: "${aws_ecr_repository.inference_repository.name}",
        policy: "${data.aws_iam_policy_document.inference_repository_policy.json}",
      },
    });
    expect(documents.inference_repository_policy).toEqual({
      statement: [
        {
          sid: "AllowSageMakerAccess",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
          actions: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
          ],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] }],
        },
      ],
    });
    const lifecycle = resources.aws_ecr_lifecycle_policy!.inference_repository_lifecycle!;
    expect(lifecycle.repository).toBe("${aws_ecr_repository.inference_repository.name}");
    expect(JSON.parse(String(lifecycle.policy))).toEqual(RECIPE_ECR_LIFECYCLE_POLICY);
  });

  it("creates the artifact bucket: versioned, encrypted with the key, private, TLS only, with the recipe's lifecycle", () => {
    expect(resources.aws_s3_bucket).toEqual({
      model_artifacts: {
        bucket: "${local.bucket_name}",
        force_destroy: "${var.s3_force_destroy}",
        tags: tagged(`${PREFIX}-model-artifacts`),
        lifecycle: {
          precondition: [
            {
              condition: `\${${bucketNameCondition("local.bucket_name")}}`,
              error_message:
                "The bucket name is '${local.bucket_name}'; allowed: an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names). Set s3_bucket_name, or shorten project_name or environment (the generated name adds 16 characters).",
            },
          ],
        },
      },
    });
    expect(resources.aws_s3_bucket_versioning).toEqual({
      model_artifacts_versioning: {
        bucket: BUCKET_ID,
        versioning_configuration: { status: "Enabled" },
      },
    });
    expect(resources.aws_s3_bucket_server_side_encryption_configuration).toEqual({
      model_artifacts_encryption: {
        bucket: BUCKET_ID,
        rule: [
          {
            apply_server_side_encryption_by_default: {
              sse_algorithm: "aws:kms",
              kms_master_key_id: KEY_ARN,
            },
          },
        ],
      },
    });
    expect(resources.aws_s3_bucket_public_access_block).toEqual({
      model_artifacts_pab: {
        bucket: BUCKET_ID,
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      },
    });
    expect(resources.aws_s3_bucket_lifecycle_configuration).toEqual({
      model_artifacts_lifecycle: {
        bucket: BUCKET_ID,
        rule: [
          {
            id: "model_artifacts_lifecycle",
            status: "Enabled",
            noncurrent_version_expiration: [{ noncurrent_days: 30 }],
            abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
          },
          {
            // Correction: captured requests and responses expire (the recipe keeps them forever).
            id: "data_capture_expiration",
            status: "Enabled",
            filter: [{ prefix: "data-capture/" }],
            expiration: [{ days: "${var.data_capture_retention_days}" }],
          },
        ],
      },
    });
    expect(resources.aws_s3_bucket_policy).toEqual({
      model_artifacts_tls_only: {
        bucket: BUCKET_ID,
        policy: "${data.aws_iam_policy_document.model_artifacts_tls_only.json}",
      },
    });
    expect(documents.model_artifacts_tls_only).toEqual({
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [BUCKET_ARN, `${BUCKET_ARN}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
  });

  it("creates the execution role, trusted by SageMaker for this account and region, with its two policies", () => {
    expect(resources.aws_iam_role).toEqual({
      sagemaker_execution_role: {
        name: `${PREFIX}-sagemaker-execution-role`,
        assume_role_policy: "${data.aws_iam_policy_document.sagemaker_execution_assume_role.json}",
        tags: tagged(`${PREFIX}-sagemaker-execution-role`),
        lifecycle: {
          precondition: [
            nameCheck(
              "The execution role name (<project_name>-<environment>-sagemaker-execution-role)",
              ["var.project_name", "var.environment", '"sagemaker-execution-role"'],
              "iam",
              "Shorten project_name or environment.",
            ),
          ],
        },
      },
    });
    expect(documents.sagemaker_execution_assume_role).toEqual({
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
          condition: [
            {
              test: "ArnLike",
              variable: "aws:SourceArn",
              values: [`arn:${PARTITION}:sagemaker:${REGION}:${ACCOUNT}:*`],
            },
          ],
        },
      ],
    });
    expect(resources.aws_iam_policy).toEqual({
      sagemaker_execution_policy: {
        name: `${PREFIX}-sagemaker-execution-policy`,
        description: "Policy for SageMaker execution role",
        policy: "${data.aws_iam_policy_document.sagemaker_execution_policy.json}",
      },
      sagemaker_kms_policy: {
        name: `${PREFIX}-sagemaker-kms-policy`,
        description: "KMS permissions for SageMaker execution role",
        policy: "${data.aws_iam_policy_document.sagemaker_kms_policy.json}",
      },
    });
    expect(resources.aws_iam_role_policy_attachment).toEqual({
      sagemaker_execution_policy_attachment: {
        role: "${aws_iam_role.sagemaker_execution_role.name}",
        policy_arn: "${aws_iam_policy.sagemaker_execution_policy.arn}",
      },
      sagemaker_kms_policy_attachment: {
        role: "${aws_iam_role.sagemaker_execution_role.name}",
        policy_arn: "${aws_iam_policy.sagemaker_kms_policy.arn}",
      },
    });
    expect(documents.sagemaker_kms_policy).toEqual({
      statement: [
        {
          effect: "Allow",
          actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
          resources: [KEY_ARN],
        },
      ],
    });
  });

  it("lets the role read the artifact, pull the image, write captured data and the endpoint's logs only", () => {
    expect(documents.sagemaker_execution_policy).toEqual({
      statement: [
        {
          sid: "EndpointLogs",
          effect: "Allow",
          actions: [
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:DescribeLogStreams",
            "logs:PutLogEvents",
          ],
          resources: [LOG_GROUP_ARN, `${LOG_GROUP_ARN}:log-stream:*`],
        },
        {
          sid: "Metrics",
          effect: "Allow",
          actions: ["cloudwatch:PutMetricData"],
          resources: ["*"],
        },
        {
          sid: "RegistryLogin",
          effect: "Allow",
          actions: ["ecr:GetAuthorizationToken"],
          resources: ["*"],
        },
        {
          sid: "ImagePull",
          effect: "Allow",
          actions: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer",
          ],
          resources: [
            `\${replace(local.model_image, "/${ECR_IMAGE_PATTERN}/", "arn:${PARTITION}:ecr:$2:$1:repository/$4")}`,
          ],
        },
        {
          sid: "ModelArtifacts",
          effect: "Allow",
          actions: ["s3:GetObject"],
          resources: [
            `\${replace(local.model_artifact_url, "/^s3://(.*)$/", "arn:${PARTITION}:s3:::$1")}`,
          ],
        },
        {
          sid: "DataCapture",
          effect: "Allow",
          actions: ["s3:PutObject"],
          resources: [`${BUCKET_ARN}/data-capture/*`],
        },
      ],
    });
  });

  it("creates the endpoint's own log group, kept 7 days and encrypted with the key", () => {
    expect(resources.aws_cloudwatch_log_group).toEqual({
      sagemaker_endpoint_logs: {
        name: `/aws/sagemaker/Endpoints/${ENDPOINT_NAME}`,
        retention_in_days: "${var.cloudwatch_log_retention_days}",
        kms_key_id: KEY_ARN,
        tags: tagged(`${PREFIX}-endpoint-logs`),
      },
    });
  });

  it("uploads the iris sample's archive, named by its content hash, once the bucket encrypts and versions", () => {
    expect(resources.aws_s3_object).toEqual({
      model_artifact: uploadedArtifact(IRIS_SAMPLE_ASSET_HASH, "iris-sample"),
    });
  });

  it("creates the model: the uploaded sample on the region's scikit-learn image, with the image's handler contract", () => {
    expect(resources.aws_sagemaker_model).toEqual({
      ml_model: {
        name: MODEL_NAME,
        execution_role_arn: "${aws_iam_role.sagemaker_execution_role.arn}",
        primary_container: {
          image: "${local.model_image}",
          model_data_url: "${local.model_artifact_url}",
          environment: {
            SAGEMAKER_PROGRAM: "inference.py",
            SAGEMAKER_SUBMIT_DIRECTORY: "/opt/ml/model/code",
          },
        },
        enable_network_isolation: false,
        tags: tagged(MODEL_NAME),
        lifecycle: {
          precondition: [
            nameCheck(
              "The model name (<project_name>-<environment>-<model_name>)",
              SAGEMAKER_PARTS,
              "sagemaker",
              SAGEMAKER_HINT,
            ),
            {
              condition:
                "${(!(length(var.container_image_uri) < 1) || contains(keys(local.sklearn_inference_registry_accounts), data.aws_region.current.region))}",
              error_message:
                "No SageMaker scikit-learn image is published for region ${data.aws_region.current.region}; regions with one: " +
                "af-south-1, ap-east-1, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, " +
                "ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ca-central-1, ca-west-1, cn-north-1, " +
                "cn-northwest-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, " +
                "eu-west-3, il-central-1, me-central-1, me-south-1, sa-east-1, us-east-1, us-east-2, us-gov-east-1, " +
                "us-gov-west-1, us-iso-east-1, us-isob-east-1, us-isof-east-1, us-isof-south-1, us-west-1, us-west-2. " +
                "Set container_image_uri to a scikit-learn image in this region's registry.",
            },
          ],
        },
      },
    });
  });

  it("creates the endpoint configuration: variant primary, encrypted, capturing every request and response", () => {
    expect(resources.aws_sagemaker_endpoint_configuration).toEqual({
      ml_endpoint_config: {
        name: CONFIG_NAME,
        kms_key_arn: KEY_ARN,
        production_variants: [
          {
            variant_name: "primary",
            model_name: "${aws_sagemaker_model.ml_model.name}",
            instance_type: "${var.endpoint_instance_type}",
            initial_instance_count: "${var.endpoint_initial_instance_count}",
            initial_variant_weight: "${var.endpoint_initial_variant_weight}",
          },
        ],
        data_capture_config: {
          enable_capture: true,
          initial_sampling_percentage: 100,
          destination_s3_uri: `s3://${BUCKET}/data-capture`,
          kms_key_id: KEY_ARN,
          capture_content_type_header: { json_content_types: ["application/json"] },
          capture_options: [{ capture_mode: "Input" }, { capture_mode: "Output" }],
        },
        tags: tagged(CONFIG_NAME),
        lifecycle: {
          precondition: [
            nameCheck(
              "The endpoint configuration name (<project_name>-<environment>-<model_name>-config)",
              [...SAGEMAKER_PARTS, '"config"'],
              "sagemaker",
              SAGEMAKER_HINT,
            ),
          ],
        },
      },
    });
  });

  it("creates the endpoint after its log group", () => {
    expect(resources.aws_sagemaker_endpoint).toEqual({
      ml_endpoint: {
        name: ENDPOINT_NAME,
        endpoint_config_name: "${aws_sagemaker_endpoint_configuration.ml_endpoint_config.name}",
        depends_on: ["aws_cloudwatch_log_group.sagemaker_endpoint_logs"],
        tags: tagged(ENDPOINT_NAME),
        lifecycle: {
          precondition: [
            nameCheck(
              "The endpoint name (<project_name>-<environment>-<model_name>-endpoint)",
              [...SAGEMAKER_PARTS, '"endpoint"'],
              "sagemaker",
              SAGEMAKER_HINT,
            ),
          ],
        },
      },
    });
  });

  it("scales the variant on invocations per instance, in after 5 minutes and out after 1", () => {
    expect(resources.aws_appautoscaling_target).toEqual({
      sagemaker_target: {
        service_namespace: "sagemaker",
        resource_id: `endpoint/${ENDPOINT_NAME}/variant/primary`,
        scalable_dimension: "sagemaker:variant:DesiredInstanceCount",
        min_capacity: "${var.auto_scaling_min_capacity}",
        max_capacity: "${var.auto_scaling_max_capacity}",
        tags: "${local.common_tags}",
        depends_on: ["aws_sagemaker_endpoint.ml_endpoint"],
        lifecycle: {
          precondition: [
            {
              condition: '${!startswith(var.endpoint_instance_type, "ml.t2.")}',
              error_message:
                "endpoint_instance_type is ${var.endpoint_instance_type}: SageMaker cannot auto scale burstable ml.t2 instances. Choose another instance type, or turn auto scaling off (enableAutoScaling: false).",
            },
            {
              condition: "${(var.auto_scaling_min_capacity <= var.auto_scaling_max_capacity)}",
              error_message:
                "auto_scaling_min_capacity (${var.auto_scaling_min_capacity}) must be at most auto_scaling_max_capacity (${var.auto_scaling_max_capacity}).",
            },
          ],
        },
      },
    });
    expect(resources.aws_appautoscaling_policy).toEqual({
      sagemaker_scaling_policy: {
        name: `${PREFIX}-sagemaker-scaling-policy`,
        policy_type: "TargetTrackingScaling",
        resource_id: "${aws_appautoscaling_target.sagemaker_target.resource_id}",
        scalable_dimension: "${aws_appautoscaling_target.sagemaker_target.scalable_dimension}",
        service_namespace: "${aws_appautoscaling_target.sagemaker_target.service_namespace}",
        target_tracking_scaling_policy_configuration: {
          predefined_metric_specification: {
            predefined_metric_type: "SageMakerVariantInvocationsPerInstance",
          },
          target_value: "${var.auto_scaling_target_value}",
          disable_scale_in: false,
          scale_in_cooldown: 300,
          scale_out_cooldown: 60,
        },
      },
    });
  });

  it("alarms on 4XX and 5XX errors and on a model latency above 10 seconds, in microseconds", () => {
    const alarm = (
      name: string,
      metric: string,
      statistic: string,
      threshold: number,
      what: string,
    ) => ({
      alarm_name: `${PREFIX}-${name}`,
      alarm_description: `This metric monitors SageMaker endpoint ${what}`,
      metric_name: metric,
      namespace: "AWS/SageMaker",
      statistic,
      comparison_operator: "GreaterThanThreshold",
      threshold,
      period: 300,
      evaluation_periods: "${var.alarm_evaluation_periods}",
      datapoints_to_alarm: "${var.alarm_datapoints_to_alarm}",
      dimensions: { EndpointName: ENDPOINT_NAME, VariantName: "primary" },
      tags: tagged(`${PREFIX}-${name}`),
      lifecycle: {
        precondition: [
          {
            condition: "${(var.alarm_datapoints_to_alarm <= var.alarm_evaluation_periods)}",
            error_message:
              "alarm_datapoints_to_alarm (${var.alarm_datapoints_to_alarm}) must be at most alarm_evaluation_periods (${var.alarm_evaluation_periods}).",
          },
        ],
      },
    });
    expect(resources.aws_cloudwatch_metric_alarm).toEqual({
      endpoint_invocation_errors: alarm(
        "endpoint-invocation-errors",
        "Invocation4XXErrors",
        "Sum",
        0,
        "4XX errors",
      ),
      endpoint_model_errors: alarm(
        "endpoint-model-errors",
        "Invocation5XXErrors",
        "Sum",
        0,
        "5XX errors",
      ),
      endpoint_latency: alarm(
        "endpoint-high-latency",
        "ModelLatency",
        "Average",
        10_000_000,
        "latency",
      ),
    });
  });

  it("shows the endpoint on a dashboard of three graphs", () => {
    const dashboard = resources.aws_cloudwatch_dashboard!.sagemaker_dashboard!;
    expect(dashboard.dashboard_name).toBe(`${PREFIX}-sagemaker-dashboard`);
    const dimensions =
      '"EndpointName", aws_sagemaker_endpoint.ml_endpoint.name, "VariantName", "primary"';
    const widget = (x: number, y: number, title: string, metrics: string) =>
      `{"type" = "metric", "x" = ${x}, "y" = ${y}, "width" = 12, "height" = 6, "properties" = {"metrics" = ${metrics}, "view" = "timeSeries", "stacked" = false, "region" = data.aws_region.current.region, "title" = "${title}", "period" = 300}}`;
    const same = '".", ".", ".", "."';
    expect(dashboard.dashboard_body).toBe(
      `\${jsonencode({"widgets" = [${[
        widget(
          0,
          0,
          "SageMaker Endpoint Invocations and Errors",
          `[["AWS/SageMaker", "Invocations", ${dimensions}], [".", "Invocation4XXErrors", ${same}], [".", "Invocation5XXErrors", ${same}]]`,
        ),
        widget(
          0,
          6,
          "SageMaker Endpoint Latency",
          `[["AWS/SageMaker", "ModelLatency", ${dimensions}], [".", "OverheadLatency", ${same}]]`,
        ),
        widget(
          12,
          0,
          "SageMaker Endpoint Resource Utilization",
          `[["/aws/sagemaker/Endpoints", "CPUUtilization", ${dimensions}], [".", "MemoryUtilization", ${same}]]`,
        ),
      ].join(", ")}]})}`,
    );
  });

  it("has the recipe's outputs under the same names, null for the SNS topic that is off", () => {
    const value = (name: string) => json.output?.[name]?.value;
    expect(Object.keys(json.output ?? {}).sort()).toEqual(
      [
        "account_id",
        "region",
        "project_name",
        "environment",
        "ecr_repository_url",
        "ecr_repository_arn",
        "ecr_repository_name",
        "s3_bucket_name",
        "s3_bucket_arn",
        "s3_bucket_domain_name",
        "model_data_s3_path",
        "sagemaker_execution_role_arn",
        "sagemaker_execution_role_name",
        "kms_key_id",
        "kms_key_arn",
        "sagemaker_model_name",
        "sagemaker_model_arn",
        "endpoint_config_name",
        "endpoint_config_arn",
        "endpoint_name",
        "endpoint_arn",
        "endpoint_url",
        "autoscaling_target_resource_id",
        "autoscaling_policy_name",
        "autoscaling_policy_arn",
        "cloudwatch_log_group_name",
        "cloudwatch_log_group_arn",
        "cloudwatch_dashboard_url",
        "sns_topic_arn",
        "sns_topic_name",
        "cloudwatch_alarms",
        "docker_commands",
        "test_commands",
        "cost_estimation",
        "security_features",
        "next_steps",
      ].sort(),
    );
    const endpoint = "${aws_sagemaker_endpoint.ml_endpoint.name}";
    const alarm = (name: string) => ({
      name: `\${aws_cloudwatch_metric_alarm.${name}.alarm_name}`,
      arn: `\${aws_cloudwatch_metric_alarm.${name}.arn}`,
    });
    expect(
      Object.fromEntries(Object.entries(json.output ?? {}).map(([name, o]) => [name, o.value])),
    ).toEqual({
      account_id: ACCOUNT,
      region: REGION,
      project_name: "${var.project_name}",
      environment: "${var.environment}",
      ecr_repository_url: REPOSITORY_URL,
      ecr_repository_arn: "${aws_ecr_repository.inference_repository.arn}",
      ecr_repository_name: "${aws_ecr_repository.inference_repository.name}",
      s3_bucket_name: BUCKET,
      s3_bucket_arn: BUCKET_ARN,
      s3_bucket_domain_name: "${aws_s3_bucket.model_artifacts.bucket_domain_name}",
      model_data_s3_path: `s3://${BUCKET}/model.tar.gz`,
      sagemaker_execution_role_arn: "${aws_iam_role.sagemaker_execution_role.arn}",
      sagemaker_execution_role_name: "${aws_iam_role.sagemaker_execution_role.name}",
      kms_key_id:
        "${(length(var.kms_key_id) < 1) ? aws_kms_key.sagemaker_key[0].key_id : var.kms_key_id}",
      kms_key_arn: KEY_ARN,
      sagemaker_model_name: "${aws_sagemaker_model.ml_model.name}",
      sagemaker_model_arn: "${aws_sagemaker_model.ml_model.arn}",
      endpoint_config_name: "${aws_sagemaker_endpoint_configuration.ml_endpoint_config.name}",
      endpoint_config_arn: "${aws_sagemaker_endpoint_configuration.ml_endpoint_config.arn}",
      endpoint_name: endpoint,
      endpoint_arn: "${aws_sagemaker_endpoint.ml_endpoint.arn}",
      endpoint_url: `https://runtime.sagemaker.${REGION}.${DNS_SUFFIX}/endpoints/${endpoint}/invocations`,
      autoscaling_target_resource_id: "${aws_appautoscaling_target.sagemaker_target.resource_id}",
      autoscaling_policy_name: "${aws_appautoscaling_policy.sagemaker_scaling_policy.name}",
      autoscaling_policy_arn: "${aws_appautoscaling_policy.sagemaker_scaling_policy.arn}",
      cloudwatch_log_group_name: "${aws_cloudwatch_log_group.sagemaker_endpoint_logs.name}",
      cloudwatch_log_group_arn: "${aws_cloudwatch_log_group.sagemaker_endpoint_logs.arn}",
      cloudwatch_dashboard_url: `https://\${lookup({"aws" = "console.aws.amazon.com", "aws-cn" = "console.amazonaws.cn", "aws-us-gov" = "console.amazonaws-us-gov.com"}, ${PARTITION.slice(2, -1)}, "console.aws.amazon.com")}/cloudwatch/home?region=${REGION}#dashboards:name=\${aws_cloudwatch_dashboard.sagemaker_dashboard.dashboard_name}`,
      sns_topic_arn: "${null}",
      sns_topic_name: "${null}",
      cloudwatch_alarms: {
        invocation_errors: alarm("endpoint_invocation_errors"),
        model_errors: alarm("endpoint_model_errors"),
        high_latency: alarm("endpoint_latency"),
      },
      docker_commands: {
        login: `aws ecr get-login-password --region ${REGION} | docker login --username AWS --password-stdin ${REPOSITORY_URL}`,
        build: "docker build -t ${aws_ecr_repository.inference_repository.name} .",
        tag: `docker tag \${aws_ecr_repository.inference_repository.name}:latest ${REPOSITORY_URL}:latest`,
        push: `docker push ${REPOSITORY_URL}:latest`,
      },
      test_commands: {
        describe_endpoint: `aws sagemaker describe-endpoint --endpoint-name ${endpoint} --region ${REGION}`,
        invoke_endpoint: `aws sagemaker-runtime invoke-endpoint --endpoint-name ${endpoint} --content-type application/json --cli-binary-format raw-in-base64-out --body '\${jsonencode({"instances" = [[5.1, 3.5, 1.4, 0.2]]})}' --region ${REGION} output.json`,
        check_logs: `aws logs describe-log-streams --log-group-name \${aws_cloudwatch_log_group.sagemaker_endpoint_logs.name} --region ${REGION}`,
      },
      cost_estimation: {
        endpoint_instance_cost:
          '${format("Approximately $%s per month per instance (%s)", lookup({"ml.t2.medium" = "35-50", "ml.c5.large" = "85-120", "ml.m5.large" = "95-100"}, var.endpoint_instance_type, "varies"), var.endpoint_instance_type)}',
        storage_cost: "S3 storage: ~$0.023 per GB per month",
        data_transfer_cost: "Data transfer: $0.09 per GB for outbound data",
        cloudwatch_cost: "CloudWatch logs: ~$0.50 per GB ingested",
        total_estimate:
          "Total estimated cost: $40-150+ per month depending on usage and instance type",
      },
      security_features: {
        encryption_at_rest: true,
        encryption_in_transit: true,
        vpc_isolation: false,
        network_isolation: false,
        cloudwatch_monitoring: true,
        vulnerability_scanning: `\${(var.ecr_image_scan_on_push && (startswith(local.model_image, "${REPOSITORY_URL}:") || startswith(local.model_image, "${REPOSITORY_URL}@")))}`,
        image_pinned_by_digest: '${can(regex("@sha256:[a-f0-9]{64}$", local.model_image))}',
        data_capture_enabled: true,
        data_capture_retention_days: "${var.data_capture_retention_days}",
      },
      next_steps: [
        `1. The endpoint serves the iris sample on the prebuilt scikit-learn image; to serve your own inference container, push it to ECR: ${REPOSITORY_URL} (modelArtifact source s3 or local-file)`,
        `2. Model artifacts uploaded by this stack to: s3://${BUCKET}/model.tar.gz`,
        "3. Test the endpoint using the AWS CLI commands provided in the test_commands output",
        "4. Set up CloudWatch monitoring and alerting if not already enabled",
        "5. Implement A/B testing by creating additional endpoint configurations",
        "6. Consider implementing data capture and model monitoring for production workloads",
        "7. Review and optimize instance types based on actual performance requirements",
      ],
    });
    expect(value("sns_topic_arn")).toBe("${null}");
    expect(json.output?.endpoint_url?.description).toBe("SageMaker endpoint URL for inference");
  });
});
