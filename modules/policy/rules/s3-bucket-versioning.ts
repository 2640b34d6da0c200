import type { PolicyRule } from "../rule";
import { asBlock, isTrue, shown } from "../values";

export const s3BucketVersioning: PolicyRule = {
  id: "s3-bucket-versioning",
  severity: "warning",
  what: "Every S3 bucket has versioning enabled",
  why: "Versions let you recover objects that were overwritten or deleted, by mistake or by an attacker",
  checkov: ["CKV_AWS_21"],
  reference: "cdk-nag S3BucketVersioningEnabled",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    const statuses = configuration
      .companionsOf(bucket, "bucket", "aws_s3_bucket_versioning", "bucket")
      .map((versioning) => asBlock(versioning.attributes.versioning_configuration)?.status);
    const inline = asBlock(bucket.attributes.versioning)?.enabled;
    if (statuses.includes("Enabled") || isTrue(inline)) return [];
    return [
      statuses.length === 0
        ? 'Has no versioning; add an aws_s3_bucket_versioning with status "Enabled".'
        : `Its versioning status is ${statuses.map(shown).join(", ")}, not "Enabled".`,
    ];
  },
};
