import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { describe, expect, it } from "vitest";
import { kmsKeyRotation as rule } from "../../../../modules/policy/rules/kms-key-rotation";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a rotated symmetric key, and keys AWS cannot rotate", () => {
    expect(
      findingsOf(rule, (scope) => {
        new KmsKey(scope, "rotated", { enableKeyRotation: true });
        new KmsKey(scope, "signing", {
          customerMasterKeySpec: "RSA_2048",
          keyUsage: "SIGN_VERIFY",
        });
        new KmsKey(scope, "cloudhsm", { customKeyStoreId: "cks-1234567890abcdef0" });
        new KmsKey(scope, "hmac", {
          customerMasterKeySpec: "HMAC_256",
          keyUsage: "GENERATE_VERIFY_MAC",
        });
      }),
    ).toEqual([]);
  });

  it("reports a symmetric key without rotation", () => {
    expect(
      findingsOf(rule, (scope) => {
        new KmsKey(scope, "unset", {});
        new KmsKey(scope, "off", {
          customerMasterKeySpec: "SYMMETRIC_DEFAULT",
          enableKeyRotation: false,
        });
      }),
    ).toEqual([
      {
        address: "aws_kms_key.unset",
        severity: "error",
        message:
          "Does not rotate its key material (enable_key_rotation is not set); set it to true.",
      },
      {
        address: "aws_kms_key.off",
        severity: "error",
        message: "Does not rotate its key material (enable_key_rotation is false); set it to true.",
      },
    ]);
  });
});
