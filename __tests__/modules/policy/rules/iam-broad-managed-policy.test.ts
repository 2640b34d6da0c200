import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
import { describe, expect, it } from "vitest";
import { AwsContext } from "../../../../modules/core/aws-context";
import { iamBroadManagedPolicy as rule } from "../../../../modules/policy/rules/iam-broad-managed-policy";
import { findingsOf } from "../../../helpers/policy";

function finding(address: string, policy: string) {
  return {
    address,
    severity: "error",
    message: `Attaches the AWS managed policy ${policy}, which grants far more than one workload needs; attach a policy scoped to the workload's resources instead.`,
  };
}

describe(rule.id, () => {
  it("accepts narrow AWS managed policies and customer managed policies", () => {
    expect(
      findingsOf(rule, (scope) => {
        const aws = AwsContext.of(scope);
        new IamRolePolicyAttachment(scope, "vpc", {
          role: "r",
          policyArn: aws.managedPolicyArn("service-role/AWSLambdaVPCAccessExecutionRole"),
        });
        new IamRolePolicyAttachment(scope, "own", {
          role: "r",
          policyArn:
            "arn:${data.aws_partition.current.partition}:iam::111122223333:policy/AmazonS3FullAccess",
        });
      }),
    ).toEqual([]);
  });

  it("reports AmazonSageMakerFullAccess, AdministratorAccess and PowerUserAccess however they are attached", () => {
    expect(
      findingsOf(rule, (scope) => {
        const aws = AwsContext.of(scope);
        new IamRolePolicyAttachment(scope, "sagemaker", {
          role: "r",
          policyArn: aws.managedPolicyArn("AmazonSageMakerFullAccess"),
        });
        new IamRole(scope, "role", {
          assumeRolePolicy: "{}",
          managedPolicyArns: [
            "arn:aws-cn:iam::aws:policy/AdministratorAccess",
            aws.managedPolicyArn("ReadOnlyAccess"),
          ],
        });
        new IamUserPolicyAttachment(scope, "user", {
          user: "u",
          policyArn: aws.managedPolicyArn("PowerUserAccess"),
        });
      }),
    ).toEqual([
      finding("aws_iam_role_policy_attachment.sagemaker", "AmazonSageMakerFullAccess"),
      finding("aws_iam_role.role", "AdministratorAccess"),
      finding("aws_iam_user_policy_attachment.user", "PowerUserAccess"),
    ]);
  });
});
