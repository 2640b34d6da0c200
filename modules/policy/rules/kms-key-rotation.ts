import type { PolicyRule } from "../rule";
import { isSet, isTrue, shown } from "../values";

export const kmsKeyRotation: PolicyRule = {
  id: "kms-key-rotation",
  severity: "error",
  what: "Every symmetric KMS key has automatic rotation on",
  why: "Rotation limits how much data one key material protects: AWS replaces it every year (or every `rotation_period_in_days`) and keeps the old material to decrypt",
  checkov: ["CKV_AWS_7"],
  reference: "cdk-nag AwsSolutions-KMS5",
  appliesTo: ["aws_kms_key"],
  check(key) {
    const { customer_master_key_spec: spec, custom_key_store_id: keyStore } = key.attributes;
    // AWS rotates only symmetric encryption keys in the default key store.
    if ((isSet(spec) && spec !== "SYMMETRIC_DEFAULT") || isSet(keyStore)) return [];
    const rotation = key.attributes.enable_key_rotation;
    return isTrue(rotation)
      ? []
      : [
          `Does not rotate its key material (enable_key_rotation is ${shown(rotation)}); set it to true.`,
        ];
  },
};
