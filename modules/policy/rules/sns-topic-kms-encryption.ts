import type { PolicyRule } from "../rule";
import { isSet } from "../values";

export const snsTopicKmsEncryption: PolicyRule = {
  id: "sns-topic-kms-encryption",
  severity: "warning",
  what: "Every SNS topic encrypts its messages at rest with a KMS key (`kms_master_key_id`)",
  why: "Without server-side encryption SNS stores the messages it has not yet delivered unencrypted; with a key, who may publish and read is also governed by the key policy",
  checkov: ["CKV_AWS_26"],
  reference: "SNS Developer Guide, Encryption at rest (server-side encryption)",
  appliesTo: ["aws_sns_topic"],
  check(topic) {
    return isSet(topic.attributes.kms_master_key_id)
      ? []
      : [
          "Stores its messages without server-side encryption; set kms_master_key_id to a KMS key whose " +
            "policy lets the services that publish to the topic (e.g. cloudwatch.amazonaws.com) use it.",
        ];
  },
};
