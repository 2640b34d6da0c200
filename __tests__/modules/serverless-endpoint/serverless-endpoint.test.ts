import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Testing, TerraformStack, TerraformVariable, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { SERVERLESS_NETWORK_ISOLATION_REASON } from "../../helpers/reasons";
import { acknowledgementFor } from "../../../modules/policy/acknowledgements";
import {
  ServerlessEndpoint,
  type ServerlessEndpointProps,
} from "../../../modules/serverless-endpoint/serverless-endpoint";
import { ProjectStack } from "../../../stacks/project-stack";
import { ECR_IMAGE_URI_WORDS, SAGEMAKER_NAME_WORDS } from "../../helpers/allowed";
import { withBaseNames } from "../../helpers/content-names";
import { addresses, onlyResource, resourcesOf, synthScope } from "../../helpers/synth";
import { thrownMessage, untyped } from "../../helpers/untyped-input";

const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";
const MINIMAL: ServerlessEndpointProps = {
  modelName: "m",
  endpointConfigurationName: "c",
  endpointName: "e",
  iamRoleArn: "arn:aws:iam::111122223333:role/r",
  container: { image: IMAGE },
};
const MANAGED_BY = { "managed-by": "Terraform" };

describe("ServerlessEndpoint", () => {
  it("creates the model, a one-variant serverless configuration and the endpoint", () => {
    const json = withBaseNames(
      synthScope((scope) => {
        new ServerlessEndpoint(scope, "ep", {
          ...MINIMAL,
          container: {
            image: IMAGE,
            modelDataLocation: "s3://models/m/model.tar.gz",
            environmentVariables: { SAGEMAKER_PROGRAM: "inference.py" },
          },
          variantName: "AllTraffic",
          memorySizeInMB: 2048,
          maxConcurrency: 50,
          provisionedConcurrency: 5,
          additionalTags: { team: "ml" },
        });
      }),
    );
    const model = onlyResource(json, "aws_sagemaker_model");
    const config = onlyResource(json, "aws_sagemaker_endpoint_configuration");
    expect(model.attributes).toEqual({
      name: "m",
      execution_role_arn: "arn:aws:iam::111122223333:role/r",
      primary_container: {
        image: IMAGE,
        model_data_url: "s3://models/m/model.tar.gz",
        environment: { SAGEMAKER_PROGRAM: "inference.py" },
      },
      tags: { ...MANAGED_BY, team: "ml" },
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
      tags: { ...MANAGED_BY, team: "ml" },
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint").attributes).toEqual({
      name: "e",
      endpoint_config_name: `\${aws_sagemaker_endpoint_configuration.${config.name}.name}`,
      tags: { ...MANAGED_BY, team: "ml" },
    });
  });

  it("defaults as SagemakerInference does: 1024 MB, 20 invocations, managed-by; no variant name, no isolation flag", () => {
    const json = withBaseNames(
      synthScope((scope) => {
        new ServerlessEndpoint(scope, "ep", MINIMAL);
      }),
    );
    expect(onlyResource(json, "aws_sagemaker_model").attributes).toEqual({
      name: "m",
      execution_role_arn: "arn:aws:iam::111122223333:role/r",
      primary_container: { image: IMAGE },
      tags: MANAGED_BY,
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint_configuration").attributes).toEqual({
      name: "c",
      production_variants: [
        {
          model_name: expect.stringMatching(/^\$\{aws_sagemaker_model\.[^.]+\.name\}$/),
          serverless_config: { memory_size_in_mb: 1024, max_concurrency: 20 },
        },
      ],
      tags: MANAGED_BY,
    });
  });

  it("tags each resource with its own Name when asked, over plain or apply-time tags, without managed-by", () => {
    const json = withBaseNames(
      synthScope((scope) => {
        new ServerlessEndpoint(scope, "plain", {
          ...MINIMAL,
          additionalTags: { team: "ml", Name: "ignored" },
          nameTag: true,
          managedByTag: false,
        });
        const tags = new TerraformVariable(scope, "tags", { type: "map(string)" });
        new ServerlessEndpoint(scope, "variable", {
          ...MINIMAL,
          modelName: "m2",
          endpointConfigurationName: "c2",
          endpointName: "e2",
          additionalTags: Token.asStringMap(tags.value),
          nameTag: true,
          managedByTag: false,
        });
        new ServerlessEndpoint(scope, "untagged", {
          ...MINIMAL,
          modelName: "m3",
          endpointConfigurationName: "c3",
          endpointName: "e3",
          nameTag: true,
          managedByTag: false,
        });
      }),
    );
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
      new ServerlessEndpoint(scope, "ep", { ...MINIMAL, dependsOn: [wait] });
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

  it("puts its resources directly below it: model, endpoint-configuration, endpoint", () => {
    const stack = new ProjectStack(Testing.app(), "s");
    const endpoint = new ServerlessEndpoint(stack, "embedding", MINIMAL);
    expect(endpoint.node.children.map((child) => child.node.id)).toEqual([
      "model",
      "model-content",
      "endpoint-configuration",
      "endpoint-configuration-content",
      "endpoint",
    ]);
    // Testing.synth, not synthStack: the literal role ARN of these props is a policy error in a ProjectStack.
    const json = JSON.parse(Testing.synth(stack)) as Parameters<typeof addresses>[0];
    expect(addresses(json).filter((address) => address.startsWith("aws_sagemaker"))).toEqual([
      "aws_sagemaker_endpoint.embedding_endpoint",
      "aws_sagemaker_endpoint_configuration.embedding_endpoint_configuration",
      "aws_sagemaker_model.embedding_model",
    ]);
  });

  it("acknowledges, on its model, that a serverless endpoint cannot isolate it", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const endpoint = new ServerlessEndpoint(stack, "ep", MINIMAL);
    expect(acknowledgementFor(endpoint.model, "sagemaker-model-network-isolation")).toEqual({
      ruleId: "sagemaker-model-network-isolation",
      reason: SERVERLESS_NETWORK_ISOLATION_REASON,
      scope: endpoint.model,
    });
    expect(acknowledgementFor(endpoint.endpointConfiguration, "sagemaker-endpoint-kms")).toBe(
      undefined,
    );
  });

  it("lists every invalid prop in one error, under its own names", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new ServerlessEndpoint(stack, "ep", {
          ...MINIMAL,
          modelName: "bad_name",
          endpointConfigurationName: "-c",
          endpointName: "e".repeat(64),
          iamRoleArn: "my-role",
          variantName: "all traffic",
          container: {
            image: "has space",
            modelDataLocation: "s3://b/model.zip",
            environmentVariables: { "BAD-KEY": "v" },
          },
          memorySizeInMB: 3000,
          maxConcurrency: 201,
          provisionedConcurrency: 0,
          encryptionKeyArn: "alias/models",
          additionalTags: { "aws:team": "ml" },
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/ep' (13 problems):",
        '  - additionalTags.aws:team: got "aws:team"; allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:',
        `  - modelName: got "bad_name"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        '  - iamRoleArn: got "my-role"; allowed: an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>',
        `  - container.image: got "has space"; allowed: ${ECR_IMAGE_URI_WORDS}`,
        `  - container.environmentVariables.BAD-KEY: got "BAD-KEY"; allowed: an environment variable name of letters, digits and '_', not starting with a digit, at most 1024 characters`,
        '  - container.modelDataLocation: got "s3://b/model.zip"; allowed: an s3:// or https:// URL of at most 1024 characters pointing at a .tar.gz model artifact',
        `  - endpointName: got "${"e".repeat(64)}"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 64)`,
        `  - endpointConfigurationName: got "-c"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        '  - encryptionKeyArn: got "alias/models"; allowed: a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>, or an alias ARN, ...:alias/<alias name>',
        "  - memorySizeInMB: got 3000; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
        "  - maxConcurrency: got 201; allowed: a whole number from 1 to 200",
        "  - provisionedConcurrency: got 0; allowed: a whole number from 1 to 200",
        `  - variantName: got "all traffic"; allowed: ${SAGEMAKER_NAME_WORDS}`,
      ].join("\n"),
    );
  });

  it("keeps provisioned concurrency at or below the maximum, and refuses what serverless endpoints exclude", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new ServerlessEndpoint(stack, "ep", {
          ...MINIMAL,
          container: { image: `${IMAGE.split(":")[0]}:1.2-1-gpu-py3` },
          maxConcurrency: 5,
          provisionedConcurrency: 6,
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/ep' (2 problems):",
        `  - container.image: got "${IMAGE.split(":")[0]}:1.2-1-gpu-py3"; allowed: a CPU image, for a model a serverless endpoint serves (serverless endpoints exclude GPUs; endpoint "e" serves it)`,
        "  - provisionedConcurrency: got 6; allowed: at most maxConcurrency (5)",
      ].join("\n"),
    );
  });

  it("counts the tags each resource ends up with", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const fortyNine = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`t${i}`, "v"]));
    expect(
      () => new ServerlessEndpoint(stack, "ep", { ...MINIMAL, additionalTags: fortyNine }),
    ).not.toThrow();
    expect(
      () =>
        new ServerlessEndpoint(stack, "named", {
          ...MINIMAL,
          additionalTags: fortyNine,
          nameTag: true,
        }),
    ).toThrowError(
      "Invalid configuration for 's/named' (1 problem):\n" +
        '  - additionalTags: got "51 tags"; allowed: at most 50 tags per resource, counting all the tags it gets',
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
          container: { image: IMAGE, environmentVariables: { MODEL: name.stringValue } },
        }),
    ).not.toThrow();
  });
});

describe("ServerlessEndpoint deployment guardrails", () => {
  it("passes blue/green (all at once) and rollback alarms by name to the endpoint", () => {
    const json = synthScope((scope) => {
      new ServerlessEndpoint(scope, "ep", {
        ...MINIMAL,
        variantName: "AllTraffic",
        blueGreen: { terminationWait: "5 minutes", maximumExecutionTimeout: "30 minutes" },
        autoRollback: { alarmNames: ["embedding-errors"] },
      });
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint").attributes).toMatchObject({
      deployment_config: {
        auto_rollback_configuration: { alarms: [{ alarm_name: "embedding-errors" }] },
        blue_green_update_policy: {
          maximum_execution_timeout_in_seconds: 1800,
          termination_wait_in_seconds: 300,
          traffic_routing_configuration: { type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 },
        },
      },
      lifecycle: { ignore_changes: ["deployment_config[0].auto_rollback_configuration"] },
    });
  });

  it("refuses blue/green without a variant name and a canary, naming its own props", () => {
    expect(
      () =>
        new ServerlessEndpoint(new TerraformStack(Testing.app(), "s"), "ep", {
          ...MINIMAL,
          blueGreen: {
            trafficRouting: {
              type: "CANARY",
              canarySize: { capacityPercent: 10 },
              waitInterval: "5 minutes",
            },
          },
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/ep' (2 problems):",
        "  - variantName: got null; allowed: a variant name (blue/green and rolling deployments need the new endpoint configuration to keep the variant's name; without one the AWS provider makes up a new name for each configuration)",
        `  - blueGreen.trafficRouting.type: got "CANARY"; allowed: type "ALL_AT_ONCE" on a serverless endpoint (canary and linear sizes are shares of a variant's instances; SageMaker's guardrails apply to real-time and asynchronous endpoints on instances)`,
      ].join("\n"),
    );
  });
});

describe("ServerlessEndpoint: settings its props do not have", () => {
  it("are refused under its own names, in the one error with the container's and the guardrails'", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      thrownMessage(
        () =>
          new ServerlessEndpoint(
            stack,
            "ep",
            untyped({
              ...MINIMAL,
              variantName: "AllTraffic",
              memorySizeInMb: 2048,
              instanceType: "ml.m5.large",
              container: { image: IMAGE, environment: { MODEL: "m" } },
              blueGreen: { terminationWaitTime: "5 minutes" },
            }),
          ),
      ),
    ).toBe(
      [
        "Invalid configuration for 's/ep' (4 problems):",
        '  - memorySizeInMb: got 2048; allowed: no such setting; did you mean "memorySizeInMB"?',
        `  - instanceType: got "ml.m5.large"; allowed: no instance type: a setting of a provisioned endpoint's variants, on instances (a serverless variant has memorySizeInMB and maxConcurrency)`,
        '  - container.environment: got {"MODEL":"m"}; allowed: no such setting; did you mean "environmentVariables"?',
        '  - blueGreen.terminationWaitTime: got "5 minutes"; allowed: no such setting; did you mean "terminationWait"?',
      ].join("\n"),
    );
  });

  it("point its settings from before the engine's names to where they are now", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      thrownMessage(
        () =>
          new ServerlessEndpoint(
            stack,
            "ep",
            untyped({
              ...MINIMAL,
              image: IMAGE,
              modelDataUrl: "s3://models/m.tar.gz",
              environment: { MODEL: "m" },
              executionRoleArn: "arn:aws:iam::111122223333:role/inference",
            }),
          ),
      ),
    ).toBe(
      [
        "Invalid configuration for 's/ep' (4 problems):",
        `  - image: got "${IMAGE}"; allowed: no such setting; did you mean "container.image"?`,
        '  - modelDataUrl: got "s3://models/m.tar.gz"; allowed: no such setting; did you mean "container.modelDataLocation"?',
        '  - environment: got {"MODEL":"m"}; allowed: no such setting; did you mean "container.environmentVariables"?',
        '  - executionRoleArn: got "arn:aws:iam::111122223333:role/inference"; allowed: no such setting; did you mean "iamRoleArn"?',
      ].join("\n"),
    );
  });
});
