import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { AttachedPolicy } from "../../../modules/iam/attached-policy";
import { onlyResource, synthScope } from "../../helpers/synth";

describe("AttachedPolicy", () => {
  it("creates a customer managed policy and attaches it to the role", () => {
    const json = synthScope((scope) => {
      new AttachedPolicy(scope, "execution", {
        policyName: "ml-dev-sagemaker-execution-policy",
        description: "Policy for SageMaker execution role",
        policy: '{"Version":"2012-10-17","Statement":[]}',
        roleName: "ml-dev-sagemaker-execution-role",
      });
    });
    const policy = onlyResource(json, "aws_iam_policy");
    expect(policy.attributes).toEqual({
      name: "ml-dev-sagemaker-execution-policy",
      description: "Policy for SageMaker execution role",
      policy: '{"Version":"2012-10-17","Statement":[]}',
    });
    expect(onlyResource(json, "aws_iam_role_policy_attachment").attributes).toEqual({
      role: "ml-dev-sagemaker-execution-role",
      policy_arn: `\${aws_iam_policy.${policy.name}.arn}`,
    });
  });

  it("rejects a policy name IAM refuses", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new AttachedPolicy(stack, "execution", {
          policyName: "x".repeat(129),
          policy: "{}",
          roleName: "r",
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/execution' (1 problem):",
        `  - policyName: got "${"x".repeat(129)}"; allowed: an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ - (this one has 129)`,
      ].join("\n"),
    );
  });
});
