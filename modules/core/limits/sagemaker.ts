/** SageMaker's limits: names, instance types, serverless capacity, images, model data, container environments. */
import { isUnresolved, type Limit, type Problems } from "../validation";
import { hcl } from "../terraform-conditions";
import { describeChoices, lengthNote, maxLength } from "../rules";
import { oneOfLimit, patternLimit, wholeNumberLimit } from "./shapes";

/** The longest SageMaker name (botocore `EntityName`). */
export const SAGEMAKER_NAME_MAX_LENGTH = 63;

/**
 * Model, endpoint configuration, endpoint, variant and container host names (botocore `EntityName` and friends):
 * 1-63 characters. The pattern leaves the length to `length()`: botocore's `{0,62}` counts groups of hyphens plus one
 * character, so a name longer than 63 with hyphens in it would match.
 */
export const SAGEMAKER_NAME = patternLimit(
  "^[a-zA-Z0-9](-*[a-zA-Z0-9])*$",
  "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit",
  { max: SAGEMAKER_NAME_MAX_LENGTH },
);

/**
 * A hosting instance type. Every value of botocore's `ProductionVariantInstanceType` matches, including the
 * hyphenated families such as `ml.p6-b200`.
 */
export const INSTANCE_TYPE = patternLimit(
  "^ml[.][a-z0-9]+(-[a-z0-9]+)?[.](medium|large|[0-9]*xlarge)$",
  "a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge",
);

/** Serverless endpoint memory: 1024-6144 MB in 1 GB steps (`ProductionVariantServerlessConfig.MemorySizeInMB`). */
const SERVERLESS_MEMORY_SIZES = [1024, 2048, 3072, 4096, 5120, 6144];
export const SERVERLESS_MEMORY_SIZE = oneOfLimit(
  SERVERLESS_MEMORY_SIZES,
  describeChoices(SERVERLESS_MEMORY_SIZES, " (MB)"),
);

/** Serverless maximum and provisioned concurrency: 1-200 (`MaxConcurrency`, `ProvisionedConcurrency`). */
export const SERVERLESS_CONCURRENCY = wholeNumberLimit(1, 200);

/**
 * `ContainerDefinition.Image` from any registry: at most 255 characters, no whitespace. (Images SageMaker pulls from
 * Amazon ECR: `ECR_IMAGE_URI`.)
 */
export const CONTAINER_IMAGE: Limit<string> = {
  description: "an image URI of at most 255 characters without whitespace",
  rule: (value) =>
    /^\S{1,255}$/.test(value)
      ? undefined
      : `${CONTAINER_IMAGE.description}${lengthNote(value, 255)}`,
  // One backslash reaches RE2: the HCL string literal holds two.
  condition: (value) => hcl`length(${value}) <= 255 && can(regex("^\\\\S+$", ${value}))`,
};

/** What a `.tar.gz` model artifact's URL may be, after its scheme. */
const TAR_GZ_URL = "URL of at most 1024 characters pointing at a .tar.gz model artifact";

/** `ContainerDefinition.ModelDataUrl` of a compressed artifact: an s3:// or https:// URL of a `.tar.gz`. */
export const MODEL_DATA_URL = patternLimit(
  "^(https|s3)://[^/]+/.*[.]tar[.]gz$",
  `an s3:// or https:// ${TAR_GZ_URL}`,
  { max: 1024 },
);

/**
 * A model artifact in S3: an s3:// URL of a `.tar.gz` in a bucket whose name has the characters of a bucket name
 * (an execution role is granted read on it).
 */
const S3_MODEL_ARTIFACT_PATTERN = "^s3://[a-z0-9][a-z0-9.-]*[a-z0-9]/.*[.]tar[.]gz$";
export const S3_MODEL_ARTIFACT: Limit<string> = {
  ...patternLimit(S3_MODEL_ARTIFACT_PATTERN, `an s3:// ${TAR_GZ_URL}`, { max: 1024 }),
  condition: (value) =>
    hcl`(length(${value}) <= 1024 && can(regex("${S3_MODEL_ARTIFACT_PATTERN}", ${value})))`,
};

const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/;
const ENVIRONMENT_VALUE = maxLength(1024);

/**
 * `ContainerDefinition.Environment`: at most 100 entries, keys `[a-zA-Z_][a-zA-Z0-9_]*` up to 1024
 * characters, values up to 1024 characters, all keys and values together at most 32 KB.
 */
export function checkContainerEnvironment(
  problems: Problems,
  field: string,
  environment: Readonly<Record<string, string>> | undefined,
): void {
  if (environment === undefined || isUnresolved(Object.keys(environment))) return;
  const entries = Object.entries(environment);
  if (entries.length > 100) {
    problems.add(field, `${entries.length} entries`, "at most 100 environment variables");
  }
  let size = 0;
  for (const [key, value] of entries) {
    if (!ENVIRONMENT_KEY.test(key)) {
      problems.add(
        `${field}.${key}`,
        key,
        "an environment variable name of letters, digits and '_', not starting with a digit, at most 1024 characters",
      );
    }
    if (!isUnresolved(value)) {
      if (ENVIRONMENT_VALUE(value) !== undefined) {
        problems.add(
          `${field}.${key}`,
          `${value.length} characters`,
          "a value of at most 1024 characters",
        );
      }
      size += key.length + value.length;
    }
  }
  if (size > 32 * 1024) {
    problems.add(field, `${size} bytes`, "at most 32768 bytes of keys and values together");
  }
}

/**
 * An instance type SageMaker can auto scale: Application Auto Scaling refuses burstable `ml.t2` instances (SageMaker
 * Developer Guide, "Automatic scaling of Amazon SageMaker AI models": prerequisites).
 */
export const AUTO_SCALABLE_INSTANCE_TYPE: Limit<string> = {
  description: "an instance type SageMaker can auto scale, not a burstable ml.t2 type",
  rule: (value) =>
    value.startsWith("ml.t2.") ? AUTO_SCALABLE_INSTANCE_TYPE.description : undefined,
  condition: (value) => hcl`!startswith(${value}, "ml.t2.")`,
};

/**
 * What a serverless endpoint excludes, each as the reason it refuses a setting (SageMaker Developer Guide,
 * Serverless Inference, feature exclusions: "GPUs, AWS marketplace model packages, private Docker registries,
 * Multi-Model Endpoints, VPC configuration, network isolation, data capture, multiple production variants, Model
 * Monitor, and inference pipelines"; and `ModelDataSource`, uncompressed model data, which it does not load).
 */
export const SERVERLESS_EXCLUDES = {
  gpu: "serverless endpoints exclude GPUs",
  multiModel: "serverless endpoints exclude multi-model endpoints",
  uncompressedModel: "serverless endpoints load compressed model data only",
  vpc: "serverless endpoints exclude VPC configuration",
  networkIsolation: "serverless endpoints exclude network isolation",
  dataCapture: "serverless endpoints exclude data capture",
  variants: "serverless endpoints exclude multiple production variants",
  pipeline: "serverless endpoints exclude inference pipelines",
} as const;
