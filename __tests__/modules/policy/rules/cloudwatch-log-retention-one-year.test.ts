import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { cloudwatchLogRetentionOneYear as rule } from "../../../../modules/policy/rules/cloudwatch-log-retention-one-year";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a year or more, and leaves logs kept forever to cloudwatch-log-retention", () => {
    expect(
      findingsOf(rule, (scope) => {
        new CloudwatchLogGroup(scope, "year", { retentionInDays: 365 });
        new CloudwatchLogGroup(scope, "ten-years", { retentionInDays: 3653 });
        new CloudwatchLogGroup(scope, "forever", { retentionInDays: 0 });
        new CloudwatchLogGroup(scope, "unset", {});
      }),
    ).toEqual([]);
  });

  it("reports less than a year, and a period decided at apply time", () => {
    expect(
      findingsOf(rule, (scope) => {
        new CloudwatchLogGroup(scope, "week", { retentionInDays: 7 });
        const days = new TerraformVariable(scope, "days", { type: "number" });
        new CloudwatchLogGroup(scope, "variable", { retentionInDays: days.numberValue });
      }),
    ).toEqual([
      {
        address: "aws_cloudwatch_log_group.week",
        severity: "warning",
        message:
          "Keeps its logs for 7 days, less than a year; set retention_in_days to at least 365, or acknowledge the shorter period.",
      },
      {
        address: "aws_cloudwatch_log_group.variable",
        severity: "warning",
        message:
          'Keeps its logs for "${var.days}" days, decided at apply time; make sure it is at least 365 days, or acknowledge the shorter period.',
      },
    ]);
  });
});
