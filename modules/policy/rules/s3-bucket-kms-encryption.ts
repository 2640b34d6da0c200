import type { PolicyRule } from "../rule";
import { asBlock, asList, shown } from "../values";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** The default encryption algorithms of an SSE configuration (resource or the bucket's inline block). */
function algorithmsOf(configuration: unknown): unknown[] {
  return asList(asBlock(configuration)?.rule ?? []).map(
    (rule) => asBlock(asBlock(rule)?.apply_server_side_encryption_by_default)?.sse_algorithm,
  );
}

export const s3BucketKmsEncryption: PolicyRule = {
  id: "s3-bucket-kms-encryption",
  severity: "warning",
  what: "Every S3 bucket encrypts new objects by default with SSE-KMS (`aws:kms` or `aws:kms:dsse`)",
  why: "Without it S3 uses SSE-S3, whose keys you neither control nor audit; a KMS key adds key policy, rotation and CloudTrail records of every use",
  checkov: ["CKV_AWS_145"],
  reference: "cdk-nag S3DefaultEncryptionKMS",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    const algorithms = [
      ...algorithmsOf(bucket.attributes.server_side_encryption_configuration),
      ...configuration
        .companionsOf(
          bucket,
          "bucket",
          "aws_s3_bucket_server_side_encryption_configuration",
          "bucket",
        )
        .flatMap((sse) => algorithmsOf(sse.attributes)),
    ];
    if (algorithms.some((algorithm) => KMS_ALGORITHMS.includes(algorithm as string))) return [];
    return [
      algorithms.length === 0
        ? "Has no default encryption configuration, so S3 encrypts with SSE-S3; add an " +
          'aws_s3_bucket_server_side_encryption_configuration with sse_algorithm "aws:kms" and a KMS key.'
        : `Encrypts by default with ${algorithms.map(shown).join(", ")}, not SSE-KMS; use sse_algorithm ` +
          '"aws:kms" with a KMS key.',
    ];
  },
};
