import type { PolicyRule } from "./rule";
import { arnLiteralPartition } from "./rules/arn-literal-partition";
import { cloudwatchLogGroupKms } from "./rules/cloudwatch-log-group-kms";
import { cloudwatchLogRetention } from "./rules/cloudwatch-log-retention";
import { cloudwatchLogRetentionOneYear } from "./rules/cloudwatch-log-retention-one-year";
import { ecrKmsEncryption } from "./rules/ecr-kms-encryption";
import { ecrScanOnPush } from "./rules/ecr-scan-on-push";
import { ecrTagImmutability } from "./rules/ecr-tag-immutability";
import { iamBroadManagedPolicy } from "./rules/iam-broad-managed-policy";
import { iamTrustConfusedDeputy } from "./rules/iam-trust-confused-deputy";
import { iamWildcardResource } from "./rules/iam-wildcard-resource";
import { kmsKeyRotation } from "./rules/kms-key-rotation";
import { s3BucketAccessLogging } from "./rules/s3-bucket-access-logging";
import { s3BucketEventNotifications } from "./rules/s3-bucket-event-notifications";
import { s3BucketKmsEncryption } from "./rules/s3-bucket-kms-encryption";
import { s3BucketPublicAccessBlock } from "./rules/s3-bucket-public-access-block";
import { s3BucketReplication } from "./rules/s3-bucket-replication";
import { s3BucketTlsOnly } from "./rules/s3-bucket-tls-only";
import { s3BucketVersioning } from "./rules/s3-bucket-versioning";
import { sagemakerDataCaptureKms } from "./rules/sagemaker-data-capture-kms";
import { sagemakerEndpointKms } from "./rules/sagemaker-endpoint-kms";
import { sagemakerModelImageDigest } from "./rules/sagemaker-model-image-digest";
import { sagemakerModelNetworkIsolation } from "./rules/sagemaker-model-network-isolation";
import { snsTopicKmsEncryption } from "./rules/sns-topic-kms-encryption";

/** The project's rules, checked on every stack (docs/security.md lists them with their checkov ids). */
export const POLICY_PACK: readonly PolicyRule[] = [
  iamTrustConfusedDeputy,
  arnLiteralPartition,
  iamWildcardResource,
  iamBroadManagedPolicy,
  s3BucketPublicAccessBlock,
  s3BucketTlsOnly,
  s3BucketKmsEncryption,
  s3BucketVersioning,
  s3BucketAccessLogging,
  s3BucketReplication,
  s3BucketEventNotifications,
  ecrScanOnPush,
  ecrKmsEncryption,
  ecrTagImmutability,
  kmsKeyRotation,
  cloudwatchLogRetention,
  cloudwatchLogRetentionOneYear,
  cloudwatchLogGroupKms,
  snsTopicKmsEncryption,
  sagemakerEndpointKms,
  sagemakerDataCaptureKms,
  sagemakerModelNetworkIsolation,
  sagemakerModelImageDigest,
];
