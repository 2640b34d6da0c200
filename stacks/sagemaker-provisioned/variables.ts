import { Op, TerraformVariable, type IResolvable } from "cdktf";
import type { Construct } from "constructs";
import {
  ECR_IMAGE_URI_RULE,
  ECR_REPOSITORY_NAME_RULE,
  INSTANCE_TYPE_RULE,
  MAX_TAGS,
  TAG_TEXT_RULE,
} from "../../modules/core/rules";
import {
  ecrImageUriCondition,
  ecrRepositoryNameCondition,
  emailAddressCondition,
  instanceTypeCondition,
  isEmptyString,
  s3BucketNameCondition,
  tagsCondition,
  withValueGiven,
} from "../../modules/core/terraform-conditions";
import { REGION_PATTERN } from "../region-variable";
import type { RecipeEnvironment } from "./switches";

/**
 * The default instance type. Correction: the recipe's `ml.t2.medium` is burstable, and SageMaker refuses to
 * auto scale burstable instances, so the recipe's defaults (auto scaling on) fail when the scalable target is
 * registered. `ml.m5.large` is the general-purpose type the recipe lists for balanced workloads (2 vCPUs, 8 GiB).
 */
export const DEFAULT_INSTANCE_TYPE = "ml.m5.large";

/**
 * The tags every resource of the stack gets besides additional_tags: the recipe's common tags (also the
 * provider's default tags) and Name. They count toward the 50 tags a resource may have.
 */
export const COMMON_TAG_KEYS = ["Project", "Environment", "ManagedBy", "Name"] as const;

/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** A model artifact in S3: an `s3://` URL of a `.tar.gz` (without backslashes: a Terraform pattern). */
export const S3_MODEL_ARTIFACT_PATTERN = "^s3://[a-z0-9][a-z0-9.-]*[a-z0-9]/.*[.]tar[.]gz$";
/** A KMS key ARN (not an alias: IAM policies and log groups need the key). */
export const KMS_KEY_ARN_PATTERN = "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$";

/** The recipe's variables, each as a Terraform variable (the enable_* switches are typed props instead). */
export interface RecipeVariables {
  readonly projectName: TerraformVariable;
  readonly environment: TerraformVariable;
  readonly region: TerraformVariable;
  readonly modelName: TerraformVariable;
  readonly containerImageUri: TerraformVariable;
  readonly modelDataUrl: TerraformVariable;
  readonly endpointInstanceType: TerraformVariable;
  readonly endpointInitialInstanceCount: TerraformVariable;
  readonly endpointInitialVariantWeight: TerraformVariable;
  readonly autoScalingMinCapacity: TerraformVariable;
  readonly autoScalingMaxCapacity: TerraformVariable;
  readonly autoScalingTargetValue: TerraformVariable;
  readonly ecrRepositoryName: TerraformVariable;
  readonly ecrImageScanOnPush: TerraformVariable;
  readonly ecrImageTagMutability: TerraformVariable;
  readonly s3BucketName: TerraformVariable;
  readonly s3ForceDestroy: TerraformVariable;
  readonly cloudwatchLogRetentionDays: TerraformVariable;
  readonly alarmEvaluationPeriods: TerraformVariable;
  readonly alarmDatapointsToAlarm: TerraformVariable;
  readonly snsEmailEndpoint: TerraformVariable;
  readonly vpcId: TerraformVariable;
  readonly subnetIds: TerraformVariable;
  readonly securityGroupIds: TerraformVariable;
  readonly kmsKeyId: TerraformVariable;
  readonly additionalTags: TerraformVariable;
}

/** Adds a validation of a string variable by a Terraform condition; with `orEmpty`, the empty string passes too. */
function validate(
  variable: TerraformVariable,
  condition: (value: string) => IResolvable,
  errorMessage: string,
  orEmpty = false,
): void {
  const value = variable.stringValue;
  variable.addValidation({
    condition: orEmpty ? Op.or(isEmptyString(value), condition(value)) : condition(value),
    errorMessage: withValueGiven(variable.friendlyUniqueId, errorMessage),
  });
}

/** A number variable from `min` to `max`, a whole number when `whole`. */
function numberVariable(
  scope: Construct,
  name: string,
  config: { default: number; description: string; min: number; max: number; whole: boolean },
): TerraformVariable {
  const range = `var.${name} >= ${config.min} && var.${name} <= ${config.max}`;
  const kind = config.whole ? "a whole number" : "a number";
  return new TerraformVariable(scope, name, {
    type: "number",
    default: config.default,
    description: config.description,
    validation: [
      {
        condition: config.whole
          ? `\${${range} && floor(var.${name}) == var.${name}}`
          : `\${${range}}`,
        errorMessage: withValueGiven(
          name,
          `${name} must be ${kind} from ${config.min} to ${config.max}.`,
        ),
      },
    ],
  });
}

/**
 * Declares the recipe's variables: the same names, types, defaults and validation rules.
 *
 * Correction: where the recipe accepts values AWS refuses, the validation is stricter, and the inputs it leaves
 * unchecked are checked: counts and capacities are whole numbers; the instance type, the repository name, the
 * image URI, the model data URL, the bucket name and the KMS key ARN must be what AWS accepts; the region is a
 * region code.
 */
export function recipeVariables(
  scope: Construct,
  environmentDefault: RecipeEnvironment,
  imageDefault: string,
): RecipeVariables {
  const variable = (name: string, config: ConstructorParameters<typeof TerraformVariable>[2]) =>
    new TerraformVariable(scope, name, config);

  const projectName = variable("project_name", {
    type: "string",
    default: "ml-models-sagemaker",
    description: "Project name, the start of every resource name",
    validation: [
      {
        condition: '${can(regex("^[a-zA-Z][a-zA-Z0-9-]*$", var.project_name))}',
        errorMessage: withValueGiven(
          "project_name",
          "project_name must start with a letter and hold only letters, digits and hyphens.",
        ),
      },
    ],
  });
  const environment = variable("environment", {
    type: "string",
    default: environmentDefault,
    description: "Environment: dev, staging or prod",
    validation: [
      {
        condition: '${contains(["dev", "staging", "prod"], var.environment)}',
        errorMessage: withValueGiven(
          "environment",
          "environment must be one of dev, staging or prod.",
        ),
      },
    ],
  });
  // Correction: the recipe declares region and never uses it; here it is the AWS provider's region.
  const region = variable("region", {
    type: "string",
    default: "us-east-1",
    description: "AWS region to deploy to (the AWS provider's region)",
    validation: [
      {
        condition: `\${can(regex("${REGION_PATTERN}", var.region))}`,
        errorMessage: withValueGiven(
          "region",
          "region must be an AWS region code such as us-east-1.",
        ),
      },
    ],
  });
  const modelName = variable("model_name", {
    type: "string",
    default: "sklearn-iris-classifier",
    description: "Name of the model, part of the model, endpoint configuration and endpoint names",
    validation: [
      {
        condition: '${can(regex("^[a-zA-Z0-9-]+$", var.model_name))}',
        errorMessage: withValueGiven(
          "model_name",
          "model_name must hold only letters, digits and hyphens.",
        ),
      },
    ],
  });
  const containerImageUri = variable("container_image_uri", {
    type: "string",
    default: "",
    description: `Inference image URI; empty: ${imageDefault}`,
  });
  validate(
    containerImageUri,
    ecrImageUriCondition,
    `container_image_uri must be empty or ${ECR_IMAGE_URI_RULE}.`,
    true,
  );
  const modelDataUrl = variable("model_data_url", {
    type: "string",
    default: "",
    description: "S3 URL of the model artifact (.tar.gz); empty: s3://<bucket>/model.tar.gz",
    validation: [
      {
        condition: `\${var.model_data_url == "" || (length(var.model_data_url) <= 1024 && can(regex("${S3_MODEL_ARTIFACT_PATTERN}", var.model_data_url)))}`,
        errorMessage: withValueGiven(
          "model_data_url",
          "model_data_url must be empty or an s3:// URL of at most 1024 characters pointing at a .tar.gz model artifact.",
        ),
      },
    ],
  });
  const endpointInstanceType = variable("endpoint_instance_type", {
    type: "string",
    default: DEFAULT_INSTANCE_TYPE,
    description: "Instance type of the endpoint (not ml.t2 with auto scaling)",
  });
  validate(
    endpointInstanceType,
    instanceTypeCondition,
    `endpoint_instance_type must be ${INSTANCE_TYPE_RULE}.`,
  );
  const endpointInitialInstanceCount = numberVariable(scope, "endpoint_initial_instance_count", {
    default: 1,
    description: "Number of instances the endpoint starts with",
    min: 1,
    max: 10,
    whole: true,
  });
  const endpointInitialVariantWeight = numberVariable(scope, "endpoint_initial_variant_weight", {
    default: 1,
    description: "Initial weight of the variant's traffic",
    min: 0,
    max: 1,
    whole: false,
  });
  const autoScalingMinCapacity = numberVariable(scope, "auto_scaling_min_capacity", {
    default: 1,
    description: "Fewest instances auto scaling keeps",
    min: 1,
    max: 10,
    whole: true,
  });
  const autoScalingMaxCapacity = numberVariable(scope, "auto_scaling_max_capacity", {
    default: 5,
    description: "Most instances auto scaling starts",
    min: 1,
    max: 20,
    whole: true,
  });
  const autoScalingTargetValue = variable("auto_scaling_target_value", {
    type: "number",
    default: 70,
    description: "Target invocations per instance per minute",
    validation: [
      {
        condition: "${var.auto_scaling_target_value > 0 && var.auto_scaling_target_value <= 1000}",
        errorMessage: withValueGiven(
          "auto_scaling_target_value",
          "auto_scaling_target_value must be greater than 0 and at most 1000.",
        ),
      },
    ],
  });
  const ecrRepositoryName = variable("ecr_repository_name", {
    type: "string",
    default: "sagemaker-sklearn-inference",
    description: "Name of the ECR repository of the inference image",
  });
  validate(
    ecrRepositoryName,
    ecrRepositoryNameCondition,
    `ecr_repository_name must be ${ECR_REPOSITORY_NAME_RULE}.`,
  );
  const ecrImageScanOnPush = variable("ecr_image_scan_on_push", {
    type: "bool",
    default: true,
    description: "Whether ECR scans images for vulnerabilities when they are pushed",
  });
  const ecrImageTagMutability = variable("ecr_image_tag_mutability", {
    type: "string",
    default: "MUTABLE",
    description: "MUTABLE or IMMUTABLE image tags",
    validation: [
      {
        condition: '${contains(["MUTABLE", "IMMUTABLE"], var.ecr_image_tag_mutability)}',
        errorMessage: withValueGiven(
          "ecr_image_tag_mutability",
          "ecr_image_tag_mutability must be MUTABLE or IMMUTABLE.",
        ),
      },
    ],
  });
  const s3BucketName = variable("s3_bucket_name", {
    type: "string",
    default: "",
    description:
      "Name of the model artifacts bucket; empty: <project_name>-<environment>-models-<random hex>",
  });
  validate(
    s3BucketName,
    s3BucketNameCondition,
    "s3_bucket_name must be empty or an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names).",
    true,
  );
  const s3ForceDestroy = variable("s3_force_destroy", {
    type: "bool",
    default: false,
    description: "Whether destroying the stack deletes the bucket with its objects",
  });
  const cloudwatchLogRetentionDays = variable("cloudwatch_log_retention_days", {
    type: "number",
    default: 7,
    description: "Days the endpoint's logs are kept",
    validation: [
      {
        condition: `\${contains([${LOG_RETENTION_DAYS.join(", ")}], var.cloudwatch_log_retention_days)}`,
        errorMessage: withValueGiven(
          "cloudwatch_log_retention_days",
          `cloudwatch_log_retention_days must be one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
        ),
      },
    ],
  });
  const alarmEvaluationPeriods = numberVariable(scope, "alarm_evaluation_periods", {
    default: 2,
    description: "Periods of 5 minutes each alarm evaluates",
    min: 1,
    max: 10,
    whole: true,
  });
  const alarmDatapointsToAlarm = numberVariable(scope, "alarm_datapoints_to_alarm", {
    default: 2,
    description: "Breaching periods that fire an alarm (at most alarm_evaluation_periods)",
    min: 1,
    max: 10,
    whole: true,
  });
  const snsEmailEndpoint = variable("sns_email_endpoint", {
    type: "string",
    default: "",
    description: "E-mail address subscribed to the alerts (with SNS notifications on); empty: none",
  });
  validate(
    snsEmailEndpoint,
    emailAddressCondition,
    "sns_email_endpoint must be empty or an e-mail address.",
    true,
  );
  const vpcId = variable("vpc_id", {
    type: "string",
    default: "",
    description: "VPC of the subnets (unused, as in the recipe: the subnets decide the VPC)",
  });
  const subnetIds = variable("subnet_ids", {
    type: "list(string)",
    default: [],
    description: "Subnets of the model's network interfaces (1-16, with the VPC configuration on)",
  });
  const securityGroupIds = variable("security_group_ids", {
    type: "list(string)",
    default: [],
    description:
      "Security groups of the model's network interfaces (1-5, with the VPC configuration on)",
  });
  const kmsKeyId = variable("kms_key_id", {
    type: "string",
    default: "",
    description: "ARN of an existing KMS key (with encryption on); empty: the stack creates one",
    validation: [
      {
        condition: `\${var.kms_key_id == "" || can(regex("${KMS_KEY_ARN_PATTERN}", var.kms_key_id))}`,
        errorMessage: withValueGiven(
          "kms_key_id",
          "kms_key_id must be empty or a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id> (not an alias: IAM policies and log groups need the key).",
        ),
      },
    ],
  });
  const additionalTags = variable("additional_tags", {
    type: "map(string)",
    default: {},
    description: "Tags added to every resource",
    validation: [
      {
        condition: tagsCondition("var.additional_tags", COMMON_TAG_KEYS),
        errorMessage: withValueGiven(
          "additional_tags",
          `additional_tags must hold at most ${MAX_TAGS} tags together with ${COMMON_TAG_KEYS.join(", ")}, ${TAG_TEXT_RULE}.`,
        ),
      },
    ],
  });
  return {
    projectName,
    environment,
    region,
    modelName,
    containerImageUri,
    modelDataUrl,
    endpointInstanceType,
    endpointInitialInstanceCount,
    endpointInitialVariantWeight,
    autoScalingMinCapacity,
    autoScalingMaxCapacity,
    autoScalingTargetValue,
    ecrRepositoryName,
    ecrImageScanOnPush,
    ecrImageTagMutability,
    s3BucketName,
    s3ForceDestroy,
    cloudwatchLogRetentionDays,
    alarmEvaluationPeriods,
    alarmDatapointsToAlarm,
    snsEmailEndpoint,
    vpcId,
    subnetIds,
    securityGroupIds,
    kmsKeyId,
    additionalTags,
  };
}
