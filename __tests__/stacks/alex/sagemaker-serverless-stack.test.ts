import { ref, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  expectRegistryTable,
  HUGGINGFACE_INFERENCE_PINNED,
  HUGGINGFACE_INFERENCE_REGIONS,
} from "../../helpers/registry-accounts";
import { IamStack } from "../../../stacks/alex/iam-stack";
import {
  DEFAULT_IMAGE_URI,
  SagemakerServerlessStack,
} from "../../../stacks/alex/sagemaker-serverless-stack";
import { synthProject } from "../../helpers/project";
import { contentName } from "../../helpers/content-names";
import { addresses, synthStack } from "../../helpers/synth";
import { AWS_REGION_VARIABLE } from "../../helpers/expected";
import { AWS_PROVIDER } from "../../helpers/providers";
import { SAGEMAKER_NAME_WORDS } from "../../helpers/allowed";

const ORIGINAL_IMAGE =
  "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:1.13.1-transformers4.26.0-cpu-py39-ubuntu20.04";
const ROLE_FROM_IAM_STACK =
  "${data.terraform_remote_state.cross-stack-reference-input-iam.outputs.cross-stack-output-aws_iam_rolesagemaker_rolearn}";
const USES_DEFAULT_IMAGE = `(var.sagemaker_image_uri == "${ORIGINAL_IMAGE}")`;

describe("stack sagemaker-serverless", () => {
  const { json: all, stacks } = synthProject();
  const json = all["sagemaker-serverless"]!;

  it("keeps the original addresses", () => {
    expect(addresses(json)).toEqual([
      "aws_sagemaker_endpoint.embedding_endpoint",
      "aws_sagemaker_endpoint_configuration.serverless_config",
      "aws_sagemaker_model.embedding_model",
      "data.aws_partition.current",
      "data.terraform_remote_state.cross-stack-reference-input-iam",
    ]);
  });

  it("serves the HuggingFace model with the execution role of the iam stack", () => {
    expect(json.resource?.aws_sagemaker_model).toEqual({
      embedding_model: {
        name: contentName("alex-embedding-model", "embedding_model_content"),
        execution_role_arn: ROLE_FROM_IAM_STACK,
        primary_container: {
          image: "${local.image_uri}",
          environment: {
            HF_MODEL_ID: "${var.embedding_model_name}",
            HF_TASK: "feature-extraction",
          },
        },
        lifecycle: {
          create_before_destroy: true,
          precondition: [
            {
              condition: `\${(!${USES_DEFAULT_IMAGE} || contains(keys(local.huggingface_inference_registry_accounts), var.aws_region))}`,
              error_message: `No HuggingFace inference image is published for region \${var.aws_region}; regions with one: ${HUGGINGFACE_INFERENCE_REGIONS}. Set sagemaker_image_uri to an image in the \${var.aws_region} registry.`,
            },
          ],
        },
      },
    });
  });

  it("uses a serverless configuration of 3072 MB and at most 2 concurrent invocations", () => {
    expect(json.resource?.aws_sagemaker_endpoint_configuration).toEqual({
      serverless_config: {
        name: contentName("alex-embedding-serverless-config", "serverless_config_content"),
        lifecycle: { create_before_destroy: true },
        production_variants: [
          {
            model_name: "${aws_sagemaker_model.embedding_model.name}",
            serverless_config: { memory_size_in_mb: 3072, max_concurrency: 2 },
          },
        ],
      },
    });
    expect(json.resource?.aws_sagemaker_endpoint).toEqual({
      embedding_endpoint: {
        name: "alex-embedding-endpoint",
        endpoint_config_name: "${aws_sagemaker_endpoint_configuration.serverless_config.name}",
      },
    });
  });

  it("takes the default image from the deployment region's registry, and any other image as given", () => {
    expect(json.locals).toEqual({
      huggingface_inference_registry_accounts: expect.any(Object),
      embedding_model_content: expect.any(Object),
      serverless_config_content: expect.any(Object),
      image_uri: `\${${USES_DEFAULT_IMAGE} ? "\${lookup(local.huggingface_inference_registry_accounts, var.aws_region, "no-image-published-in-region")}.dkr.ecr.\${var.aws_region}.\${data.aws_partition.current.dns_suffix}/huggingface-pytorch-inference:1.13.1-transformers4.26.0-cpu-py39-ubuntu20.04" : var.sagemaker_image_uri}`,
    });
    expectRegistryTable(
      json.locals?.huggingface_inference_registry_accounts,
      HUGGINGFACE_INFERENCE_REGIONS,
      HUGGINGFACE_INFERENCE_PINNED,
    );
    expect(DEFAULT_IMAGE_URI).toBe(ORIGINAL_IMAGE);
  });

  it("names the model and the configuration after their content, so that a new model id or image reaches the endpoint", () => {
    expect(json.locals!.embedding_model_content).toEqual({
      base_name: "alex-embedding-model",
      arguments: {
        execution_role_arn: ROLE_FROM_IAM_STACK,
        primary_container: {
          image: "${local.image_uri}",
          environment: {
            HF_MODEL_ID: "${var.embedding_model_name}",
            HF_TASK: "feature-extraction",
          },
        },
      },
    });
    expect(json.locals!.serverless_config_content).toEqual({
      base_name: "alex-embedding-serverless-config",
      arguments: {
        production_variants: [
          {
            model_name: "${aws_sagemaker_model.embedding_model.name}",
            serverless_config: { memory_size_in_mb: 3072, max_concurrency: 2 },
          },
        ],
      },
    });
  });

  it("reads the role ARN from the iam stack's local state", () => {
    expect(json.data?.terraform_remote_state).toEqual({
      "cross-stack-reference-input-iam": {
        backend: "local",
        config: { path: "../../../terraform.iam.tfstate" },
        workspace: "${terraform.workspace}",
      },
    });
  });

  it("is deployed after the iam stack, so the endpoint comes after the IAM propagation delay", () => {
    expect(stacks.sagemakerServerless.dependencies).toEqual([stacks.iam]);
    expect(all.iam?.resource?.time_sleep).toEqual({
      wait_for_iam_propagation: {
        create_duration: "15s",
        depends_on: ["aws_iam_role_policy_attachment.sagemaker_full_access"],
      },
    });
  });

  it("declares the original variables with their types, defaults and descriptions", () => {
    expect(json.variable).toEqual({
      aws_region: AWS_REGION_VARIABLE,
      sagemaker_image_uri: {
        type: "string",
        default: ORIGINAL_IMAGE,
        description: "URI of the SageMaker container image",
        nullable: false,
        validation: [
          {
            condition:
              '${length(var.sagemaker_image_uri) <= 255 && can(regex("^\\\\S+$", var.sagemaker_image_uri))}',
            error_message:
              "sagemaker_image_uri must be an image URI of at most 255 characters without whitespace; got ${jsonencode(var.sagemaker_image_uri)}.",
          },
        ],
      },
      embedding_model_name: {
        type: "string",
        default: "sentence-transformers/all-MiniLM-L6-v2",
        description: "Name of the HuggingFace model to use",
        nullable: false,
        validation: [
          {
            condition:
              '${length(var.embedding_model_name) <= 1024 && can(regex("^\\\\S+$", var.embedding_model_name))}',
            error_message:
              "embedding_model_name must be a HuggingFace model id (e.g. sentence-transformers/all-MiniLM-L6-v2) of at most 1024 characters without whitespace; got ${jsonencode(var.embedding_model_name)}.",
          },
        ],
      },
    });
    expect(json.provider).toEqual({ aws: [{ region: "${var.aws_region}" }] });
  });

  it("outputs the endpoint's name and ARN and the setup instructions", () => {
    expect(json.output).toEqual({
      sagemaker_endpoint_name: {
        value: "${aws_sagemaker_endpoint.embedding_endpoint.name}",
        description: "Name of the SageMaker endpoint",
      },
      sagemaker_endpoint_arn: {
        value: "${aws_sagemaker_endpoint.embedding_endpoint.arn}",
        description: "ARN of the SageMaker endpoint",
      },
      setup_instructions: {
        description: "Instructions for setting up environment variables",
        value: [
          "SageMaker serverless endpoint deployed.",
          "",
          "Add it to the .env file in the project root:",
          "  SAGEMAKER_ENDPOINT=${aws_sagemaker_endpoint.embedding_endpoint.name}",
          "",
          "Then test it (the first call after idle takes 10-60 s: cold start):",
          `  aws sagemaker-runtime invoke-endpoint --endpoint-name \${aws_sagemaker_endpoint.embedding_endpoint.name} --region \${var.aws_region} --content-type application/json --body '{"inputs": "vectorize me"}' --cli-binary-format raw-in-base64-out /dev/stdout`,
          "",
        ].join("\n"),
      },
    });
  });

  it("keeps local state in terraform.sagemaker-serverless.tfstate and requires terraform >= 1.5", () => {
    expect(json.terraform).toEqual({
      backend: { local: { path: "../../../terraform.sagemaker-serverless.tfstate" } },
      required_version: ">= 1.5",
      required_providers: { aws: AWS_PROVIDER },
    });
  });

  it("rejects invalid names, memory and concurrency, all at once", () => {
    expect(
      () =>
        new SagemakerServerlessStack(Testing.app(), "serverless", {
          executionRoleArn: "arn:aws:iam::111122223333:role/r",
          modelName: "alex_embedding_model",
          endpointName: "alex-embedding-endpoint-",
          memorySizeInMB: 2500,
          maxConcurrency: 0,
        }),
    ).toThrowError(
      [
        "Invalid configuration for 'serverless/embedding' (4 problems):",
        `  - modelName: got "alex_embedding_model"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        `  - endpointName: got "alex-embedding-endpoint-"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        "  - memorySizeInMB: got 2500; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
        "  - maxConcurrency: got 0; allowed: a whole number from 1 to 200",
      ].join("\n"),
    );
  });
});

describe("stack sagemaker-serverless with encryptionKeyArn", () => {
  it("sets the key on the serverless configuration, which the original leaves without one", () => {
    const stack = new SagemakerServerlessStack(Testing.app(), "sagemaker-serverless", {
      executionRoleArn: Token.asString(ref("var.role_arn")),
      encryptionKeyArn: Token.asString(ref("var.key_arn")),
    });
    const json = synthStack(stack);
    expect(
      json.resource?.aws_sagemaker_endpoint_configuration?.serverless_config?.kms_key_arn,
    ).toBe("${var.key_arn}");
  });
});

describe("stack sagemaker-serverless with deployment guardrails", () => {
  function guarded(): ReturnType<typeof synthStack> {
    const app = Testing.app();
    const iam = new IamStack(app, "iam");
    const stack = new SagemakerServerlessStack(app, "sagemaker-serverless", {
      executionRoleArn: iam.executionRole.roleArn,
      variantName: "AllTraffic",
      blueGreen: { terminationWait: "10 minutes", maximumExecutionTimeout: "30 minutes" },
      rollbackAlarmNames: ["alex-embedding-errors"],
    });
    stack.prepareStack();
    return synthStack(stack);
  }

  it("are off by default: the stack has no alarm, and the original no variant name", () => {
    const { json } = synthProject();
    const serverless = json["sagemaker-serverless"]!;
    expect(serverless.resource?.aws_sagemaker_endpoint?.embedding_endpoint).not.toHaveProperty(
      "deployment_config",
    );
  });

  it("with a variant name: all at once, the old fleet kept 10 minutes while the alarms are watched", () => {
    const json = guarded();
    expect(
      (
        json.resource?.aws_sagemaker_endpoint_configuration?.serverless_config as {
          production_variants: unknown[];
        }
      ).production_variants,
    ).toEqual([
      {
        model_name: "${aws_sagemaker_model.embedding_model.name}",
        variant_name: "AllTraffic",
        serverless_config: { memory_size_in_mb: 3072, max_concurrency: 2 },
      },
    ]);
    expect(json.resource?.aws_sagemaker_endpoint?.embedding_endpoint).toEqual({
      name: "alex-embedding-endpoint",
      endpoint_config_name: "${aws_sagemaker_endpoint_configuration.serverless_config.name}",
      deployment_config: {
        auto_rollback_configuration: { alarms: [{ alarm_name: "alex-embedding-errors" }] },
        blue_green_update_policy: {
          maximum_execution_timeout_in_seconds: 1800,
          termination_wait_in_seconds: 600,
          traffic_routing_configuration: { type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 },
        },
      },
      lifecycle: { ignore_changes: ["deployment_config[0].auto_rollback_configuration"] },
    });
  });
});
