/**
 * The model artifacts bucket: its variables and name, the bucket (versioned, encrypted, private, TLS only), the
 * captured inference data it holds and how long that is kept, and the precondition on the name Terraform builds.
 */
import { Fn, TerraformLocal, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { S3_BUCKET_NAME } from "../../modules/core/limits/s3";
import { wholeNumberLimit } from "../../modules/core/limits/shapes";
import { addPreconditions } from "../../modules/core/preconditions";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { ArtifactBucket, type AccessLogging } from "../../modules/storage/artifact-bucket";
import { numberVariable, stringVariable } from "../validated-variables";
import type { RecipeNames } from "./naming";

const BUCKET = "model-artifacts";
const BUCKET_NAME = "bucket_name";
/** Where data capture writes, in the bucket. */
const DATA_CAPTURE_PREFIX = "data-capture";

/** Days captured requests and responses are kept by default; then they expire (docs/security.md). */
export const DEFAULT_DATA_CAPTURE_RETENTION_DAYS = 30;
/** The longest retention the variable accepts (100 years), so that a value in the wrong unit is caught. */
export const MAX_DATA_CAPTURE_RETENTION_DAYS = 36500;

/** The recipe's addresses of the bucket and its configuration, and `local.bucket_name` (the TLS-only policy and the access logging are new). */
export function storageAddresses(accessLogging: boolean): Record<string, string> {
  return {
    [BUCKET_NAME]: BUCKET_NAME,
    [`${BUCKET}/bucket`]: "model_artifacts",
    [`${BUCKET}/versioning`]: "model_artifacts_versioning",
    [`${BUCKET}/encryption`]: "model_artifacts_encryption",
    [`${BUCKET}/public-access-block`]: "model_artifacts_pab",
    [`${BUCKET}/lifecycle`]: "model_artifacts_lifecycle",
    [`${BUCKET}/policy`]: "model_artifacts_tls_only",
    [`${BUCKET}/policy-document`]: "model_artifacts_tls_only",
    ...(accessLogging ? { [`${BUCKET}/logging`]: "model_artifacts_logging" } : {}),
  };
}

export interface StorageVariables {
  readonly s3BucketName: TerraformVariable;
  readonly s3ForceDestroy: TerraformVariable;
}

/** s3_bucket_name and s3_force_destroy. */
export function storageVariables(scope: Construct): StorageVariables {
  const s3BucketName = stringVariable(scope, "s3_bucket_name", {
    default: "",
    description:
      "Name of the model artifacts bucket; empty: <project_name>-<environment>-models-<random hex>",
    limit: S3_BUCKET_NAME,
    orEmpty: true,
    nullable: false,
  });
  const s3ForceDestroy = new TerraformVariable(scope, "s3_force_destroy", {
    type: "bool",
    default: false,
    description: "Whether destroying the stack deletes the bucket with its objects",
  });
  return { s3BucketName, s3ForceDestroy };
}

/** data_capture_retention_days (not in the recipe): how long captured requests and responses are kept. */
export function dataCaptureRetentionVariable(scope: Construct): TerraformVariable {
  return numberVariable(scope, "data_capture_retention_days", {
    default: DEFAULT_DATA_CAPTURE_RETENTION_DAYS,
    description: `Days captured requests and responses (${DATA_CAPTURE_PREFIX}/ in the bucket) are kept before they expire`,
    limit: wholeNumberLimit(1, MAX_DATA_CAPTURE_RETENTION_DAYS, " (days)"),
  });
}

/** Why the bucket goes without what the policy checks ask for (printed with each finding on every synth). */
const BUCKET_REASONS = {
  accessLogging:
    "The recipe has no log bucket, and server access logs belong in a log bucket of the account's (often a " +
    "central one) that this stack does not own. Set SagemakerProvisionedStackProps.accessLogging to deliver " +
    "them there, or record object-level access with CloudTrail data events.",
  replication:
    "A second copy is a disaster-recovery decision the recipe does not take: the model artifact is built and " +
    "uploaded from outside the stack, captured data expires after data_capture_retention_days, and a replica " +
    "needs a bucket, key and role in another region. Add an aws_s3_bucket_replication_configuration where the " +
    "data must survive the loss of the region.",
  eventNotifications:
    "Nothing in the recipe reacts to bucket events; who wrote or deleted what is recorded by server access logs " +
    "and CloudTrail data events. Add an aws_s3_bucket_notification when something should react to new " +
    "artifacts or captured data.",
} as const;

/** The bucket, and where in it the endpoint captures requests and responses. */
export interface RecipeStorage {
  readonly bucket: ArtifactBucket;
  /** `s3://<bucket>/data-capture`, the endpoint's data capture destination. */
  readonly dataCaptureUri: string;
  /** The ARN of the captured objects, which the execution role may write. */
  readonly dataCaptureObjectsArn: string;
}

/** `local.bucket_name` and the bucket, with the precondition on the name. */
export function recipeStorage(
  scope: Construct,
  config: {
    readonly variables: StorageVariables;
    readonly dataCaptureRetentionDays: TerraformVariable;
    readonly kmsKeyArn: string | undefined;
    readonly accessLogging: AccessLogging | undefined;
    readonly names: RecipeNames;
  },
): RecipeStorage {
  const { variables: v, names } = config;
  const bucketName = new TerraformLocal(
    scope,
    BUCKET_NAME,
    Fn.conditional(
      isEmptyString(v.s3BucketName.stringValue),
      `${names.prefix}-models-${names.uniqueSuffix}`,
      v.s3BucketName.stringValue,
    ),
  ).asString;
  const bucket = new ArtifactBucket(scope, BUCKET, {
    bucketName,
    forceDestroy: v.s3ForceDestroy.booleanValue,
    kmsKeyArn: config.kmsKeyArn,
    lifecycleRuleId: "model_artifacts_lifecycle",
    // Correction: the recipe captures every request and response and keeps them forever; inference payloads may
    // hold personal data. They expire after data_capture_retention_days.
    prefixExpirations: [
      {
        id: "data_capture_expiration",
        prefix: `${DATA_CAPTURE_PREFIX}/`,
        days: config.dataCaptureRetentionDays.numberValue,
      },
    ],
    accessLogging: config.accessLogging,
    tags: names.tagged(`${names.prefix}-model-artifacts`),
  });
  // Terraform builds the name from several variables, which no variable validation can check.
  addPreconditions(bucket.bucket, [
    {
      condition: S3_BUCKET_NAME.condition(bucketName),
      errorMessage: `The bucket name is '${bucketName}'; allowed: ${S3_BUCKET_NAME.description}. Set s3_bucket_name, or shorten project_name or environment (the generated name adds 16 characters).`,
    },
  ]);
  if (!bucket.logging)
    acknowledge(bucket.bucket, "s3-bucket-access-logging", BUCKET_REASONS.accessLogging);
  acknowledge(bucket.bucket, "s3-bucket-replication", BUCKET_REASONS.replication);
  acknowledge(bucket.bucket, "s3-bucket-event-notifications", BUCKET_REASONS.eventNotifications);
  return {
    bucket,
    dataCaptureUri: `s3://${bucket.bucketName}/${DATA_CAPTURE_PREFIX}`,
    dataCaptureObjectsArn: bucket.objectArn(`${DATA_CAPTURE_PREFIX}/*`),
  };
}
