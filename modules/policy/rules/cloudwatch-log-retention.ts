import type { PolicyRule } from "../rule";
import { isSet, shown } from "../values";

export const cloudwatchLogRetention: PolicyRule = {
  id: "cloudwatch-log-retention",
  severity: "warning",
  what: "Every CloudWatch log group sets a retention period (`retention_in_days`, not 0)",
  why: "Without one, logs are kept forever: they pile up cost, and whatever they captured never expires",
  checkov: ["CKV_AWS_66"],
  reference: "cdk-nag CloudWatchLogGroupRetentionPeriod",
  appliesTo: ["aws_cloudwatch_log_group"],
  check(logGroup) {
    const retention = logGroup.attributes.retention_in_days;
    return isSet(retention) && retention !== 0 && retention !== "0"
      ? []
      : [
          `Keeps its logs forever (retention_in_days is ${shown(retention)}); set a retention period.`,
        ];
  },
};
