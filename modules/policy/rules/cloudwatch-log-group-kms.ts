import type { PolicyRule } from "../rule";
import { isSet } from "../values";

export const cloudwatchLogGroupKms: PolicyRule = {
  id: "cloudwatch-log-group-kms",
  severity: "warning",
  what: "Every CloudWatch log group is encrypted with a customer managed KMS key (`kms_key_id`)",
  why: "An endpoint's logs can echo requests and responses; without a key of the account's, CloudWatch Logs encrypts them with a key nobody outside AWS controls or audits",
  checkov: ["CKV_AWS_158"],
  reference: "CloudWatch Logs User Guide, Encrypt log data in CloudWatch Logs using AWS KMS",
  appliesTo: ["aws_cloudwatch_log_group"],
  check(logGroup) {
    return isSet(logGroup.attributes.kms_key_id)
      ? []
      : [
          "Is encrypted with CloudWatch Logs' own key, not a customer managed KMS key; set kms_key_id to a " +
            "key whose policy lets the regional CloudWatch Logs principal use it for this log group.",
        ];
  },
};
