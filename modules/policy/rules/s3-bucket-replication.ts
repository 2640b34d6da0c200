import type { PolicyRule } from "../rule";
import { asBlock, asList } from "../values";

/** Whether a replication configuration (the resource's or the bucket's inline block) has an enabled rule. */
function enablesReplication(configuration: unknown, rules: "rule" | "rules"): boolean {
  return asList(asBlock(configuration)?.[rules]).some(
    (rule) => asBlock(rule)?.status === "Enabled",
  );
}

export const s3BucketReplication: PolicyRule = {
  id: "s3-bucket-replication",
  severity: "warning",
  what: "Every S3 bucket replicates to another bucket (an `aws_s3_bucket_replication_configuration` with an enabled rule)",
  why: "A copy in another region survives the loss of the region or of the bucket; whether the data is worth a second copy is a disaster-recovery decision to record",
  checkov: ["CKV_AWS_144"],
  reference: "Amazon S3 User Guide, Replicating objects within and across Regions",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    const replicated =
      enablesReplication(bucket.attributes.replication_configuration, "rules") ||
      configuration
        .companionsOf(bucket, "bucket", "aws_s3_bucket_replication_configuration", "bucket")
        .some((replication) => enablesReplication(replication.attributes, "rule"));
    return replicated
      ? []
      : [
          "Is not replicated to another bucket; add an aws_s3_bucket_replication_configuration (to another " +
            "region for disaster recovery), or acknowledge why one copy is enough.",
        ];
  },
};
