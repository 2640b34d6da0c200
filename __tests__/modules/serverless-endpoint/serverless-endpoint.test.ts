import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Testing, TerraformStack, TerraformVariable, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ServerlessEndpoint,
  type ServerlessEndpointProps,
} from "../../../modules/serverless-endpoint/serverless-endpoint";
import { acknowledgementFor } from "../../../modules/policy/acknowledgements";
import { onlyResource, resourcesOf, synthScope } from "../../helpers/synth";

const MINIMAL: ServerlessEndpointProps = {
  modelName: "m",
  endpointConfigName: "c",
  endpointName: "e",
  executionRoleArn: "arn:aws:iam::111122223333:role/r",
  image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
};

describe("ServerlessEndpoint", () => {
  it("creates the model, a one-variant serverless configuration and the endpoint", () => {
    const json = synthScope((scope) => {
      new ServerlessEndpoint(scope, "ep", {
        ...MINIMAL,
        modelDataUrl: "s3://models/m/model.tar.gz",
        environment: { SAGEMAKER_PROGRAM: "inference.py" },
        variantName: "AllTraffic",
        memorySizeInMb: 2048,
        maxConcurrency: 50,
        provisionedConcurrency: 5,
        tags: { team: "ml" },
      });
    });
    const model = onlyResource(json, "aws_sagemaker_model");
    const config = onlyResource(json, "aws_sagemaker_endpoint_configuration");
    expect(model.attributes).toEqual({
      name: "m",
      execution_role_arn: "arn:aws:iam::111122223333:role/r",
      primary_container: {
        image: MINIMAL.image,
        model_data_url: "s3://models/m/model.tar.gz",
        environment: { SAGEMAKER_PROGRAM: "inference.py" },
      },
      tags: { team: "ml" },
    });
    expect(config.attributes).toEqual({
      name: "c",
      production_variants: [
        {
          model_name: `\${aws_sagemaker_model.${model.name}.name}`,
          variant_name: "AllTraffic",
          serverless_config: {
            memory_size_in_mb: 2048,
            max_concurrency: 50,
            provisioned_concurrency: 5,
          },
        },
      ],
      tags: { team: "ml" },
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint").attributes).toEqual({
      name: "e",
      endpoint_config_name: `\${aws_sagemaker_endpoint_configuration.${config.name}.name}`,
      tags: { team: "ml" },
    });
  });

  it("defaults to 1024 MB and 20 concurrent invocations, and leaves optional attributes out", () => {
    const json = synthScope((scope) => {
      new ServerlessEndpoint(scope, "ep", MINIMAL);
    });
    expect(onlyResource(json, "aws_sagemaker_model").attributes).toEqual({
      name: "m",
      execution_role_arn: "arn:aws:iam::111122223333:role/r",
      primary_container: { image: MINIMAL.image },
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint_configuration").attributes).toMatchObject({
      production_variants: [
        { serverless_config: { memory_size_in_mb: 1024, max_concurrency: 20 } },
      ],
    });
  });

  it("tags each resource with its own Name when asked, over plain or apply-time tags", () => {
    const json = synthScope((scope) => {
      new ServerlessEndpoint(scope, "plain", {
        ...MINIMAL,
        tags: { team: "ml", Name: "ignored" },
        nameTag: true,
      });
      const tags = new TerraformVariable(scope, "tags", { type: "map(string)" });
      new ServerlessEndpoint(scope, "variable", {
        ...MINIMAL,
        modelName: "m2",
        endpointConfigName: "c2",
        endpointName: "e2",
        tags: Token.asStringMap(tags.value),
        nameTag: true,
      });
      new ServerlessEndpoint(scope, "untagged", {
        ...MINIMAL,
        modelName: "m3",
        endpointConfigName: "c3",
        endpointName: "e3",
        nameTag: true,
      });
    });
    const tagsByName = (type: string) =>
      Object.fromEntries(
        Object.values(resourcesOf(json, type)).map((r) => [String(r.name), r.tags]),
      );
    expect(tagsByName("aws_sagemaker_model")).toEqual({
      m: { team: "ml", Name: "m" },
      m2: '${merge(var.tags, {"Name" = "m2"})}',
      m3: { Name: "m3" },
    });
    expect(tagsByName("aws_sagemaker_endpoint_configuration")).toEqual({
      c: { team: "ml", Name: "c" },
      c2: '${merge(var.tags, {"Name" = "c2"})}',
      c3: { Name: "c3" },
    });
    expect(tagsByName("aws_sagemaker_endpoint")).toEqual({
      e: { team: "ml", Name: "e" },
      e2: '${merge(var.tags, {"Name" = "e2"})}',
      e3: { Name: "e3" },
    });
  });

  it("creates the model after the resources it is told to wait for", () => {
    const json = synthScope((scope) => {
      const wait = new IamRole(scope, "role", { name: "r", assumeRolePolicy: "{}" });
      wait.overrideLogicalId("role");
      new ServerlessEndpoint(scope, "ep", { ...MINIMAL, modelDependsOn: [wait] });
    });
    expect(onlyResource(json, "aws_sagemaker_model").attributes.depends_on).toEqual([
      "aws_iam_role.role",
    ]);
  });

  it("encrypts SageMaker's copy of the image with the key it is given", () => {
    const key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const json = synthScope((scope) => {
      new ServerlessEndpoint(scope, "ep", { ...MINIMAL, encryptionKeyArn: key });
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint_configuration").attributes.kms_key_arn).toBe(
      key,
    );
  });

  it("acknowledges, on its model, that a serverless endpoint cannot isolate it", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const endpoint = new ServerlessEndpoint(stack, "ep", MINIMAL);
    expect(acknowledgementFor(endpoint.model, "sagemaker-model-network-isolation")).toEqual({
      ruleId: "sagemaker-model-network-isolation",
      reason:
        "Serverless endpoints do not support network isolation (SageMaker Developer Guide, Serverless Inference, feature exclusions); serve the model from instances (SagemakerInference, provisioned) to isolate it.",
      scope: endpoint.model,
    });
    expect(acknowledgementFor(endpoint.endpointConfiguration, "sagemaker-endpoint-kms")).toBe(
      undefined,
    );
  });

  it("lists every invalid prop in one error", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new ServerlessEndpoint(stack, "ep", {
          ...MINIMAL,
          modelName: "bad_name",
          endpointConfigName: "-c",
          endpointName: "e".repeat(64),
          variantName: "all traffic",
          image: "has space",
          modelDataUrl: "s3://b/model.zip",
          memorySizeInMb: 3000,
          maxConcurrency: 201,
          provisionedConcurrency: 0,
          environment: { "BAD-KEY": "v" },
          encryptionKeyArn: "alias/models",
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/ep' (11 problems):",
        '  - modelName: got "bad_name"; allowed: a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit',
        '  - endpointConfigName: got "-c"; allowed: a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit',
        `  - endpointName: got "${"e".repeat(64)}"; allowed: a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit (this one has 64)`,
        '  - variantName: got "all traffic"; allowed: a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit',
        '  - image: got "has space"; allowed: an image URI of at most 255 characters without whitespace',
        '  - modelDataUrl: got "s3://b/model.zip"; allowed: an s3:// or https:// URL of at most 1024 characters pointing at a .tar.gz model artifact',
        '  - encryptionKeyArn: got "alias/models"; allowed: a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>, or an alias ARN, ...:alias/<alias name>',
        "  - memorySizeInMb: got 3000; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
        "  - maxConcurrency: got 201; allowed: a whole number from 1 to 200",
        "  - provisionedConcurrency: got 0; allowed: a whole number from 1 to 200",
        `  - environment.BAD-KEY: got "BAD-KEY"; allowed: an environment variable name of letters, digits and '_', not starting with a digit, at most 1024 characters`,
      ].join("\n"),
    );
  });

  it("keeps provisioned concurrency at or below the maximum", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new ServerlessEndpoint(stack, "ep", {
          ...MINIMAL,
          maxConcurrency: 5,
          provisionedConcurrency: 6,
        }),
    ).toThrowError(
      "Invalid configuration for 's/ep' (1 problem):\n  - provisionedConcurrency: got 6; allowed: at most maxConcurrency (5)",
    );
  });

  it("leaves values known only at apply time to Terraform", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const name = new TerraformVariable(stack, "name", { type: "string" });
    const concurrency = new TerraformVariable(stack, "concurrency", { type: "number" });
    expect(
      () =>
        new ServerlessEndpoint(stack, "ep", {
          ...MINIMAL,
          modelName: name.stringValue,
          endpointName: `${name.stringValue}-endpoint`,
          maxConcurrency: concurrency.numberValue,
          provisionedConcurrency: 10,
          environment: { MODEL: name.stringValue },
        }),
    ).not.toThrow();
  });
});
