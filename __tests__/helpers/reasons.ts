/**
 * The reasons the stacks and constructs give for each finding they acknowledge, word for word as `cdktf synth`
 * prints them: written out here, never read from the code under test.
 */

/** `EncryptionKey`'s key policy statements (Resource "*"). */
export const KEY_POLICY_RESOURCE_REASON =
  'In a key policy, Resource "*" is the key the policy is attached to, no other resource (AWS KMS Developer Guide, Key policies).';

/** A serverless endpoint's model, which cannot be network-isolated. */
export const SERVERLESS_NETWORK_ISOLATION_REASON =
  "Serverless endpoints do not support network isolation (SageMaker Developer Guide, Serverless Inference, feature exclusions); serve the model from instances (SagemakerInference, provisioned) to isolate it.";

/** The `iam` stack's AmazonSageMakerFullAccess attachment. */
export const FULL_ACCESS_REASON =
  'Kept from the original Alex Terraform (terraform/2_sagemaker), so that moving its state changes no permission. Set IamStackProps.executionPolicy to "least-privilege" for a role limited to the endpoint\'s logs, metrics and image repository.';

/** The `sagemaker-serverless` stack's endpoint configuration without a key, and its model's image tag. */
export const SERVERLESS_REASONS = {
  noKey:
    "Kept from the original Alex Terraform, which sets no key: a serverless endpoint has no storage volume of the account's, and SageMaker encrypts its copy of the model image with a key of its own. Set SagemakerServerlessStackProps.encryptionKeyArn for a customer managed key (its key policy must let the iam stack's role use it).",
  imageTag:
    "The original's sagemaker_image_uri default is a tag, under which AWS publishes patched builds. To pin the image the endpoint runs, set sagemaker_image_uri to <repository>@sha256:<digest> (any URI is used as given).",
} as const;

/** `MlModule`'s Lambda VPC access policy, its endpoint configuration without a key, and its model's image tag. */
export const ML_MODULE_REASONS = {
  lambdaVpcAccess:
    "Kept from the original ML module (aws_iam_role_policy_attachment.lambda_vpc_execution), so that moving its state changes no permission: functions in a VPC need its network interface actions. Set lambdaVpcAccess: false for functions outside a VPC.",
  noKey:
    "Kept from the original ML module, which sets no key: a serverless endpoint has no storage volume of the account's, and SageMaker encrypts its copy of the model image with a key of its own. Set MlModuleProps.encryptionKeyArn for a customer managed key (its key policy must let the execution role use it).",
  imageTag:
    "The original's sagemaker_container_image default is a tag (1.2-1-cpu-py3), under which AWS publishes patched builds. To pin the image, give sagemakerContainerImage as <repository>@sha256:<digest>.",
} as const;

/** The `sagemaker-provisioned` stack's, by what each is about. */
export const RECIPE_REASONS = {
  scanOnPush:
    "scan_on_push is the recipe's variable ecr_image_scan_on_push, true unless a user turns scanning off on purpose.",
  tagMutability:
    'image_tag_mutability is the recipe\'s variable ecr_image_tag_mutability, MUTABLE by default because the recipe pushes every new image as :latest (docker_commands). Set it to "IMMUTABLE" and push version tags; container_image_digest pins the model to one image either way.',
  accessLogging:
    "The recipe has no log bucket, and server access logs belong in a log bucket of the account's (often a central one) that this stack does not own. Set SagemakerProvisionedStackProps.accessLogging to deliver them there, or record object-level access with CloudTrail data events.",
  replication:
    "A second copy is a disaster-recovery decision the recipe does not take: the model artifact is built and uploaded from outside the stack, captured data expires after data_capture_retention_days, and a replica needs a bucket, key and role in another region. Add an aws_s3_bucket_replication_configuration where the data must survive the loss of the region.",
  eventNotifications:
    "Nothing in the recipe reacts to bucket events; who wrote or deleted what is recorded by server access logs and CloudTrail data events. Add an aws_s3_bucket_notification when something should react to new artifacts or captured data.",
  imageTag:
    "The iris sample runs AWS's prebuilt scikit-learn image by its tag (1.2-1-cpu-py3, or container_image_uri as given), under which AWS publishes patched builds. Set container_image_digest (sha256:...) to pin the model: it then refers to <repository>@<digest>.",
  ownImageTag:
    "The recipe's model image is the repository's :latest (or container_image_uri as given), a tag that a push can move. Set container_image_digest (sha256:...) to pin the model: it then refers to <repository>@<digest>.",
  networkIsolation:
    "Kept from the recipe (enable_network_isolation = false) for its own container (modelArtifact s3 or local-file), whose predictor.py may download code or call out; the iris sample runs isolated.",
  logRetention:
    "retention_in_days is the recipe's variable cloudwatch_log_retention_days (7 days by default). The endpoint's container logs are operational logs, not the audit trail (CloudTrail keeps the API record), and may echo inference payloads, which argues for keeping them briefly. Set cloudwatch_log_retention_days to 365 or more where a security baseline asks for a year (AWS Config cw-loggroup-retention-period-check, checkov CKV_AWS_338).",
  noEncryption:
    "Encryption is off in this stack's configuration (enableEncryption: false, the recipe's enable_encryption): AWS managed encryption only, chosen on purpose.",
} as const;
