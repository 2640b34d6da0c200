/**
 * Each stack synthesized twice, before and after a change known when it is synthesized: the content the model's or
 * the configuration's name is derived from changes, the names stay references to it (Terraform computes them: the
 * names themselves are compared in __tests__/terraform/change-propagation.test.ts, which also covers the changes
 * only Terraform sees, the variables: a HuggingFace model id, an image URI, an instance type), the endpoint keeps its
 * name and refers to the configuration, both are created before the old ones are destroyed; the same inputs give the
 * same JSON, byte for byte.
 */
import { gzipSync } from "node:zlib";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ref, Testing, Token, type TerraformStack } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { IamStack } from "../../stacks/alex/iam-stack";
import {
  SagemakerServerlessStack,
  type SagemakerServerlessStackProps,
} from "../../stacks/alex/sagemaker-serverless-stack";
import { MlModuleStack, type MlModuleStackProps } from "../../stacks/ml-module/ml-module-stack";
import {
  SagemakerProvisionedStack,
  type SagemakerProvisionedStackProps,
} from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { contentName, builtStart } from "../helpers/content-names";
import { synthStack, type SynthesizedStack } from "../helpers/synth";

const folder = mkdtempSync(join(tmpdir(), "change-propagation-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function alex(props: Partial<SagemakerServerlessStackProps> = {}): TerraformStack {
  const app = Testing.app();
  const iam = new IamStack(app, "iam");
  const stack = new SagemakerServerlessStack(app, "sagemaker-serverless", {
    executionRoleArn: iam.executionRole.roleArn,
    ...props,
  });
  stack.prepareStack();
  return stack;
}

const mlModule = (props: MlModuleStackProps = {}) =>
  new MlModuleStack(Testing.app(), "ml-module", props);
const provisioned = (props: SagemakerProvisionedStackProps = {}) =>
  new SagemakerProvisionedStack(Testing.app(), "sagemaker-provisioned", props);

type Resource = Record<string, unknown> & { lifecycle?: Record<string, unknown> };
const resourceOf = (json: SynthesizedStack, type: string, name: string) =>
  json.resource![type]![name] as Resource;
const localOf = (json: SynthesizedStack, name: string) =>
  (json.locals as Record<string, { arguments: Record<string, unknown> }>)[name]!;

describe("sagemaker-serverless, synthesized twice", () => {
  const first = alex();
  const before = synthStack(first);
  const after = synthStack(alex({ memorySizeInMB: 4096 }));

  it("gives the same JSON for the same inputs", () => {
    expect(Testing.synth(alex())).toBe(Testing.synth(first));
  });

  it("another memory size changes the configuration's content, not the model's", () => {
    expect(localOf(after, "embedding_model_content")).toEqual(
      localOf(before, "embedding_model_content"),
    );
    expect(localOf(before, "serverless_config_content").arguments.production_variants).toEqual([
      {
        model_name: "${aws_sagemaker_model.embedding_model.name}",
        serverless_config: { memory_size_in_mb: 3072, max_concurrency: 2 },
      },
    ]);
    expect(localOf(after, "serverless_config_content").arguments.production_variants).toEqual([
      {
        model_name: "${aws_sagemaker_model.embedding_model.name}",
        serverless_config: { memory_size_in_mb: 4096, max_concurrency: 2 },
      },
    ]);
  });

  it("names both after their content, created before destroyed; the endpoint keeps its name", () => {
    for (const json of [before, after]) {
      const model = resourceOf(json, "aws_sagemaker_model", "embedding_model");
      const configuration = resourceOf(
        json,
        "aws_sagemaker_endpoint_configuration",
        "serverless_config",
      );
      expect(model.name).toBe(contentName("alex-embedding-model", "embedding_model_content"));
      expect(configuration.name).toBe(
        contentName("alex-embedding-serverless-config", "serverless_config_content"),
      );
      expect(model.lifecycle?.create_before_destroy).toBe(true);
      expect(configuration.lifecycle).toEqual({ create_before_destroy: true });
      expect(resourceOf(json, "aws_sagemaker_endpoint", "embedding_endpoint")).toEqual({
        name: "alex-embedding-endpoint",
        endpoint_config_name: "${aws_sagemaker_endpoint_configuration.serverless_config.name}",
      });
    }
  });
});

describe("ml-module, synthesized twice", () => {
  // A reference, as a stack would pass its key (a literal ARN is a policy finding: its partition).
  const key = Token.asString(ref("aws_kms_key.team.arn"));
  const first = mlModule();
  const before = synthStack(first);
  const after = synthStack(mlModule({ encryptionKeyArn: key }));

  it("gives the same JSON for the same inputs", () => {
    expect(Testing.synth(mlModule())).toBe(Testing.synth(first));
  });

  it("a key for the configuration changes its content, not the model's; the endpoint stays", () => {
    expect(localOf(after, "optimal_call_time_predictor_content")).toEqual(
      localOf(before, "optimal_call_time_predictor_content"),
    );
    expect(localOf(before, "serverless_config_content").arguments).not.toHaveProperty(
      "kms_key_arn",
    );
    expect(localOf(after, "serverless_config_content").arguments.kms_key_arn).toBe(
      "${aws_kms_key.team.arn}",
    );
    expect(resourceOf(after, "aws_sagemaker_endpoint", "serverless_endpoint")).toEqual(
      resourceOf(before, "aws_sagemaker_endpoint", "serverless_endpoint"),
    );
    expect(
      resourceOf(after, "aws_sagemaker_endpoint_configuration", "serverless_config").name,
    ).toBe(contentName(builtStart("serverless_config_content"), "serverless_config_content"));
  });
});

describe("sagemaker-provisioned, synthesized twice", () => {
  const artifact = join(folder, "model-v2.tar.gz");
  writeFileSync(artifact, gzipSync(Buffer.from("another model")));
  const first = provisioned();
  const before = synthStack(first);
  const after = synthStack(
    provisioned({ modelArtifact: { source: "local-file", path: artifact } }),
  );

  it("gives the same JSON for the same inputs", () => {
    expect(Testing.synth(provisioned())).toBe(Testing.synth(first));
  });

  it("another artifact file, uploaded to the same key, is another revision of the model", () => {
    const hashOf = (json: SynthesizedStack) =>
      resourceOf(json, "aws_s3_object", "model_artifact").source_hash;
    expect(hashOf(after)).not.toBe(hashOf(before));
    for (const json of [before, after]) {
      expect(localOf(json, "ml_model_content")).toMatchObject({
        revision: "${aws_s3_object.model_artifact.source_hash}",
      });
      expect(resourceOf(json, "aws_sagemaker_model", "ml_model").name).toBe(
        contentName(builtStart("ml_model_content"), "ml_model_content"),
      );
      expect(
        resourceOf(json, "aws_sagemaker_model", "ml_model").lifecycle?.create_before_destroy,
      ).toBe(true);
      expect(
        resourceOf(json, "aws_sagemaker_endpoint_configuration", "ml_endpoint_config").lifecycle
          ?.create_before_destroy,
      ).toBe(true);
      expect(resourceOf(json, "aws_sagemaker_endpoint", "ml_endpoint").endpoint_config_name).toBe(
        "${aws_sagemaker_endpoint_configuration.ml_endpoint_config.name}",
      );
    }
    expect(resourceOf(after, "aws_sagemaker_endpoint", "ml_endpoint")).toEqual(
      resourceOf(before, "aws_sagemaker_endpoint", "ml_endpoint"),
    );
  });
});
