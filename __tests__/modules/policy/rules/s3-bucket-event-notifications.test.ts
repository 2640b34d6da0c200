import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketNotification } from "@cdktf/provider-aws/lib/s3-bucket-notification";
import { describe, expect, it } from "vitest";
import { s3BucketEventNotifications as rule } from "../../../../modules/policy/rules/s3-bucket-event-notifications";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a bucket that sends its events to EventBridge", () => {
    expect(
      findingsOf(rule, (scope) => {
        const bucket = new S3Bucket(scope, "notified", {});
        new S3BucketNotification(scope, "events", { bucket: bucket.id, eventbridge: true });
      }),
    ).toEqual([]);
  });

  it("reports a bucket without notifications", () => {
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "quiet", {});
      }),
    ).toEqual([
      {
        address: "aws_s3_bucket.quiet",
        severity: "warning",
        message:
          "Sends no event notifications; add an aws_s3_bucket_notification (EventBridge, SNS, SQS or Lambda) if someone should react to changes, or acknowledge why nobody needs to.",
      },
    ]);
  });
});
