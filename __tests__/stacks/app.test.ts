import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Aspects, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { PolicyChecks } from "../../modules/policy/policy-checks";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";
import { defineStacks } from "../../stacks/app";
import { hclDifferences } from "../helpers/hcl";
import { synthesizeProject, synthProject } from "../helpers/project";

/** Every stack of the app, from defineStacks: a new stack is covered without editing this file. */
const STACKS = Object.values(synthProject().stacks)
  .map((stack) => stack.node.id)
  .sort();

describe("the app", () => {
  // As main.ts builds it, from the project folder (the working directory of the tests and of cdktf synth).
  const here = synthProject();

  it("writes cdktf.out/stacks/<stack>/cdk.tf.json for every stack", () => {
    expect(Object.keys(here.files)).toEqual(STACKS);
    const { manifest } = here;
    expect(Object.keys(manifest.stacks).sort()).toEqual(STACKS);
    expect(manifest.stacks["sagemaker-serverless"]).toMatchObject({
      synthesizedStackPath: "stacks/sagemaker-serverless/cdk.tf.json",
      dependencies: ["iam"],
    });
    expect(manifest.stacks.iam?.dependencies).toEqual([]);
    expect(manifest.stacks["ml-module"]?.dependencies).toEqual([]);
    expect(manifest.stacks["sagemaker-provisioned"]?.dependencies).toEqual([]);
  });

  it("writes the same bytes whichever folder it runs in, with no path of the machine", () => {
    const before = process.cwd();
    process.chdir(mkdtempSync(join(tmpdir(), "other-checkout-")));
    try {
      expect(synthesizeProject().files).toEqual(here.files);
    } finally {
      process.chdir(before);
    }
    for (const json of Object.values(here.files)) {
      expect(json).not.toContain(process.cwd());
      expect(json).not.toContain(tmpdir());
      expect(json).not.toMatch(/"\/(home|root|tmp|work|Users)\//);
    }
  });
});

describe("synthesizing on a machine without terraform", () => {
  it("runs cdktf's validations without calling a terraform binary", () => {
    // npm run synth needs no terraform; cdktf runs `terraform version` at synth for stacks with its resource moves.
    const originalPath = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), "no-terraform-"));
    try {
      const app = Testing.app();
      defineStacks(app);
      expect(() => app.synth()).not.toThrow();
    } finally {
      process.env.PATH = originalPath;
    }
  });
});

describe("cdktf synth --hcl", () => {
  it.each(Object.values(synthProject().stacks).map((stack) => [stack.node.id, stack] as const))(
    "writes HCL for %s that says what its JSON says, required_version included",
    async (name, stack) => {
      const json = synthProject().json[name]!;
      // hclDifferences reads the HCL back with hcl2json and compares every value, the terraform block's too.
      expect(await hclDifferences(json, Testing.synthHcl(stack))).toEqual([]);
      expect(json.terraform?.required_version).toBe(">= 1.5");
    },
  );
});

describe("the policy checks", () => {
  const stacks = Object.values(synthProject().stacks);

  it.each(stacks.map((stack) => [stack.node.id, stack] as const))(
    "run on %s, which synthesizes with no unacknowledged finding",
    (_name, stack) => {
      expect(Aspects.of(stack).all.filter((aspect) => aspect instanceof PolicyChecks)).toHaveLength(
        1,
      );
      expect(
        reportedAnnotations(stack).filter((annotation) => annotation.level !== "info"),
      ).toEqual([]);
    },
  );

  it("show every acknowledged finding, with its reason, in the synth output", () => {
    expect(
      stacks
        .flatMap((stack) => reportedAnnotations(stack))
        .map(({ path, message }) => [path, message.slice(0, message.indexOf("]") + 1)]),
    ).toEqual([
      [
        "iam/sagemaker-execution-role/managed-AmazonSageMakerFullAccess",
        "[iam-broad-managed-policy]",
      ],
      // Serverless: no network isolation, a tag as the original's image, no key as in the original.
      ["sagemaker-serverless/embedding/model", "[sagemaker-model-network-isolation]"],
      ["sagemaker-serverless/embedding/model", "[sagemaker-model-image-digest]"],
      ["sagemaker-serverless/embedding/endpoint-configuration", "[sagemaker-endpoint-kms]"],
      ["ml-module/ml/serverless/model", "[sagemaker-model-network-isolation]"],
      ["ml-module/ml/serverless/model", "[sagemaker-model-image-digest]"],
      ["ml-module/ml/serverless/endpoint-configuration", "[sagemaker-endpoint-kms]"],
      [
        "ml-module/ml/lambda-sagemaker-invoke-role/managed-service-role--AWSLambdaVPCAccessExecutionRole",
        "[iam-broad-managed-policy]",
      ],
      // The key policy's three statements: in a key policy, Resource "*" is the key.
      ["sagemaker-provisioned/encryption-key/policy", "[iam-wildcard-resource]"],
      ["sagemaker-provisioned/encryption-key/policy", "[iam-wildcard-resource]"],
      ["sagemaker-provisioned/encryption-key/policy", "[iam-wildcard-resource]"],
      ["sagemaker-provisioned/inference-repository/repository", "[ecr-scan-on-push]"],
      ["sagemaker-provisioned/inference-repository/repository", "[ecr-tag-immutability]"],
      ["sagemaker-provisioned/model-artifacts/bucket", "[s3-bucket-access-logging]"],
      ["sagemaker-provisioned/model-artifacts/bucket", "[s3-bucket-replication]"],
      ["sagemaker-provisioned/model-artifacts/bucket", "[s3-bucket-event-notifications]"],
      ["sagemaker-provisioned/endpoint-logs", "[cloudwatch-log-retention-one-year]"],
      ["sagemaker-provisioned/inference/model_ml-model", "[sagemaker-model-image-digest]"],
    ]);
  });
});
