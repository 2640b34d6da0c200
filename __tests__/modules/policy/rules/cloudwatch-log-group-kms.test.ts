import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { describe, expect, it } from "vitest";
import { cloudwatchLogGroupKms as rule } from "../../../../modules/policy/rules/cloudwatch-log-group-kms";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a log group encrypted with a KMS key", () => {
    expect(
      findingsOf(rule, (scope) => {
        new CloudwatchLogGroup(scope, "encrypted", { kmsKeyId: "${aws_kms_key.logs.arn}" });
      }),
    ).toEqual([]);
  });

  it("reports a log group without a key", () => {
    expect(
      findingsOf(rule, (scope) => {
        new CloudwatchLogGroup(scope, "plain", { retentionInDays: 7 });
      }),
    ).toEqual([
      {
        address: "aws_cloudwatch_log_group.plain",
        severity: "warning",
        message:
          "Is encrypted with CloudWatch Logs' own key, not a customer managed KMS key; set kms_key_id to a key whose policy lets the regional CloudWatch Logs principal use it for this log group.",
      },
    ]);
  });
});
