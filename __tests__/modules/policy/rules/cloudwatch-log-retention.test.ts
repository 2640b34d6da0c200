import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { cloudwatchLogRetention as rule } from "../../../../modules/policy/rules/cloudwatch-log-retention";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a log group with a retention period, literal or from a variable", () => {
    expect(
      findingsOf(rule, (scope) => {
        new CloudwatchLogGroup(scope, "literal", { retentionInDays: 30 });
        const days = new TerraformVariable(scope, "days", { type: "number" });
        new CloudwatchLogGroup(scope, "variable", { retentionInDays: days.numberValue });
      }),
    ).toEqual([]);
  });

  it("reports a log group kept forever, by default or with 0", () => {
    expect(
      findingsOf(rule, (scope) => {
        new CloudwatchLogGroup(scope, "unset", {});
        new CloudwatchLogGroup(scope, "zero", { retentionInDays: 0 });
      }),
    ).toEqual([
      {
        address: "aws_cloudwatch_log_group.unset",
        severity: "warning",
        message: "Keeps its logs forever (retention_in_days is not set); set a retention period.",
      },
      {
        address: "aws_cloudwatch_log_group.zero",
        severity: "warning",
        message: "Keeps its logs forever (retention_in_days is 0); set a retention period.",
      },
    ]);
  });
});
