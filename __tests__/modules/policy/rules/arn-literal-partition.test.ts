import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { describe, expect, it } from "vitest";
import { AwsContext } from "../../../../modules/core/aws-context";
import { arnLiteralPartition as rule } from "../../../../modules/policy/rules/arn-literal-partition";
import { findingsOf } from "../../../helpers/policy";

const ADVICE =
  "with a literal partition; build the ARN from data.aws_partition (AwsContext.arn() or managedPolicyArn()).";

describe(rule.id, () => {
  it("accepts ARNs built from data.aws_partition, and example ARNs in precondition messages", () => {
    expect(
      findingsOf(rule, (scope) => {
        const aws = AwsContext.of(scope);
        const attachment = new IamRolePolicyAttachment(scope, "attachment", {
          role: "r",
          policyArn: aws.managedPolicyArn("ReadOnlyAccess"),
        });
        attachment.lifecycle = {
          precondition: [
            {
              condition: true,
              errorMessage: "Give a role ARN such as arn:aws:iam::111122223333:role/r.",
            },
          ],
        };
        new DataAwsIamPolicyDocument(scope, "document", {
          statement: [
            {
              actions: ["s3:GetObject"],
              resources: [aws.arn({ service: "s3", region: "", account: "", resource: "b/*" })],
            },
          ],
        });
      }),
    ).toEqual([]);
  });

  it("reports every argument holding a written-out partition, in any partition and inside JSON", () => {
    expect(
      findingsOf(rule, (scope) => {
        new IamRolePolicyAttachment(scope, "attachment", {
          role: "r",
          policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
        });
        new DataAwsIamPolicyDocument(scope, "document", {
          statement: [
            {
              actions: ["s3:GetObject"],
              resources: [
                "arn:${data.aws_partition.current.partition}:s3:::a/*",
                "arn:aws-cn:s3:::b/*",
              ],
            },
          ],
        });
        new IamRolePolicy(scope, "policy", {
          role: "r",
          policy: JSON.stringify({
            Statement: [
              {
                Effect: "Allow",
                Action: "s3:*",
                Resource: ["arn:aws-us-gov:s3:::c", "arn:aws:s3:::d"],
              },
            ],
          }),
        });
      }),
    ).toEqual([
      {
        address: "aws_iam_role_policy_attachment.attachment",
        severity: "error",
        message: `policy_arn holds "arn:aws:iam::aws:policy/ReadOnlyAccess" ${ADVICE}`,
      },
      {
        address: "data.aws_iam_policy_document.document",
        severity: "error",
        message: `statement.0.resources.1 holds "arn:aws-cn:s3:::b/*" ${ADVICE}`,
      },
      {
        address: "aws_iam_role_policy.policy",
        severity: "error",
        message: `policy holds "arn:aws-us-gov:s3:::c", "arn:aws:s3:::d" ${ADVICE}`,
      },
    ]);
  });
});
