import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Fn } from "cdktf";
import { describe, expect, it } from "vitest";
import { InferenceExecutionPolicy } from "../../../../modules/iam/inference-execution-policy";
import { iamWildcardResource as rule } from "../../../../modules/policy/rules/iam-wildcard-resource";
import { findingsOf } from "../../../helpers/policy";

const ADVICE =
  'scope the actions to the resources they need (only actions without resource-level permissions, such as ecr:GetAuthorizationToken, may use "*").';

describe(rule.id, () => {
  it("accepts the least-privilege execution policy, whose only * are metrics and the ECR login", () => {
    expect(
      findingsOf(rule, (scope) => {
        new InferenceExecutionPolicy(scope, "execution", {
          roleName: "r",
          imageRepositoryArns: ["arn:aws-cn:ecr:cn-north-1:727897471807:repository/x"],
        });
        new IamPolicy(scope, "deny", {
          policy: JSON.stringify({
            Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }],
          }),
        });
      }),
    ).toEqual([]);
  });

  it("reports scopable actions on * in a policy document, once, where the statements are written", () => {
    expect(
      findingsOf(rule, (scope) => {
        const document = new DataAwsIamPolicyDocument(scope, "document", {
          statement: [
            { actions: ["ecr:GetAuthorizationToken", "s3:GetObject"], resources: ["*"] },
            { sid: "Fine", actions: ["s3:GetObject"], resources: ["arn:x:s3:::b/*"] },
            { sid: "AllBut", notActions: ["iam:*"], resources: ["*"] },
          ],
        });
        new IamRolePolicy(scope, "policy", { role: "r", policy: document.json });
      }),
    ).toEqual([
      {
        address: "data.aws_iam_policy_document.document",
        severity: "error",
        message: `The policy document: statement #1 allows s3:GetObject on resource "*"; ${ADVICE}`,
      },
      {
        address: "data.aws_iam_policy_document.document",
        severity: "error",
        message: `The policy document: statement "AllBut" allows every action except iam:* on resource "*"; ${ADVICE}`,
      },
    ]);
  });

  it("reports JSON policies and inline role policies, NotResource included", () => {
    expect(
      findingsOf(rule, (scope) => {
        new IamPolicy(scope, "policy", {
          policy: JSON.stringify({
            Statement: [{ Sid: "ReadAll", Effect: "Allow", Action: ["s3:*"], Resource: "*" }],
          }),
        });
        new IamRole(scope, "role", {
          assumeRolePolicy: "{}",
          inlinePolicy: [
            {
              name: "broad",
              policy: JSON.stringify({
                Statement: {
                  Effect: "Allow",
                  Action: "kms:Decrypt",
                  NotResource: "arn:x:kms:::key/k",
                },
              }),
            },
          ],
        });
      }),
    ).toEqual([
      {
        address: "aws_iam_policy.policy",
        severity: "error",
        message: `The policy: statement "ReadAll" allows s3:* on resource "*"; ${ADVICE}`,
      },
      {
        address: "aws_iam_role.role",
        severity: "error",
        message: `The inline policy "broad": statement #1 allows actions on every resource except arn:x:kms:::key/k (NotResource); ${ADVICE}`,
      },
    ]);
  });

  it("warns that a policy computed by Terraform cannot be checked", () => {
    expect(
      findingsOf(rule, (scope) => {
        new IamRolePolicy(scope, "policy", {
          role: "r",
          policy: Fn.jsonencode({
            Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
          }),
        });
      }),
    ).toEqual([
      {
        address: "aws_iam_role_policy.policy",
        severity: "warning",
        message:
          'The policy is computed by Terraform (${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" =...), so it cannot be checked at synth: write it as an aws_iam_policy_document data source or a JSON string.',
      },
    ]);
  });
});
