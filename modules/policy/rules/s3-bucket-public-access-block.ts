import type { PolicyRule } from "../rule";
import { isTrue, shown } from "../values";

const SETTINGS = [
  "block_public_acls",
  "block_public_policy",
  "ignore_public_acls",
  "restrict_public_buckets",
];

export const s3BucketPublicAccessBlock: PolicyRule = {
  id: "s3-bucket-public-access-block",
  severity: "error",
  what: "Every S3 bucket has an `aws_s3_bucket_public_access_block` with all four settings `true`",
  why: "It stops an ACL or bucket policy added later from making the bucket or its objects public",
  checkov: ["CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
  reference: "cdk-nag AwsSolutions-S2 (S3BucketLevelPublicAccessProhibited)",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    const blocks = configuration.companionsOf(
      bucket,
      "bucket",
      "aws_s3_bucket_public_access_block",
      "bucket",
    );
    if (blocks.length === 0) {
      return [
        "Has no aws_s3_bucket_public_access_block; add one with block_public_acls, block_public_policy, " +
          "ignore_public_acls and restrict_public_buckets set to true.",
      ];
    }
    return blocks.flatMap((block) => {
      const weak = SETTINGS.filter((setting) => !isTrue(block.attributes[setting]));
      return weak.length === 0
        ? []
        : [
            `Its public access block ${block.address} does not set ${weak
              .map((setting) => `${setting} (${shown(block.attributes[setting])})`)
              .join(", ")} to true.`,
          ];
    });
  },
};
