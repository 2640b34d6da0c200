import { acknowledge } from "../../modules/policy/acknowledgements";
import { ENDPOINT_KEY, MODEL_KEY } from "./keys";
import type { SagemakerProvisionedStack } from "./sagemaker-provisioned-stack";

/**
 * Why each weaker setting the stack keeps is kept: the recipe's own values and variables, or decisions a team makes
 * (docs/security.md). Each reason is printed with its finding on every synth.
 */
export const RECIPE_REASONS = {
  scanOnPush:
    "scan_on_push is the recipe's variable ecr_image_scan_on_push, true unless a user turns scanning off on purpose.",
  tagMutability:
    "image_tag_mutability is the recipe's variable ecr_image_tag_mutability, MUTABLE by default because the " +
    'recipe pushes every new image as :latest (docker_commands). Set it to "IMMUTABLE" and push version tags; ' +
    "container_image_digest pins the model to one image either way.",
  imageTag:
    "The recipe's model image is the repository's :latest (or container_image_uri as given), a tag that a push can " +
    "move. Set container_image_digest (sha256:...) to pin the model: it then refers to <repository>@<digest>.",
  networkIsolation:
    "Kept from the recipe (enable_network_isolation = false): isolating the model would replace the recipe's model when its state moves here, and the recipe's own container may need the network.",
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
  logRetention:
    "retention_in_days is the recipe's variable cloudwatch_log_retention_days (7 days by default). The endpoint's " +
    "container logs are operational logs, not the audit trail (CloudTrail keeps the API record), and may echo " +
    "inference payloads, which argues for keeping them briefly. Set cloudwatch_log_retention_days to 365 or more " +
    "where a security baseline asks for a year (AWS Config cw-loggroup-retention-period-check, checkov CKV_AWS_338).",
  noEncryption:
    "Encryption is off in this stack's configuration (enableEncryption: false, the recipe's enable_encryption): AWS managed encryption only, chosen on purpose.",
} as const;

/** Acknowledges, on the constructs that synthesize them, the findings the stack keeps on purpose. */
export function acknowledgeRecipeChoices(stack: SagemakerProvisionedStack): void {
  const repository = stack.repository.repository;
  const bucket = stack.artifacts.bucket;
  const model = stack.inference.models[MODEL_KEY]!;
  const configuration = stack.inference.endpointConfigurations[ENDPOINT_KEY]!;

  acknowledge(repository, "ecr-scan-on-push", RECIPE_REASONS.scanOnPush);
  acknowledge(repository, "ecr-tag-immutability", RECIPE_REASONS.tagMutability);
  acknowledge(model, "sagemaker-model-image-digest", RECIPE_REASONS.imageTag);
  acknowledge(model, "sagemaker-model-network-isolation", RECIPE_REASONS.networkIsolation);
  if (!stack.artifacts.logging) {
    acknowledge(bucket, "s3-bucket-access-logging", RECIPE_REASONS.accessLogging);
  }
  acknowledge(bucket, "s3-bucket-replication", RECIPE_REASONS.replication);
  acknowledge(bucket, "s3-bucket-event-notifications", RECIPE_REASONS.eventNotifications);
  if (stack.logGroup) {
    acknowledge(stack.logGroup, "cloudwatch-log-retention-one-year", RECIPE_REASONS.logRetention);
  }

  if (stack.switches.enableEncryption) return;
  // With encryption off, the weaker encryption is the configuration's explicit choice.
  acknowledge(bucket, "s3-bucket-kms-encryption", RECIPE_REASONS.noEncryption);
  acknowledge(repository, "ecr-kms-encryption", RECIPE_REASONS.noEncryption);
  acknowledge(configuration, "sagemaker-endpoint-kms", RECIPE_REASONS.noEncryption);
  acknowledge(configuration, "sagemaker-data-capture-kms", RECIPE_REASONS.noEncryption);
  if (stack.logGroup) {
    acknowledge(stack.logGroup, "cloudwatch-log-group-kms", RECIPE_REASONS.noEncryption);
  }
  if (stack.alerts) {
    acknowledge(stack.alerts.topic, "sns-topic-kms-encryption", RECIPE_REASONS.noEncryption);
  }
}
