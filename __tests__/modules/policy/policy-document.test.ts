import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Fn, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { StackConfiguration } from "../../../modules/policy/configuration";
import { readPolicyDocument } from "../../../modules/policy/policy-document";

describe("readPolicyDocument", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  const base = new DataAwsIamPolicyDocument(stack, "base", {
    statement: [{ sid: "Base", actions: ["s3:ListBucket"], resources: ["arn:x:s3:::b"] }],
  });
  new DataAwsIamPolicyDocument(stack, "merged", {
    sourcePolicyDocuments: [base.json],
    statement: [
      {
        effect: "Deny",
        notActions: ["s3:GetObject"],
        notResources: ["arn:x:s3:::b/*"],
        principals: [{ type: "AWS", identifiers: ["*"] }],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  });
  new DataAwsIamPolicyDocument(stack, "computed", {
    sourcePolicyDocuments: [Fn.jsonencode({ Statement: [] })],
  });
  const configuration = StackConfiguration.read(stack);

  it("reads a JSON document, single statement, string principal and conditions included", () => {
    expect(
      readPolicyDocument(
        JSON.stringify({
          Statement: {
            Effect: "Allow",
            Principal: "*",
            NotAction: "iam:*",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": ["1", "2"], "aws:SourceArn": "a" } },
          },
        }),
        configuration,
      ),
    ).toEqual({
      statements: [
        {
          label: "#1",
          effect: "Allow",
          actions: [],
          notActions: ["iam:*"],
          resources: ["*"],
          notResources: [],
          principals: [{ type: "*", identifiers: ["*"] }],
          conditions: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: ["1", "2"] },
            { test: "StringEquals", variable: "aws:SourceArn", values: ["a"] },
          ],
        },
      ],
    });
  });

  it("reads an aws_iam_policy_document through a reference, with the documents it merges in", () => {
    // Rules read resolved arguments, where a reference is its Terraform expression.
    const document = readPolicyDocument(
      "${data.aws_iam_policy_document.merged.json}",
      configuration,
    );
    expect(document).toEqual({
      dataSource: configuration.ofType("data.aws_iam_policy_document")[1],
      statements: [
        {
          label: '"Base"',
          effect: "Allow",
          actions: ["s3:ListBucket"],
          notActions: [],
          resources: ["arn:x:s3:::b"],
          notResources: [],
          principals: [],
          conditions: [],
        },
        {
          label: "#1",
          effect: "Deny",
          actions: [],
          notActions: ["s3:GetObject"],
          resources: [],
          notResources: ["arn:x:s3:::b/*"],
          principals: [{ type: "AWS", identifiers: ["*"] }],
          conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
  });

  it("says which documents only Terraform can compute, and skips an unset argument", () => {
    expect(
      readPolicyDocument("${data.aws_iam_policy_document.computed.json}", configuration),
    ).toEqual({
      unreadable: '${jsonencode({"Statement" = []})}',
    });
    expect(readPolicyDocument("${var.policy}", configuration)).toEqual({
      unreadable: "${var.policy}",
    });
    expect(readPolicyDocument("${aws_iam_policy.p.policy}", configuration)).toEqual({
      unreadable: "${aws_iam_policy.p.policy}",
    });
    expect(readPolicyDocument(undefined, configuration)).toBe(undefined);
    expect(readPolicyDocument("", configuration)).toBe(undefined);
  });
});
