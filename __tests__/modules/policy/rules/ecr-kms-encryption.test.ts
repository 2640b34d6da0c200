import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { describe, expect, it } from "vitest";
import { ecrKmsEncryption as rule } from "../../../../modules/policy/rules/ecr-kms-encryption";
import { findingsOf } from "../../../helpers/policy";

const ADVICE =
  'set encryption_configuration.encryption_type to "KMS", with kms_key for a customer managed key.';

describe(rule.id, () => {
  it("accepts a repository encrypted with KMS", () => {
    expect(
      findingsOf(rule, (scope) => {
        new EcrRepository(scope, "repository", {
          name: "models",
          encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: "${aws_kms_key.k.arn}" }],
        });
      }),
    ).toEqual([]);
  });

  it("reports a repository left at AES256, by default or explicitly", () => {
    expect(
      findingsOf(rule, (scope) => {
        new EcrRepository(scope, "default", { name: "a" });
        new EcrRepository(scope, "aes", {
          name: "b",
          encryptionConfiguration: [{ encryptionType: "AES256" }],
        });
      }),
    ).toEqual([
      {
        address: "aws_ecr_repository.default",
        severity: "warning",
        message: `Encrypts images with AES256 (the default); ${ADVICE}`,
      },
      {
        address: "aws_ecr_repository.aes",
        severity: "warning",
        message: `Encrypts images with "AES256"; ${ADVICE}`,
      },
    ]);
  });
});
