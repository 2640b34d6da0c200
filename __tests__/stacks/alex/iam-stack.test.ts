import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  expectRegistryTable,
  HUGGINGFACE_INFERENCE_PINNED,
  HUGGINGFACE_INFERENCE_REGIONS,
} from "../../helpers/registry-accounts";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import { IamStack } from "../../../stacks/alex/iam-stack";
import { FULL_ACCESS_REASON } from "../../helpers/reasons";
import { synthProject } from "../../helpers/project";
import { addresses, synthStack } from "../../helpers/synth";
import { AWS_REGION_VARIABLE } from "../../helpers/expected";
import { AWS_PROVIDER, TIME_PROVIDER } from "../../helpers/providers";
import { IAM_ROLE_NAME_WORDS } from "../../helpers/allowed";

const PARTITION = "${data.aws_partition.current.partition}";
const REGION = "${data.aws_region.current.region}";
const ACCOUNT = "${data.aws_caller_identity.current.account_id}";

describe("stack iam", () => {
  const { json: all, stacks } = synthProject();
  const json = all.iam!;

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

  it("acknowledges AmazonSageMakerFullAccess, and says why and what to do instead in the synth output", () => {
    expect(reportedAnnotations(stacks.iam)).toEqual([
      {
        path: "iam/sagemaker-execution-role/managed-AmazonSageMakerFullAccess",
        level: "info",
        message: `[iam-broad-managed-policy] aws_iam_role_policy_attachment.sagemaker_full_access: Attaches the AWS managed policy AmazonSageMakerFullAccess, which grants far more than one workload needs; attach a policy scoped to the workload's resources instead. Acknowledged on iam/sagemaker-execution-role/managed-AmazonSageMakerFullAccess: ${FULL_ACCESS_REASON}`,
      },
    ]);
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
      aws_region: AWS_REGION_VARIABLE,
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
        aws: AWS_PROVIDER,
        time: TIME_PROVIDER,
      },
    });
  });

  it("rejects an invalid role name", () => {
    expect(
      () => new IamStack(Testing.app(), "iam", { roleName: "alex sagemaker role" }),
    ).toThrowError(
      [
        "Invalid configuration for 'iam/sagemaker-execution-role' (1 problem):",
        `  - roleName: got "alex sagemaker role"; allowed: ${IAM_ROLE_NAME_WORDS}`,
      ].join("\n"),
    );
  });
});

describe("stack iam with the least-privilege execution policy", () => {
  const stack = new IamStack(Testing.app(), "iam", { executionPolicy: "least-privilege" });
  const json = synthStack(stack);

  it("replaces the managed policy with an inline policy, under addresses of its own", () => {
    expect(addresses(json)).toEqual([
      "aws_iam_role.sagemaker_role",
      "aws_iam_role_policy.sagemaker_execution",
      "data.aws_caller_identity.current",
      "data.aws_iam_policy_document.sagemaker_assume_role",
      "data.aws_iam_policy_document.sagemaker_execution",
      "data.aws_partition.current",
      "data.aws_region.current",
      "time_sleep.wait_for_iam_propagation",
    ]);
    expect(json.resource?.time_sleep).toEqual({
      wait_for_iam_propagation: {
        create_duration: "15s",
        depends_on: ["aws_iam_role_policy.sagemaker_execution"],
      },
    });
  });

  it("grants InferenceExecutionPolicy's permissions, with pulls from the region's HuggingFace repository", () => {
    const statements = json.data?.aws_iam_policy_document?.sagemaker_execution?.statement as {
      sid: string;
      resources: string[];
    }[];
    // The statements themselves are InferenceExecutionPolicy's (tested with it); the repository is the stack's.
    expect(statements.map(({ sid, resources }) => [sid, resources])).toEqual([
      [
        "EndpointLogs",
        [`arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/*`],
      ],
      ["Metrics", ["*"]],
      ["RegistryLogin", ["*"]],
      [
        "ImagePull",
        [
          `arn:${PARTITION}:ecr:\${var.aws_region}:\${lookup(local.huggingface_inference_registry_accounts, var.aws_region, "no-image-published-in-region")}:repository/huggingface-pytorch-inference`,
        ],
      ],
    ]);
    expect(json.locals).toEqual({
      huggingface_inference_registry_accounts: expect.any(Object),
    });
    expectRegistryTable(
      json.locals?.huggingface_inference_registry_accounts,
      HUGGINGFACE_INFERENCE_REGIONS,
      HUGGINGFACE_INFERENCE_PINNED,
    );
  });

  it("puts the policy on the role, and stops the plan in a region without the HuggingFace image", () => {
    expect(json.resource?.aws_iam_role_policy).toEqual({
      sagemaker_execution: {
        name: "alex-sagemaker-execution",
        role: "${aws_iam_role.sagemaker_role.name}",
        policy: "${data.aws_iam_policy_document.sagemaker_execution.json}",
        lifecycle: {
          precondition: [
            {
              condition:
                "${contains(keys(local.huggingface_inference_registry_accounts), var.aws_region)}",
              error_message: `No HuggingFace inference image is published for region \${var.aws_region}; regions with one: ${HUGGINGFACE_INFERENCE_REGIONS}.`,
            },
          ],
        },
      },
    });
    expect(json.resource?.aws_iam_role_policy_attachment).toBe(undefined);
  });

  it("passes every policy check without an acknowledgement", () => {
    expect(reportedAnnotations(stack)).toEqual([]);
  });
});
