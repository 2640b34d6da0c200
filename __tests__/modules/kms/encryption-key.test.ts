import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { isEmptyString } from "../../../modules/core/terraform-conditions";
import { describe, expect, it } from "vitest";
import { EncryptionKey } from "../../../modules/kms/encryption-key";
import { evaluatePolicy } from "../../../modules/policy/policy-checks";
import { POLICY_PACK } from "../../../modules/policy/pack";
import { onlyDataSource, onlyResource, resolved, synthStack } from "../../helpers/synth";

const PARTITION = "${data.aws_partition.current.partition}";
const ACCOUNT = "${data.aws_caller_identity.current.account_id}";

function build(props: Partial<ConstructorParameters<typeof EncryptionKey>[2]> = {}) {
  const stack = new TerraformStack(Testing.app(), "s");
  const key = new EncryptionKey(stack, "key", {
    description: "KMS key for SageMaker endpoint encryption",
    aliasName: "alias/ml-dev-sagemaker-key",
    ...props,
  });
  return { stack, key };
}

describe("EncryptionKey", () => {
  const { stack, key } = build({
    deletionWindowInDays: 7,
    tags: { Name: "ml-dev-sagemaker-key" },
    serviceAccess: [
      {
        sid: "Allow SageMaker Service",
        servicePrincipal: "sagemaker.amazonaws.com",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] }],
      },
    ],
  });
  const json = synthStack(stack);
  const keyName = onlyResource(json, "aws_kms_key").name;
  const aliasName = onlyResource(json, "aws_kms_alias").name;
  const policy = onlyDataSource(json, "aws_iam_policy_document");

  it("creates a rotating key with its policy, and an alias", () => {
    expect(onlyResource(json, "aws_kms_key").attributes).toEqual({
      description: "KMS key for SageMaker endpoint encryption",
      deletion_window_in_days: 7,
      enable_key_rotation: true,
      policy: `\${data.aws_iam_policy_document.${policy.name}.json}`,
      tags: { Name: "ml-dev-sagemaker-key" },
    });
    expect(onlyResource(json, "aws_kms_alias").attributes).toEqual({
      name: "alias/ml-dev-sagemaker-key",
      target_key_id: `\${aws_kms_key.${keyName}.key_id}`,
    });
  });

  it("lets the account's IAM policies and the given services use the key", () => {
    expect(policy.attributes).toEqual({
      statement: [
        {
          sid: "Enable IAM User Permissions",
          effect: "Allow",
          principals: [{ type: "AWS", identifiers: [`arn:${PARTITION}:iam::${ACCOUNT}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        {
          sid: "Allow SageMaker Service",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          resources: ["*"],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] }],
        },
      ],
    });
  });

  it("exposes the key's ARN and id and the alias's name", () => {
    expect(resolved(stack, key.keyArn)).toBe(`\${aws_kms_key.${keyName}.arn}`);
    expect(resolved(stack, key.keyId)).toBe(`\${aws_kms_key.${keyName}.key_id}`);
    expect(resolved(stack, key.aliasName)).toBe(`\${aws_kms_alias.${aliasName}.name}`);
  });

  it('acknowledges the key policy\'s Resource "*" (the key itself) in both statements, and nothing else', () => {
    const findings = evaluatePolicy(stack, POLICY_PACK).map((f) => [
      f.ruleId,
      f.address,
      f.acknowledgement?.scope.node.path,
    ]);
    const address = `data.aws_iam_policy_document.${policy.name}`;
    expect(findings).toEqual([
      ["iam-wildcard-resource", address, "s/key/policy"],
      ["iam-wildcard-resource", address, "s/key/policy"],
    ]);
  });
});

describe("EncryptionKey created under a condition", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const given = new TerraformVariable(stack, "kms_key_id", { type: "string" }).stringValue;
  const key = new EncryptionKey(stack, "key", {
    description: "d",
    aliasName: "alias/a",
    createIf: isEmptyString(given),
  });
  const json = synthStack(stack);
  const { name: keyName, attributes: keyAttributes } = onlyResource(json, "aws_kms_key");
  const { name: aliasName, attributes: aliasAttributes } = onlyResource(json, "aws_kms_alias");

  it("counts the key and the alias, which reads instance 0 of the key", () => {
    expect(keyAttributes.count).toBe("${(length(var.kms_key_id) < 1) ? 1 : 0}");
    expect(aliasAttributes).toMatchObject({
      count: "${(length(var.kms_key_id) < 1) ? 1 : 0}",
      target_key_id: `\${aws_kms_key.${keyName}[0].key_id}`,
    });
  });

  it("exposes instance 0's ARN, id and alias name", () => {
    expect(resolved(stack, key.keyArn)).toBe(`\${aws_kms_key.${keyName}[0].arn}`);
    expect(resolved(stack, key.keyId)).toBe(`\${aws_kms_key.${keyName}[0].key_id}`);
    expect(resolved(stack, key.aliasName)).toBe(`\${aws_kms_alias.${aliasName}[0].name}`);
  });
});

describe("EncryptionKey validation", () => {
  it("rejects an alias in the AWS namespace and a deletion window outside 7-30 days", () => {
    expect(() => build({ aliasName: "alias/aws/sagemaker", deletionWindowInDays: 5 })).toThrowError(
      [
        "Invalid configuration for 's/key' (2 problems):",
        `  - aliasName: got "alias/aws/sagemaker"; allowed: a KMS alias name: alias/ and 1-250 letters, digits, '/', '_' and '-', not starting with alias/aws/`,
        "  - deletionWindowInDays: got 5; allowed: a whole number from 7 to 30 (days)",
      ].join("\n"),
    );
  });
});
