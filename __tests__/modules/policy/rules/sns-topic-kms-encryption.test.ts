import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { describe, expect, it } from "vitest";
import { snsTopicKmsEncryption as rule } from "../../../../modules/policy/rules/sns-topic-kms-encryption";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a topic with server-side encryption", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SnsTopic(scope, "encrypted", { name: "a", kmsMasterKeyId: "alias/aws/sns" });
      }),
    ).toEqual([]);
  });

  it("reports a topic without it", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SnsTopic(scope, "plain", { name: "b" });
      }),
    ).toEqual([
      {
        address: "aws_sns_topic.plain",
        severity: "warning",
        message:
          "Stores its messages without server-side encryption; set kms_master_key_id to a KMS key whose policy lets the services that publish to the topic (e.g. cloudwatch.amazonaws.com) use it.",
      },
    ]);
  });
});
