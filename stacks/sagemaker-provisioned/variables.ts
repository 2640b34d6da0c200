import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { LOG_RETENTION_DAYS } from "../../modules/core/limits/cloudwatch";
import {
  ECR_IMAGE_URI,
  ECR_REPOSITORY_NAME,
  ECR_TAG_MUTABILITY,
} from "../../modules/core/limits/ecr";
import { KMS_KEY_ARN } from "../../modules/core/limits/kms";
import { REGION } from "../../modules/core/limits/region";
import { S3_BUCKET_NAME } from "../../modules/core/limits/s3";
import { INSTANCE_TYPE, S3_MODEL_ARTIFACT } from "../../modules/core/limits/sagemaker";
import { numberLimit, oneOfLimit, wholeNumberLimit } from "../../modules/core/limits/shapes";
import { EMAIL_ADDRESS } from "../../modules/core/limits/sns";
import { tagsLimit } from "../../modules/core/limits/tags";
import { validateBy } from "../../modules/core/limits/variables";
import { hcl, withValueGiven } from "../../modules/core/terraform-conditions";
import type { Limit } from "../../modules/core/validation";
import { numberVariable } from "../number-variable";
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

/** The environments the recipe accepts. */
const ENVIRONMENTS = oneOfLimit<RecipeEnvironment>(
  ["dev", "staging", "prod"],
  "one of dev, staging or prod",
);

/** The recipe's target value: invocations per instance per minute. */
const TARGET_VALUE: Limit<number> = {
  description: "greater than 0 and at most 1000",
  rule: (value) => (value > 0 && value <= 1000 ? undefined : TARGET_VALUE.description),
  condition: (value) => hcl`${value} > 0 && ${value} <= 1000`,
};

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
  /** A string variable that is not nullable (its condition calls functions that refuse null). */
  const text = (name: string, defaultValue: string, description: string) =>
    variable(name, { type: "string", default: defaultValue, description, nullable: false });
  const number = (name: string, defaultValue: number, description: string, limit: Limit<number>) =>
    numberVariable(scope, name, { default: defaultValue, description, limit });

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
  const environment = text("environment", environmentDefault, "Environment: dev, staging or prod");
  validateBy(environment, ENVIRONMENTS, environment.stringValue);
  // Correction: the recipe declares region and never uses it; here it is the AWS provider's region.
  const region = variable("region", {
    type: "string",
    default: "us-east-1",
    description: "AWS region to deploy to (the AWS provider's region)",
  });
  validateBy(region, REGION, region.stringValue);
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
  const containerImageUri = text(
    "container_image_uri",
    "",
    `Inference image URI; empty: ${imageDefault}`,
  );
  validateBy(containerImageUri, ECR_IMAGE_URI, containerImageUri.stringValue, { orEmpty: true });
  const modelDataUrl = text(
    "model_data_url",
    "",
    "S3 URL of the model artifact (.tar.gz); empty: s3://<bucket>/model.tar.gz",
  );
  validateBy(modelDataUrl, S3_MODEL_ARTIFACT, modelDataUrl.stringValue, { orEmpty: true });
  const endpointInstanceType = variable("endpoint_instance_type", {
    type: "string",
    default: DEFAULT_INSTANCE_TYPE,
    description: "Instance type of the endpoint (not ml.t2 with auto scaling)",
  });
  validateBy(endpointInstanceType, INSTANCE_TYPE, endpointInstanceType.stringValue);
  const endpointInitialInstanceCount = number(
    "endpoint_initial_instance_count",
    1,
    "Number of instances the endpoint starts with",
    wholeNumberLimit(1, 10),
  );
  const endpointInitialVariantWeight = number(
    "endpoint_initial_variant_weight",
    1,
    "Initial weight of the variant's traffic",
    numberLimit(0, 1),
  );
  const autoScalingMinCapacity = number(
    "auto_scaling_min_capacity",
    1,
    "Fewest instances auto scaling keeps",
    wholeNumberLimit(1, 10),
  );
  const autoScalingMaxCapacity = number(
    "auto_scaling_max_capacity",
    5,
    "Most instances auto scaling starts",
    wholeNumberLimit(1, 20),
  );
  const autoScalingTargetValue = number(
    "auto_scaling_target_value",
    70,
    "Target invocations per instance per minute",
    TARGET_VALUE,
  );
  const ecrRepositoryName = text(
    "ecr_repository_name",
    "sagemaker-sklearn-inference",
    "Name of the ECR repository of the inference image",
  );
  validateBy(ecrRepositoryName, ECR_REPOSITORY_NAME, ecrRepositoryName.stringValue);
  const ecrImageScanOnPush = variable("ecr_image_scan_on_push", {
    type: "bool",
    default: true,
    description: "Whether ECR scans images for vulnerabilities when they are pushed",
  });
  const ecrImageTagMutability = text(
    "ecr_image_tag_mutability",
    "MUTABLE",
    "MUTABLE or IMMUTABLE image tags",
  );
  validateBy(ecrImageTagMutability, ECR_TAG_MUTABILITY, ecrImageTagMutability.stringValue);
  const s3BucketName = text(
    "s3_bucket_name",
    "",
    "Name of the model artifacts bucket; empty: <project_name>-<environment>-models-<random hex>",
  );
  validateBy(s3BucketName, S3_BUCKET_NAME, s3BucketName.stringValue, { orEmpty: true });
  const s3ForceDestroy = variable("s3_force_destroy", {
    type: "bool",
    default: false,
    description: "Whether destroying the stack deletes the bucket with its objects",
  });
  const cloudwatchLogRetentionDays = number(
    "cloudwatch_log_retention_days",
    7,
    "Days the endpoint's logs are kept",
    LOG_RETENTION_DAYS,
  );
  const alarmEvaluationPeriods = number(
    "alarm_evaluation_periods",
    2,
    "Periods of 5 minutes each alarm evaluates",
    wholeNumberLimit(1, 10),
  );
  const alarmDatapointsToAlarm = number(
    "alarm_datapoints_to_alarm",
    2,
    "Breaching periods that fire an alarm (at most alarm_evaluation_periods)",
    wholeNumberLimit(1, 10),
  );
  const snsEmailEndpoint = variable("sns_email_endpoint", {
    type: "string",
    default: "",
    description: "E-mail address subscribed to the alerts (with SNS notifications on); empty: none",
  });
  validateBy(snsEmailEndpoint, EMAIL_ADDRESS, snsEmailEndpoint.stringValue, { orEmpty: true });
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
  });
  validateBy(kmsKeyId, KMS_KEY_ARN, kmsKeyId.stringValue, { orEmpty: true });
  const additionalTags = variable("additional_tags", {
    type: "map(string)",
    default: {},
    description: "Tags added to every resource",
    nullable: false,
  });
  validateBy(
    additionalTags,
    tagsLimit(COMMON_TAG_KEYS),
    additionalTags.value as Readonly<Record<string, string>>,
  );
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
