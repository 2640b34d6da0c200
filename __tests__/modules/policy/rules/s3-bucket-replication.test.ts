import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { s3BucketReplication as rule } from "../../../../modules/policy/rules/s3-bucket-replication";
import { findingsOf } from "../../../helpers/policy";

function replicated(scope: Construct, id: string, status: string): void {
  const bucket = new S3Bucket(scope, id, {});
  new S3BucketReplicationConfigurationA(scope, `${id}-replication`, {
    bucket: bucket.id,
    role: "arn:aws:iam::111122223333:role/replication",
    rule: [{ id: "all", status, destination: { bucket: "arn:aws:s3:::replica" } }],
  });
}

describe(rule.id, () => {
  it("accepts a bucket with an enabled replication rule", () => {
    expect(findingsOf(rule, (scope) => replicated(scope, "replicated", "Enabled"))).toEqual([]);
  });

  it("reports a bucket without replication, and one whose only rule is disabled", () => {
    const message =
      "Is not replicated to another bucket; add an aws_s3_bucket_replication_configuration (to another region for disaster recovery), or acknowledge why one copy is enough.";
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "plain", {});
        replicated(scope, "disabled", "Disabled");
      }),
    ).toEqual([
      { address: "aws_s3_bucket.plain", severity: "warning", message },
      { address: "aws_s3_bucket.disabled", severity: "warning", message },
    ]);
  });
});
