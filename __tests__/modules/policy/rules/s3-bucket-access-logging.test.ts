import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { describe, expect, it } from "vitest";
import { s3BucketAccessLogging as rule } from "../../../../modules/policy/rules/s3-bucket-access-logging";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a bucket with an aws_s3_bucket_logging, by id or by name", () => {
    expect(
      findingsOf(rule, (scope) => {
        const byId = new S3Bucket(scope, "by-id", {});
        new S3BucketLoggingA(scope, "by-id-logging", {
          bucket: byId.id,
          targetBucket: "logs",
          targetPrefix: "a/",
        });
        new S3Bucket(scope, "by-name", { bucket: "models" });
        new S3BucketLoggingA(scope, "by-name-logging", {
          bucket: "models",
          targetBucket: "logs",
          targetPrefix: "b/",
        });
      }),
    ).toEqual([]);
  });

  it("reports a bucket whose logging belongs to another bucket", () => {
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "plain", { bucket: "data" });
        new S3BucketLoggingA(scope, "other", {
          bucket: "other",
          targetBucket: "logs",
          targetPrefix: "c/",
        });
      }),
    ).toEqual([
      {
        address: "aws_s3_bucket.plain",
        severity: "warning",
        message:
          "Has no server access logging; add an aws_s3_bucket_logging that delivers its logs to a log bucket (or record object-level access with CloudTrail data events, and acknowledge the finding).",
      },
    ]);
  });
});
