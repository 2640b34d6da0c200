import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
import { describe, expect, it } from "vitest";
import { AwsContext } from "../../../../modules/core/aws-context";
import { iamBroadManagedPolicy as rule } from "../../../../modules/policy/rules/iam-broad-managed-policy";
import { WILDCARD_MANAGED_POLICIES } from "../../../../modules/policy/wildcard-managed-policies";
import { findingsOf } from "../../../helpers/policy";

function finding(address: string, policy: string) {
  return {
    address,
    severity: "error",
    message: `Attaches the AWS managed policy ${policy}, which grants far more than one workload needs; attach a policy scoped to the workload's resources instead.`,
  };
}

describe(rule.id, () => {
  it("accepts AWS managed policies that are not in its lists, and customer managed policies", () => {
    expect(
      findingsOf(rule, (scope) => {
        const aws = AwsContext.of(scope);
        new IamRolePolicyAttachment(scope, "xray", {
          role: "r",
          policyArn: aws.managedPolicyArn("AWSXRayDaemonWriteAccess"),
        });
        new IamRolePolicyAttachment(scope, "own-lambda", {
          role: "r",
          policyArn:
            "arn:${data.aws_partition.current.partition}:iam::111122223333:policy/service-role/AWSLambdaVPCAccessExecutionRole",
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

  it("reports AWS managed policies that grant actions on every resource as warnings, with what they grant", () => {
    expect(
      findingsOf(rule, (scope) => {
        const aws = AwsContext.of(scope);
        new IamRolePolicyAttachment(scope, "vpc", {
          role: "r",
          policyArn: aws.managedPolicyArn("service-role/AWSLambdaVPCAccessExecutionRole"),
        });
        new IamRole(scope, "role", {
          assumeRolePolicy: "{}",
          managedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess"],
        });
      }),
    ).toEqual([
      {
        address: "aws_iam_role_policy_attachment.vpc",
        severity: "warning",
        message:
          "Attaches the AWS managed policy AWSLambdaVPCAccessExecutionRole, which allows logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents on every log group, and ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface, ec2:AssignPrivateIpAddresses, ec2:UnassignPrivateIpAddresses on every subnet and network interface of the account; grant the workload's own resources in a policy of its own.",
      },
      {
        address: "aws_iam_role.role",
        severity: "warning",
        message:
          "Attaches the AWS managed policy AmazonS3ReadOnlyAccess, which allows s3:Get*, s3:List* and s3:Describe* on every bucket and object of the account; grant the workload's own resources in a policy of its own.",
      },
    ]);
  });

  it("knows each listed policy by its path: a name under another path is another policy", () => {
    const names = WILDCARD_MANAGED_POLICIES.map((policy) => policy.name);
    expect(new Set(names).size).toBe(names.length);
    expect(
      findingsOf(rule, (scope) => {
        new IamRolePolicyAttachment(scope, "wrong-path", {
          role: "r",
          policyArn: "arn:aws:iam::aws:policy/AWSLambdaVPCAccessExecutionRole",
        });
      }),
    ).toEqual([]);
  });
});
