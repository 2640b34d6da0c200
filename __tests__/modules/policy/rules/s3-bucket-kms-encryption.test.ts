import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { describe, expect, it } from "vitest";
import { s3BucketKmsEncryption as rule } from "../../../../modules/policy/rules/s3-bucket-kms-encryption";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts default encryption with SSE-KMS", () => {
    expect(
      findingsOf(rule, (scope) => {
        const bucket = new S3Bucket(scope, "bucket", {});
        new S3BucketServerSideEncryptionConfigurationA(scope, "encryption", {
          bucket: bucket.id,
          rule: [
            {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: "${aws_kms_key.k.arn}",
              },
            },
          ],
        });
      }),
    ).toEqual([]);
  });

  it("reports a bucket left at SSE-S3, and one configured with AES256", () => {
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "default", {});
        const aes = new S3Bucket(scope, "aes", {});
        new S3BucketServerSideEncryptionConfigurationA(scope, "aes-encryption", {
          bucket: aes.id,
          rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        });
      }),
    ).toEqual([
      {
        address: "aws_s3_bucket.default",
        severity: "warning",
        message:
          'Has no default encryption configuration, so S3 encrypts with SSE-S3; add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm "aws:kms" and a KMS key.',
      },
      {
        address: "aws_s3_bucket.aes",
        severity: "warning",
        message:
          'Encrypts by default with "AES256", not SSE-KMS; use sse_algorithm "aws:kms" with a KMS key.',
      },
    ]);
  });
});
