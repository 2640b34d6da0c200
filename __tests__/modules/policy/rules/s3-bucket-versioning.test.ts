import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { describe, expect, it } from "vitest";
import { s3BucketVersioning as rule } from "../../../../modules/policy/rules/s3-bucket-versioning";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a bucket with versioning enabled", () => {
    expect(
      findingsOf(rule, (scope) => {
        const bucket = new S3Bucket(scope, "bucket", {});
        new S3BucketVersioningA(scope, "versioning", {
          bucket: bucket.id,
          versioningConfiguration: { status: "Enabled" },
        });
      }),
    ).toEqual([]);
  });

  it("reports a bucket without versioning, and one with versioning suspended", () => {
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "plain", {});
        const suspended = new S3Bucket(scope, "suspended", {});
        new S3BucketVersioningA(scope, "suspended-versioning", {
          bucket: suspended.id,
          versioningConfiguration: { status: "Suspended" },
        });
      }),
    ).toEqual([
      {
        address: "aws_s3_bucket.plain",
        severity: "warning",
        message: 'Has no versioning; add an aws_s3_bucket_versioning with status "Enabled".',
      },
      {
        address: "aws_s3_bucket.suspended",
        severity: "warning",
        message: 'Its versioning status is "Suspended", not "Enabled".',
      },
    ]);
  });
});
