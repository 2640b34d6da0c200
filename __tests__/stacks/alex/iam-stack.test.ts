import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { IamStack } from "../../../stacks/alex/iam-stack";
import { synthProject } from "../../helpers/project";
import { addresses } from "../../helpers/synth";

const PARTITION = "${data.aws_partition.current.partition}";

describe("stack iam", () => {
  const json = synthProject().json.iam!;

  it("keeps the original addresses", () => {
    expect(addresses(json)).toEqual([
      "aws_iam_role.sagemaker_role",
      "aws_iam_role_policy_attachment.sagemaker_full_access",
      "data.aws_caller_identity.current",
      "data.aws_iam_policy_document.sagemaker_assume_role",
      "data.aws_partition.current",
      "data.aws_region.current",
      "time_sleep.wait_for_iam_propagation",
    ]);
  });

  it("creates the role, attaches AmazonSageMakerFullAccess by partition, then waits 15 s", () => {
    expect(json.resource).toEqual({
      aws_iam_role: {
        sagemaker_role: {
          name: "alex-sagemaker-role",
          assume_role_policy: "${data.aws_iam_policy_document.sagemaker_assume_role.json}",
        },
      },
      aws_iam_role_policy_attachment: {
        sagemaker_full_access: {
          role: "${aws_iam_role.sagemaker_role.name}",
          policy_arn: `arn:${PARTITION}:iam::aws:policy/AmazonSageMakerFullAccess`,
        },
      },
      time_sleep: {
        wait_for_iam_propagation: {
          create_duration: "15s",
          depends_on: ["aws_iam_role_policy_attachment.sagemaker_full_access"],
        },
      },
    });
  });

  it("lets only SageMaker, acting for this account and region, assume the role", () => {
    expect(json.data?.aws_iam_policy_document).toEqual({
      sagemaker_assume_role: {
        statement: [
          {
            effect: "Allow",
            actions: ["sts:AssumeRole"],
            principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
            condition: [
              {
                test: "ArnLike",
                variable: "aws:SourceArn",
                values: [
                  `arn:${PARTITION}:sagemaker:\${data.aws_region.current.region}:\${data.aws_caller_identity.current.account_id}:*`,
                ],
              },
            ],
          },
        ],
      },
    });
  });

  it("takes the region from the required variable aws_region", () => {
    expect(json.variable).toEqual({
      aws_region: {
        type: "string",
        description: "AWS region for resources",
        validation: [
          {
            condition: '${can(regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", var.aws_region))}',
            error_message: "aws_region must be an AWS region code such as us-east-1.",
          },
        ],
      },
    });
    expect(json.provider).toEqual({ aws: [{ region: "${var.aws_region}" }], time: [{}] });
  });

  it("outputs the role's name and ARN, and the ARN again for the sagemaker-serverless stack", () => {
    expect(json.output).toEqual({
      sagemaker_role_name: {
        value: "${aws_iam_role.sagemaker_role.name}",
        description: "Name of the SageMaker execution role",
      },
      sagemaker_role_arn: {
        value: "${aws_iam_role.sagemaker_role.arn}",
        description: "ARN of the SageMaker execution role",
      },
      "cross-stack-output-aws_iam_rolesagemaker_rolearn": {
        value: "${aws_iam_role.sagemaker_role.arn}",
        sensitive: true,
      },
    });
  });

  it("keeps local state in terraform.iam.tfstate in the project root and requires terraform >= 1.5", () => {
    expect(json.terraform).toEqual({
      backend: { local: { path: "../../../terraform.iam.tfstate" } },
      required_version: ">= 1.5",
      required_providers: {
        aws: { source: "aws", version: "6.25.0" },
        time: { source: "hashicorp/time", version: "0.13.1" },
      },
    });
  });

  it("rejects an invalid role name", () => {
    expect(
      () => new IamStack(Testing.app(), "iam", { roleName: "alex sagemaker role" }),
    ).toThrowError(
      [
        "Invalid configuration for 'iam/sagemaker-execution-role' (1 problem):",
        '  - roleName: got "alex sagemaker role"; allowed: an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -',
      ].join("\n"),
    );
  });
});
