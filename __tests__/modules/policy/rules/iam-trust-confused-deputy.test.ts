import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Fn } from "cdktf";
import { describe, expect, it } from "vitest";
import { ServiceRole } from "../../../../modules/iam/service-role";
import { iamTrustConfusedDeputy as rule } from "../../../../modules/policy/rules/iam-trust-confused-deputy";
import { findingsOf } from "../../../helpers/policy";

function trustJson(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}

describe(rule.id, () => {
  it("accepts ServiceRole's default conditions, for SageMaker and for any other service", () => {
    expect(
      findingsOf(rule, (scope) => {
        new ServiceRole(scope, "sagemaker", {
          roleName: "a",
          servicePrincipal: "sagemaker.amazonaws.com",
        });
        new ServiceRole(scope, "lambda", {
          roleName: "b",
          servicePrincipal: "lambda.amazonaws.com",
        });
      }),
    ).toEqual([]);
  });

  it("accepts a JSON trust policy with aws:SourceAccount, and one that trusts an account, not a service", () => {
    expect(
      findingsOf(rule, (scope) => {
        new IamRole(scope, "service", {
          assumeRolePolicy: trustJson({
            Effect: "Allow",
            Principal: { Service: "ecs-tasks.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
          }),
        });
        new IamRole(scope, "account", {
          assumeRolePolicy: trustJson({
            Effect: "Allow",
            Principal: { AWS: "111122223333" },
            Action: "sts:AssumeRole",
          }),
        });
      }),
    ).toEqual([]);
  });

  it("reports a policy document that lets a service assume the role unconditionally", () => {
    expect(
      findingsOf(rule, (scope) => {
        const trust = new DataAwsIamPolicyDocument(scope, "trust", {
          statement: [
            {
              actions: ["sts:AssumeRole"],
              principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
            },
          ],
        });
        new IamRole(scope, "role", { assumeRolePolicy: trust.json });
      }),
    ).toEqual([
      {
        address: "aws_iam_role.role",
        severity: "error",
        message:
          "The trust policy (data.aws_iam_policy_document.trust) lets sagemaker.amazonaws.com assume the role without an aws:SourceAccount or aws:SourceArn condition (statement #1).",
      },
    ]);
  });

  it('reports a JSON trust policy whose condition matches any source ("*")', () => {
    expect(
      findingsOf(rule, (scope) => {
        new IamRole(scope, "role", {
          assumeRolePolicy: trustJson({
            Sid: "Trust",
            Effect: "Allow",
            Principal: { Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] },
            Action: "sts:AssumeRole",
            Condition: { StringLike: { "aws:SourceArn": "*" } },
          }),
        });
      }),
    ).toEqual([
      {
        address: "aws_iam_role.role",
        severity: "error",
        message:
          'The trust policy lets lambda.amazonaws.com, edgelambda.amazonaws.com assume the role without an aws:SourceAccount or aws:SourceArn condition (statement "Trust").',
      },
    ]);
  });

  it("warns that a trust policy computed by Terraform cannot be checked", () => {
    expect(
      findingsOf(rule, (scope) => {
        new IamRole(scope, "role", { assumeRolePolicy: Fn.jsonencode({ Statement: [] }) });
      }),
    ).toEqual([
      {
        address: "aws_iam_role.role",
        severity: "warning",
        message:
          'The trust policy is computed by Terraform (${jsonencode({"Statement" = []})}), so it cannot be checked at synth: write it as an aws_iam_policy_document data source or a JSON string.',
      },
    ]);
  });
});
