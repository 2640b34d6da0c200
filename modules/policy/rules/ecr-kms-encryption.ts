import type { PolicyRule } from "../rule";
import { asBlock, shown } from "../values";

const KMS_TYPES = ["KMS", "KMS_DSSE"];

export const ecrKmsEncryption: PolicyRule = {
  id: "ecr-kms-encryption",
  severity: "warning",
  what: "Every ECR repository encrypts images with KMS (`encryption_type` `KMS`)",
  why: "The default AES256 uses keys you neither control nor audit; KMS adds key policy, rotation and CloudTrail records of every use",
  checkov: ["CKV_AWS_136"],
  reference: "AWS Config ecr-repository-cmk-encryption-enabled",
  appliesTo: ["aws_ecr_repository"],
  check(repository) {
    const encryptionType = asBlock(repository.attributes.encryption_configuration)?.encryption_type;
    return KMS_TYPES.includes(encryptionType as string)
      ? []
      : [
          `Encrypts images with ${encryptionType === undefined ? "AES256 (the default)" : shown(encryptionType)}; ` +
            'set encryption_configuration.encryption_type to "KMS", with kms_key for a customer managed key.',
        ];
  },
};
