/**
 * The state backend the environment chooses (stacks/state-backend.ts), for the whole app as `cdktf synth` builds
 * it: local by default, S3 with locking, HCP Terraform, and every bad setting refused at synth.
 */
import { parse } from "@cdktf/hcl2json";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";
import { AWS_PROVIDER, RANDOM_PROVIDER, TIME_PROVIDER } from "../helpers/providers";
import { defineStacks } from "../../stacks/app";
import { synthesizeProject, synthProject } from "../helpers/project";
import type { SynthesizedStack } from "../helpers/synth";
import {
  KMS_KEY,
  projectWith,
  S3,
  STACKS,
  withStateVariables,
  type StackName,
} from "../helpers/state-backend-project";
import { S3_BUCKET_NAME_WORDS } from "../helpers/allowed";

/** The providers each stack requires, whatever its backend. */
const REQUIRED_PROVIDERS: Readonly<Record<StackName, object>> = {
  iam: { aws: AWS_PROVIDER, time: TIME_PROVIDER },
  "sagemaker-serverless": { aws: AWS_PROVIDER },
  "ml-module": { aws: AWS_PROVIDER },
  "sagemaker-provisioned": { aws: AWS_PROVIDER, random: RANDOM_PROVIDER },
};

/** A stack's JSON without what the backend decides: the terraform block and the remote state it reads. */
function withoutBackend(json: SynthesizedStack): object {
  const copy = structuredClone(json) as {
    terraform?: object;
    data?: { terraform_remote_state?: object };
  };
  delete copy.terraform;
  delete copy.data?.terraform_remote_state;
  return copy;
}

/** The app under the test run's environment, which has no SAGEMAKER_STATE_* variable (global-setup.ts). */
const local = synthProject();

describe("state backend: local, the default", () => {
  it("keeps each stack's state in terraform.<stack>.tfstate in the project root, requiring terraform >= 1.5", () => {
    for (const stack of STACKS) {
      expect(local.json[stack]!.terraform, stack).toEqual({
        backend: { local: { path: `../../../terraform.${stack}.tfstate` } },
        required_version: ">= 1.5",
        required_providers: REQUIRED_PROVIDERS[stack],
      });
    }
    expect(local.json["sagemaker-serverless"]!.data?.terraform_remote_state).toEqual({
      "cross-stack-reference-input-iam": {
        backend: "local",
        config: { path: "../../../terraform.iam.tfstate" },
        workspace: "${terraform.workspace}",
      },
    });
  });

  it("writes the same bytes with SAGEMAKER_STATE_BACKEND=local (or empty) as with no variable", () => {
    const written = (backend: string) =>
      withStateVariables({ SAGEMAKER_STATE_BACKEND: backend }, () => synthesizeProject()).files;
    expect(written("local")).toEqual(local.files);
    expect(written("")).toEqual(local.files);
  });
});

/** The S3 backend of `stack` under {@link S3}: its own key, encrypted with the KMS key, locked by a lock file. */
function s3Backend(stack: StackName): object {
  return {
    bucket: "acme-terraform-state",
    key: `sagemaker-inference/${stack}/terraform.tfstate`,
    region: "eu-west-1",
    encrypt: true,
    kms_key_id: KMS_KEY,
    use_lockfile: true,
  };
}

describe("state backend: S3", () => {
  const s3 = projectWith(S3);

  it("keeps each stack's state under a key of its own, encrypted with the KMS key and locked, requiring terraform >= 1.10", () => {
    for (const stack of STACKS) {
      expect(s3.json[stack].terraform, stack).toEqual({
        backend: { s3: s3Backend(stack) },
        required_version: ">= 1.10",
        required_providers: REQUIRED_PROVIDERS[stack],
      });
    }
  });

  it("declares terraform >= 1.10 as each stack's target, which CDK Terrain checks the lock file against", () => {
    for (const stack of Object.values(s3.stacks)) {
      expect(stack.node.tryGetContext("targetVersions"), stack.node.id).toEqual({
        terraform: ">= 1.10",
      });
    }
    expect(local.stacks.iam.node.tryGetContext("targetVersions")).toBeUndefined();
  });

  it("has sagemaker-serverless read the iam stack's outputs from iam's S3 state, with the same settings", () => {
    expect(s3.json["sagemaker-serverless"].data?.terraform_remote_state).toEqual({
      "cross-stack-reference-input-iam": {
        backend: "s3",
        config: s3Backend("iam"),
        workspace: "${terraform.workspace}",
      },
    });
  });

  it("changes nothing else in any stack", () => {
    // Built as s3 is: a Testing.app() has CDK Terrain's future flags on (its asset hashes), the app has none.
    const unset = projectWith({});
    for (const stack of STACKS) {
      expect(withoutBackend(s3.json[stack]), stack).toEqual(withoutBackend(unset.json[stack]));
    }
  });

  it("writes the backend into the HCL too (cdktf synth --hcl)", async () => {
    const parsed = (await parse("cdk.tf", Testing.synthHcl(s3.stacks.iam))) as {
      terraform: { backend?: { s3?: object[] }; required_version?: string }[];
    };
    expect(parsed.terraform[0]?.backend).toEqual({ s3: [s3Backend("iam")] });
    expect(parsed.terraform[0]?.required_version).toBe(">= 1.10");
  });
});

describe("state backend: S3 without a lock file, under a key prefix of the team's", () => {
  const s3 = projectWith({
    SAGEMAKER_STATE_BACKEND: "s3",
    SAGEMAKER_STATE_S3_BUCKET: "acme-terraform-state",
    SAGEMAKER_STATE_S3_REGION: "us-gov-west-1",
    SAGEMAKER_STATE_S3_KEY_PREFIX: "ml-platform/sagemaker",
    SAGEMAKER_STATE_S3_USE_LOCKFILE: "false",
  });

  it("writes no use_lockfile and keeps terraform >= 1.5; encryption stays on, with the bucket's default key", () => {
    expect(s3.json["ml-module"].terraform).toEqual({
      backend: {
        s3: {
          bucket: "acme-terraform-state",
          key: "ml-platform/sagemaker/ml-module/terraform.tfstate",
          region: "us-gov-west-1",
          encrypt: true,
        },
      },
      required_version: ">= 1.5",
      required_providers: REQUIRED_PROVIDERS["ml-module"],
    });
  });

  it("warns on every synth that the state is not locked", () => {
    expect(
      reportedAnnotations(s3.stacks.iam).filter((annotation) => annotation.level === "warning"),
    ).toEqual([
      {
        path: "iam",
        level: "warning",
        message:
          "State in S3 without locking (SAGEMAKER_STATE_S3_USE_LOCKFILE=false): two runs at the same time can " +
          "overwrite each other's state. Leave it unset (true) with terraform >= 1.10.",
      },
    ]);
  });
});

describe("state backend: HCP Terraform", () => {
  const hcp = projectWith({
    SAGEMAKER_STATE_BACKEND: "hcp",
    SAGEMAKER_STATE_HCP_ORGANIZATION: "acme",
  });

  it("gives each stack a workspace of its own in the organization, requiring terraform >= 1.5", () => {
    for (const stack of STACKS) {
      expect(hcp.json[stack].terraform, stack).toEqual({
        cloud: { organization: "acme", workspaces: { name: `sagemaker-inference-${stack}` } },
        required_version: ">= 1.5",
        required_providers: REQUIRED_PROVIDERS[stack],
      });
    }
  });

  it("has sagemaker-serverless read the iam workspace's outputs", () => {
    expect(hcp.json["sagemaker-serverless"].data?.terraform_remote_state).toEqual({
      "cross-stack-reference-input-iam": {
        backend: "remote",
        config: { organization: "acme", workspaces: { name: "sagemaker-inference-iam" } },
      },
    });
  });

  it("uses a Terraform Enterprise host and another workspace prefix when given", () => {
    const tfe = projectWith({
      SAGEMAKER_STATE_BACKEND: "hcp",
      SAGEMAKER_STATE_HCP_ORGANIZATION: "acme",
      SAGEMAKER_STATE_HCP_WORKSPACE_PREFIX: "ml_",
      SAGEMAKER_STATE_HCP_HOSTNAME: "tfe.example.com",
    });
    expect(tfe.json.iam.terraform?.cloud).toEqual({
      organization: "acme",
      hostname: "tfe.example.com",
      workspaces: { name: "ml_iam" },
    });
    expect(tfe.json["sagemaker-serverless"].data?.terraform_remote_state).toEqual({
      "cross-stack-reference-input-iam": {
        backend: "remote",
        config: {
          organization: "acme",
          hostname: "tfe.example.com",
          workspaces: { name: "ml_iam" },
        },
      },
    });
  });
});

describe("state backend: bad settings, refused at synth with every problem at once", () => {
  const PREFIX_RULE =
    "a key prefix of at most 1002 characters: letters, digits and ! - _ . * ' ( ), in segments separated by " +
    "single '/', not starting or ending with '/', no '.' or '..' segment";

  it.each<[string, Readonly<Record<string, string>>, string[]]>([
    [
      "an unknown backend",
      { SAGEMAKER_STATE_BACKEND: "S3" },
      ['SAGEMAKER_STATE_BACKEND: got "S3"; allowed: one of "local", "s3" or "hcp"'],
    ],
    [
      "S3 without its bucket and region",
      { SAGEMAKER_STATE_BACKEND: "s3" },
      [
        'SAGEMAKER_STATE_S3_BUCKET: got (not set); allowed: the name of the S3 bucket that keeps the state; required when SAGEMAKER_STATE_BACKEND is "s3"',
        'SAGEMAKER_STATE_S3_REGION: got (not set); allowed: the AWS region of that bucket, such as us-east-1; required when SAGEMAKER_STATE_BACKEND is "s3"',
      ],
    ],
    [
      "a bad bucket name and region",
      {
        SAGEMAKER_STATE_BACKEND: "s3",
        SAGEMAKER_STATE_S3_BUCKET: "Acme_State",
        SAGEMAKER_STATE_S3_REGION: "EU-WEST-1",
      },
      [
        `SAGEMAKER_STATE_S3_BUCKET: got "Acme_State"; allowed: ${S3_BUCKET_NAME_WORDS}; this one: it has characters other than a-z, 0-9, '.' and '-'`,
        'SAGEMAKER_STATE_S3_REGION: got "EU-WEST-1"; allowed: an AWS region code such as us-east-1',
      ],
    ],
    [
      "a key prefix with a leading or trailing slash",
      { ...S3, SAGEMAKER_STATE_S3_KEY_PREFIX: "/state/" },
      [`SAGEMAKER_STATE_S3_KEY_PREFIX: got "/state/"; allowed: ${PREFIX_RULE}`],
    ],
    [
      "a key prefix with an empty segment",
      { ...S3, SAGEMAKER_STATE_S3_KEY_PREFIX: "a//b" },
      [`SAGEMAKER_STATE_S3_KEY_PREFIX: got "a//b"; allowed: ${PREFIX_RULE}`],
    ],
    [
      "a key prefix with a '..' segment",
      { ...S3, SAGEMAKER_STATE_S3_KEY_PREFIX: "team/../other" },
      [`SAGEMAKER_STATE_S3_KEY_PREFIX: got "team/../other"; allowed: ${PREFIX_RULE}`],
    ],
    [
      // AWS's documentation example: terraform's S3 backend refuses it too (not a version 1-5 UUID).
      "a KMS key id terraform refuses",
      { ...S3, SAGEMAKER_STATE_S3_KMS_KEY_ID: "1234abcd-12ab-34cd-56ef-1234567890ab" },
      [
        'SAGEMAKER_STATE_S3_KMS_KEY_ID: got "1234abcd-12ab-34cd-56ef-1234567890ab"; allowed: a KMS key: a key ARN (arn:<partition>:kms:<region>:<account>:key/<key id>), an alias ARN (...:alias/<name>), a key id (a UUID such as 0f3c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f, or mrk- and 32 hex digits) or alias/<name>',
      ],
    ],
    [
      "a lock file switch that is not true or false",
      { ...S3, SAGEMAKER_STATE_S3_USE_LOCKFILE: "yes" },
      ['SAGEMAKER_STATE_S3_USE_LOCKFILE: got "yes"; allowed: one of "true" or "false"'],
    ],
    [
      "an S3 setting while the backend is still local",
      { SAGEMAKER_STATE_S3_BUCKET: "acme-terraform-state" },
      [
        'SAGEMAKER_STATE_S3_BUCKET: got "acme-terraform-state"; allowed: not set while SAGEMAKER_STATE_BACKEND is "local" (it configures the "s3" backend)',
      ],
    ],
    [
      "an HCP setting with S3",
      { ...S3, SAGEMAKER_STATE_HCP_ORGANIZATION: "acme" },
      [
        'SAGEMAKER_STATE_HCP_ORGANIZATION: got "acme"; allowed: not set while SAGEMAKER_STATE_BACKEND is "s3" (it configures the "hcp" backend)',
      ],
    ],
    [
      "a misspelt variable, which would otherwise be ignored",
      { ...S3, SAGEMAKER_STATE_S3_KMS_KEY: "alias/terraform-state" },
      [
        'SAGEMAKER_STATE_S3_KMS_KEY: got "alias/terraform-state"; allowed: no such variable: the state backend reads SAGEMAKER_STATE_BACKEND, SAGEMAKER_STATE_S3_BUCKET, SAGEMAKER_STATE_S3_REGION, SAGEMAKER_STATE_S3_KEY_PREFIX, SAGEMAKER_STATE_S3_KMS_KEY_ID, SAGEMAKER_STATE_S3_USE_LOCKFILE, SAGEMAKER_STATE_HCP_ORGANIZATION, SAGEMAKER_STATE_HCP_WORKSPACE_PREFIX, SAGEMAKER_STATE_HCP_HOSTNAME',
      ],
    ],
    [
      "HCP Terraform without an organization",
      { SAGEMAKER_STATE_BACKEND: "hcp" },
      [
        'SAGEMAKER_STATE_HCP_ORGANIZATION: got (not set); allowed: the HCP Terraform organization; required when SAGEMAKER_STATE_BACKEND is "hcp"',
      ],
    ],
    [
      "a bad organization, workspace prefix and host name",
      {
        SAGEMAKER_STATE_BACKEND: "hcp",
        SAGEMAKER_STATE_HCP_ORGANIZATION: "acme corp",
        SAGEMAKER_STATE_HCP_WORKSPACE_PREFIX: "ml.",
        SAGEMAKER_STATE_HCP_HOSTNAME: "https://tfe.example.com",
      },
      [
        `SAGEMAKER_STATE_HCP_ORGANIZATION: got "acme corp"; allowed: an HCP Terraform organization name: letters, digits, '-' and '_'`,
        `SAGEMAKER_STATE_HCP_WORKSPACE_PREFIX: got "ml."; allowed: a workspace name prefix of at most 87 characters: letters, digits, '-' and '_' (workspace names are <prefix><stack>, at most 90 characters)`,
        'SAGEMAKER_STATE_HCP_HOSTNAME: got "https://tfe.example.com"; allowed: a host name such as app.terraform.io or tfe.example.com (no scheme, no path)',
      ],
    ],
  ])("%s", (_case, variables, problems) => {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    let message = "(no error)";
    try {
      withStateVariables(variables, () => defineStacks(Testing.app()));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      [
        `Invalid configuration for 'iam' (${count}):`,
        ...problems.map((problem) => `  - ${problem}`),
      ].join("\n"),
    );
  });
});
