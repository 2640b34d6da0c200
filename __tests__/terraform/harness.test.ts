/**
 * The harness itself: a small configuration that passes, and deliberately broken copies of it that must fail,
 * each for the reason it is broken (a validation that accepts everything, a precondition that no longer trips,
 * an output reading an attribute the resource does not have, a removed `moved` block, a reworded message, a
 * consumer reading an output its producer does not have); and moves out of a module call, with nothing else planned.
 */
import { afterAll, describe, expect, it } from "vitest";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import { projectWorkspaces } from "../../scripts/terraform/project-stand-ins";
import type { TerraformConfiguration } from "../../scripts/terraform/stand-in";
import { StandInWorkspace } from "../../scripts/terraform/stand-in-plans";
import {
  caseProblems,
  defaultPlanProblems,
  moveProblems,
  type StackCases,
} from "../../scripts/terraform/terraform-cases";

const NAME_MESSAGE = "name must be lowercase letters and hyphens; got ${jsonencode(var.name)}.";
const LENGTH_MESSAGE =
  "The bucket name '${var.name}-data' is ${length(\"${var.name}-data\")} characters; allowed: 3-63.";

/** A stack as cdktf synthesizes it: a validated variable, a bucket with a precondition, an output, a move. */
function configuration(): {
  variable: Record<string, Record<string, unknown>>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, Record<string, unknown>>;
  moved?: Record<string, string>[];
  provider: Record<string, Record<string, unknown>[]>;
  terraform: Record<string, unknown>;
} {
  return {
    terraform: {
      required_providers: { aws: { source: "aws", version: "6.25.0" } },
      backend: { local: { path: "a.tfstate" } },
    },
    provider: { aws: [{ region: "eu-west-1" }] },
    variable: {
      name: {
        type: "string",
        default: "models",
        validation: [
          { condition: '${can(regex("^[a-z-]+$", var.name))}', error_message: NAME_MESSAGE },
        ],
      },
    },
    resource: {
      aws_s3_bucket: {
        b: {
          bucket: "${var.name}-data",
          lifecycle: {
            precondition: [
              { condition: '${length("${var.name}-data") <= 63}', error_message: LENGTH_MESSAGE },
            ],
          },
        },
      },
    },
    output: {
      arn: { value: "${aws_s3_bucket.b.arn}" },
      domain: { value: "${aws_s3_bucket.b.bucket_domain_name}" },
    },
    // A rename: Terraform moves x[0] to x (count removed) by itself, but not one address to another.
    moved: [{ from: "aws_s3_bucket.artifacts", to: "aws_s3_bucket.b" }],
  };
}

const LONG = "a".repeat(59);
const CASES: StackCases = {
  resources: 1,
  outputs: { arn: "arn:aws:s3:::models-data", domain: "models-data.s3.amazonaws.com" },
  moves: { "aws_s3_bucket.artifacts": "aws_s3_bucket.b" },
  cases: [
    {
      name: "a name with capitals is refused",
      variables: { name: "Models" },
      errors: [
        {
          check: "var.name/validation[0]",
          message: 'name must be lowercase letters and hyphens; got "Models".',
        },
      ],
    },
    {
      name: "a name making the bucket name 64 characters long stops the bucket",
      variables: { name: LONG },
      errors: [
        {
          check: "aws_s3_bucket.b/precondition[0]",
          message: `The bucket name '${LONG}-data' is 64 characters; allowed: 3-63.`,
        },
      ],
    },
  ],
};
const [CAPITALS, TOO_LONG] = CASES.cases;

const terraform = new OfflineTerraform();
const workspaces: StandInWorkspace[] = [];

function workspaceOf(config: TerraformConfiguration): StandInWorkspace {
  const workspace = new StandInWorkspace(terraform, "harness", config);
  workspaces.push(workspace);
  return workspace;
}

afterAll(() => {
  for (const workspace of workspaces) workspace.dispose();
  terraform.dispose();
});

describe("the Terraform harness", () => {
  it.concurrent("passes a configuration that does what its cases say", async () => {
    const workspace = workspaceOf(configuration());
    expect(await workspace.init()).toEqual([]);
    expect(await defaultPlanProblems(workspace, CASES)).toEqual([]);
    expect(await moveProblems(workspace, CASES, CASES.moves!)).toEqual([]);
    expect(await caseProblems(workspace, CASES, CAPITALS!)).toEqual([]);
    expect(await caseProblems(workspace, CASES, TOO_LONG!)).toEqual([]);
  });

  it.concurrent(
    "fails when a validation's condition is broken (it accepts the bad value)",
    async () => {
      const broken = configuration();
      broken.variable.name!.validation = [
        { condition: "${length(var.name) > 0}", error_message: NAME_MESSAGE },
      ];
      expect(await caseProblems(workspaceOf(broken), CASES, CAPITALS!)).toEqual([
        `the plan succeeded; expected [{"check":"var.name/validation[0]","message":"name must be lowercase letters and hyphens; got \\"Models\\"."}]`,
      ]);
    },
  );

  it.concurrent("fails when a precondition stops tripping", async () => {
    const broken = configuration();
    const bucket = broken.resource.aws_s3_bucket!.b!;
    bucket.lifecycle = {
      precondition: [
        { condition: '${length("${var.name}-data") <= 64}', error_message: LENGTH_MESSAGE },
      ],
    };
    expect(await caseProblems(workspaceOf(broken), CASES, TOO_LONG!)).toEqual([
      `the plan succeeded; expected [{"check":"aws_s3_bucket.b/precondition[0]","message":"The bucket name '${LONG}-data' is 64 characters; allowed: 3-63."}]`,
    ]);
  });

  it.concurrent("fails when a message changes", async () => {
    const broken = configuration();
    broken.variable.name!.validation = [
      {
        condition: '${can(regex("^[a-z-]+$", var.name))}',
        error_message: "name must be lowercase.",
      },
    ];
    expect(await caseProblems(workspaceOf(broken), CASES, CAPITALS!)).toEqual([
      'expected error "var.name/validation[0]: name must be lowercase letters and hyphens; got \\"Models\\"." did not happen',
      'unexpected error "var.name/validation[0]: name must be lowercase."',
    ]);
  });

  it.concurrent(
    "fails when an output refers to an attribute the resource does not have",
    async () => {
      const broken = configuration();
      broken.output.arn = { value: "${aws_s3_bucket.b.bucket_arn}" };
      expect(await defaultPlanProblems(workspaceOf(broken), CASES)).toEqual([
        'unexpected error "(no check): Unsupported attribute: This object does not have an attribute named \\"bucket_arn\\". (output.arn)"',
      ]);
    },
  );

  it.concurrent(
    "fails when a moved block is removed: the old instance is destroyed, the new one created",
    async () => {
      const broken = configuration();
      delete broken.moved;
      expect(await moveProblems(workspaceOf(broken), CASES, CASES.moves!)).toEqual([
        'aws_s3_bucket.artifacts does not move to aws_s3_bucket.b (aws_s3_bucket.b plans ["create"])',
        'aws_s3_bucket.artifacts is destroyed (["delete"])',
      ]);
    },
  );

  it.concurrent("fails when an output's value is not the one expected", async () => {
    const broken = configuration();
    broken.output.domain = { value: "${aws_s3_bucket.b.bucket_regional_domain_name}" };
    expect(await defaultPlanProblems(workspaceOf(broken), CASES)).toEqual([
      'output domain is "models-data.s3.eu-west-1.amazonaws.com", expected "models-data.s3.amazonaws.com"',
    ]);
  });

  it.concurrent(
    "fails when a stack reads an output the stack whose state it reads does not have",
    async () => {
      const consumer: TerraformConfiguration = {
        data: {
          terraform_remote_state: { producer: { backend: "local", config: { path: "a.tfstate" } } },
        },
        output: { role: { value: "${data.terraform_remote_state.producer.outputs.role_arn}" } },
      };
      const project = await projectWorkspaces(terraform, [
        { name: "producer", configuration: configuration(), required: {} },
        { name: "consumer", configuration: consumer, required: {} },
      ]);
      workspaces.push(...project.values());
      const outcome = await project.get("consumer")!.plan();
      expect(outcome.errors.map((error) => error.message)).toEqual([
        'Unsupported attribute: This object does not have an attribute named "role_arn". (output.role)',
      ]);
    },
  );
});

/** What takes over a module call's bucket: a bucket of its own, moved from the module's keyed instance. */
function takeOver(): {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  moved?: Record<string, string>[];
  terraform: Record<string, unknown>;
} {
  return {
    terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" } } },
    resource: { aws_s3_bucket: { models: { bucket: "models-data" } } },
    moved: [
      {
        from: 'module.storage["prod"].aws_s3_bucket.buckets["models"]',
        to: "aws_s3_bucket.models",
      },
    ],
  };
}
const FROM_MODULE = {
  'module.storage["prod"].aws_s3_bucket.buckets["models"]': "aws_s3_bucket.models",
};

describe("the Terraform harness, moves out of a module call", () => {
  it.concurrent("passes a stack that only takes over the module's instances", async () => {
    const workspace = workspaceOf(takeOver());
    expect(await workspace.init()).toEqual([]);
    expect(await moveProblems(workspace, {}, FROM_MODULE, { only: true })).toEqual([]);
  });

  it.concurrent("fails when the moved block is removed", async () => {
    const broken = takeOver();
    delete broken.moved;
    expect(await moveProblems(workspaceOf(broken), {}, FROM_MODULE, { only: true })).toEqual([
      'module.storage["prod"].aws_s3_bucket.buckets["models"] does not move to aws_s3_bucket.models (aws_s3_bucket.models plans ["create"])',
      'module.storage["prod"].aws_s3_bucket.buckets["models"] is destroyed (["delete"])',
    ]);
  });

  it.concurrent("fails, with only moves asked for, when anything else is created", async () => {
    const more = takeOver();
    more.resource.aws_s3_bucket!.logs = { bucket: "models-logs" };
    const workspace = workspaceOf(more);
    expect(await moveProblems(workspace, {}, FROM_MODULE)).toEqual([]);
    expect(await moveProblems(workspace, {}, FROM_MODULE, { only: true })).toEqual([
      'aws_s3_bucket.logs plans ["create"], not a move',
    ]);
  });
});

describe("OfflineTerraform.version", () => {
  it("says plainly when terraform is missing", () => {
    const missing = new OfflineTerraform("terraform-not-installed");
    try {
      expect(missing.version()).toEqual({
        missing:
          "terraform >= 1.5 is needed on the PATH and 'terraform-not-installed version' failed: spawnSync terraform-not-installed ENOENT",
      });
    } finally {
      missing.dispose();
    }
  });
});
