import type { PolicyRule } from "./rule";
import { arnLiteralPartition } from "./rules/arn-literal-partition";
import { cloudwatchLogRetention } from "./rules/cloudwatch-log-retention";
import { ecrKmsEncryption } from "./rules/ecr-kms-encryption";
import { ecrScanOnPush } from "./rules/ecr-scan-on-push";
import { iamBroadManagedPolicy } from "./rules/iam-broad-managed-policy";
import { iamTrustConfusedDeputy } from "./rules/iam-trust-confused-deputy";
import { iamWildcardResource } from "./rules/iam-wildcard-resource";
import { kmsKeyRotation } from "./rules/kms-key-rotation";
import { s3BucketKmsEncryption } from "./rules/s3-bucket-kms-encryption";
import { s3BucketPublicAccessBlock } from "./rules/s3-bucket-public-access-block";
import { s3BucketTlsOnly } from "./rules/s3-bucket-tls-only";
import { s3BucketVersioning } from "./rules/s3-bucket-versioning";
import { sagemakerDataCaptureKms } from "./rules/sagemaker-data-capture-kms";
import { sagemakerEndpointKms } from "./rules/sagemaker-endpoint-kms";
import { sagemakerModelNetworkIsolation } from "./rules/sagemaker-model-network-isolation";

/** The project's rules, checked on every stack (README, "Policy checks"). */
export const POLICY_PACK: readonly PolicyRule[] = [
  iamTrustConfusedDeputy,
  arnLiteralPartition,
  iamWildcardResource,
  iamBroadManagedPolicy,
  s3BucketPublicAccessBlock,
  s3BucketTlsOnly,
  s3BucketKmsEncryption,
  s3BucketVersioning,
  ecrScanOnPush,
  ecrKmsEncryption,
  kmsKeyRotation,
  cloudwatchLogRetention,
  sagemakerEndpointKms,
  sagemakerDataCaptureKms,
  sagemakerModelNetworkIsolation,
];
