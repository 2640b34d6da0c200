import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { managedPolicyAttachmentId, ServiceRole } from "../../../modules/iam/service-role";
import {
  onlyDataSource,
  onlyResource,
  resolved,
  resourcesOf,
  synthScope,
  synthStack,
} from "../../helpers/synth";
import { IAM_ROLE_NAME_WORDS } from "../../helpers/allowed";

const PARTITION = "${data.aws_partition.current.partition}";
const ACCOUNT = "${data.aws_caller_identity.current.account_id}";
const REGION = "${data.aws_region.current.region}";

function trustStatement(principal: string, condition: Record<string, unknown>[]) {
  return {
    statement: [
      {
        actions: ["sts:AssumeRole"],
        condition,
        effect: "Allow",
        principals: [{ identifiers: [principal], type: "Service" }],
      },
    ],
  };
}

describe("ServiceRole", () => {
  it("lets SageMaker assume the role only for this account and region (ArnLike aws:SourceArn)", () => {
    const json = synthScope((scope) => {
      new ServiceRole(scope, "role", {
        roleName: "my-role",
        servicePrincipal: "sagemaker.amazonaws.com",
        managedPolicies: ["AmazonSageMakerFullAccess"],
      });
    });
    expect(onlyDataSource(json, "aws_iam_policy_document").attributes).toEqual(
      trustStatement("sagemaker.amazonaws.com", [
        {
          test: "ArnLike",
          values: [`arn:${PARTITION}:sagemaker:${REGION}:${ACCOUNT}:*`],
          variable: "aws:SourceArn",
        },
      ]),
    );
    const trustPolicy = onlyDataSource(json, "aws_iam_policy_document").name;
    const role = onlyResource(json, "aws_iam_role");
    expect(role.attributes).toEqual({
      assume_role_policy: `\${data.aws_iam_policy_document.${trustPolicy}.json}`,
      name: "my-role",
    });
    expect(Object.values(resourcesOf(json, "aws_iam_role_policy_attachment"))).toEqual([
      {
        policy_arn: `arn:${PARTITION}:iam::aws:policy/AmazonSageMakerFullAccess`,
        role: `\${aws_iam_role.${role.name}.name}`,
      },
    ]);
  });

  it("uses StringEquals aws:SourceAccount for other services, and attaches nothing by default", () => {
    const json = synthScope((scope) => {
      new ServiceRole(scope, "role", {
        roleName: "lambda-role",
        servicePrincipal: "lambda.amazonaws.com",
        tags: { team: "ml" },
      });
    });
    expect(onlyDataSource(json, "aws_iam_policy_document").attributes).toEqual(
      trustStatement("lambda.amazonaws.com", [
        { test: "StringEquals", values: [ACCOUNT], variable: "aws:SourceAccount" },
      ]),
    );
    expect(onlyResource(json, "aws_iam_role").attributes).toMatchObject({
      name: "lambda-role",
      tags: { team: "ml" },
    });
    expect(resourcesOf(json, "aws_iam_role_policy_attachment")).toEqual({});
  });

  it("names each attachment after its policy, so stacks can keep original addresses", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const role = new ServiceRole(stack, "role", {
      roleName: "r",
      servicePrincipal: "lambda.amazonaws.com",
      managedPolicies: [
        "AmazonSageMakerFullAccess",
        "service-role/AWSLambdaVPCAccessExecutionRole",
      ],
    });
    expect(managedPolicyAttachmentId("service-role/AWSLambdaVPCAccessExecutionRole")).toBe(
      "managed-service-role--AWSLambdaVPCAccessExecutionRole",
    );
    expect(Object.values(role.managedPolicyAttachments).map((a) => a.node.path)).toEqual([
      "s/role/managed-AmazonSageMakerFullAccess",
      "s/role/managed-service-role--AWSLambdaVPCAccessExecutionRole",
    ]);
  });

  it("takes explicit trust conditions", () => {
    const json = synthScope((scope) => {
      new ServiceRole(scope, "role", {
        roleName: "r",
        servicePrincipal: "sagemaker.amazonaws.com",
        trustConditions: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["111122223333"] },
        ],
      });
    });
    expect(onlyDataSource(json, "aws_iam_policy_document").attributes).toEqual(
      trustStatement("sagemaker.amazonaws.com", [
        { test: "StringEquals", values: ["111122223333"], variable: "aws:SourceAccount" },
      ]),
    );
  });

  it("exposes the role's name and ARN", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const role = new ServiceRole(stack, "role", {
      roleName: "r",
      servicePrincipal: "sagemaker.amazonaws.com",
    });
    const name = onlyResource(synthStack(stack), "aws_iam_role").name;
    expect(resolved(stack, role.roleArn)).toBe(`\${aws_iam_role.${name}.arn}`);
    expect(resolved(stack, role.roleName)).toBe(`\${aws_iam_role.${name}.name}`);
  });

  it("rejects an invalid role name with the construct path, the value and the rule", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new ServiceRole(stack, "role", {
          roleName: "has space",
          servicePrincipal: "sagemaker.amazonaws.com",
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/role' (1 problem):",
        `  - roleName: got "has space"; allowed: ${IAM_ROLE_NAME_WORDS}`,
      ].join("\n"),
    );
  });
});
