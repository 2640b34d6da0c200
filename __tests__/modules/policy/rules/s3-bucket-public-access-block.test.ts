import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { s3BucketPublicAccessBlock as rule } from "../../../../modules/policy/rules/s3-bucket-public-access-block";
import { findingsOf } from "../../../helpers/policy";

const ALL_BLOCKED = {
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
};

describe(rule.id, () => {
  it("accepts a bucket whose block sets all four, referring to it or naming it", () => {
    expect(
      findingsOf(rule, (scope) => {
        const referred = new S3Bucket(scope, "referred", {});
        new S3BucketPublicAccessBlock(scope, "referred-block", {
          bucket: referred.id,
          ...ALL_BLOCKED,
        });
        new S3Bucket(scope, "named", { bucket: "models-111122223333" });
        new S3BucketPublicAccessBlock(scope, "named-block", {
          bucket: "models-111122223333",
          ...ALL_BLOCKED,
        });
      }),
    ).toEqual([]);
  });

  it("reports a bucket without a block, a block that leaves settings off, and one decided at apply time", () => {
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "open", {});
        const variable = new S3Bucket(scope, "variable", {});
        const blockAcls = new TerraformVariable(scope, "block_acls", { type: "bool" });
        new S3BucketPublicAccessBlock(scope, "variable-block", {
          bucket: variable.id,
          ...ALL_BLOCKED,
          blockPublicAcls: blockAcls.booleanValue,
        });
        const partly = new S3Bucket(scope, "partly", {});
        new S3BucketPublicAccessBlock(scope, "partly-block", {
          bucket: partly.bucket,
          blockPublicAcls: true,
          blockPublicPolicy: false,
          ignorePublicAcls: true,
        });
      }),
    ).toEqual([
      {
        address: "aws_s3_bucket.open",
        severity: "error",
        message:
          "Has no aws_s3_bucket_public_access_block; add one with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets set to true.",
      },
      {
        address: "aws_s3_bucket.variable",
        severity: "error",
        message:
          'Its public access block aws_s3_bucket_public_access_block.variable-block does not set block_public_acls ("${var.block_acls}") to true.',
      },
      {
        address: "aws_s3_bucket.partly",
        severity: "error",
        message:
          "Its public access block aws_s3_bucket_public_access_block.partly-block does not set block_public_policy (false), restrict_public_buckets (not set) to true.",
      },
    ]);
  });
});
