import type { PolicyRule } from "../rule";
import { isExpression, isSet, shown } from "../values";

/** Days in a year: checkov's threshold, and AWS Config cw-loggroup-retention-period-check's default. */
export const ONE_YEAR_IN_DAYS = 365;

export const cloudwatchLogRetentionOneYear: PolicyRule = {
  id: "cloudwatch-log-retention-one-year",
  severity: "warning",
  what: "CloudWatch log groups keep their logs for at least a year (`retention_in_days` >= 365)",
  why: "Security baselines expect a year of logs to investigate an incident with; a shorter period is a decision to make on purpose, for instance to keep personal data that logs may echo for less time",
  checkov: ["CKV_AWS_338"],
  reference:
    "AWS Config cw-loggroup-retention-period-check (365 days by default); CloudWatch Logs PutRetentionPolicy",
  appliesTo: ["aws_cloudwatch_log_group"],
  check(logGroup) {
    const retention = logGroup.attributes.retention_in_days;
    // No retention, or 0, keeps logs forever: the cloudwatch-log-retention rule reports that.
    if (!isSet(retention) || retention === 0 || retention === "0") return [];
    if (isExpression(retention)) {
      return [
        `Keeps its logs for ${shown(retention)} days, decided at apply time; make sure it is at least ` +
          `${ONE_YEAR_IN_DAYS} days, or acknowledge the shorter period.`,
      ];
    }
    return Number(retention) >= ONE_YEAR_IN_DAYS
      ? []
      : [
          `Keeps its logs for ${shown(retention)} days, less than a year; set retention_in_days to at least ` +
            `${ONE_YEAR_IN_DAYS}, or acknowledge the shorter period.`,
        ];
  },
};
