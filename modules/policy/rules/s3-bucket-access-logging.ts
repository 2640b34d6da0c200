import type { PolicyRule } from "../rule";

export const s3BucketAccessLogging: PolicyRule = {
  id: "s3-bucket-access-logging",
  severity: "warning",
  what: "Every S3 bucket has server access logging (`aws_s3_bucket_logging`, or the bucket's `logging` block)",
  why: "Access logs record every request to the bucket, who made it and from where: the trail to follow when model artifacts or captured inference data are read or changed",
  checkov: ["CKV_AWS_18"],
  reference: "Amazon S3 User Guide, Logging requests with server access logging; Security Hub S3.9",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    const inline = bucket.attributes.logging;
    const companions = configuration.companionsOf(
      bucket,
      "bucket",
      "aws_s3_bucket_logging",
      "bucket",
    );
    if (companions.length > 0 || (inline !== undefined && inline !== null)) return [];
    return [
      "Has no server access logging; add an aws_s3_bucket_logging that delivers its logs to a log bucket " +
        "(or record object-level access with CloudTrail data events, and acknowledge the finding).",
    ];
  },
};
