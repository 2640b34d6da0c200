import type { PolicyRule } from "../rule";

export const s3BucketEventNotifications: PolicyRule = {
  id: "s3-bucket-event-notifications",
  severity: "warning",
  what: "Every S3 bucket sends event notifications (an `aws_s3_bucket_notification`)",
  why: "Notifications (to SNS, SQS, Lambda or EventBridge) let a team react to objects being written or deleted as it happens, instead of finding out later",
  checkov: ["CKV2_AWS_62"],
  reference: "Amazon S3 User Guide, Amazon S3 Event Notifications",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    return configuration.companionsOf(bucket, "bucket", "aws_s3_bucket_notification", "bucket")
      .length > 0
      ? []
      : [
          "Sends no event notifications; add an aws_s3_bucket_notification (EventBridge, SNS, SQS or Lambda) " +
            "if someone should react to changes, or acknowledge why nobody needs to.",
        ];
  },
};
