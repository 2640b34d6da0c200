/**
 * The engine's options beyond the module that ServerlessEndpoint and the original Terraform need: Name tags, a model
 * that waits for other resources, a serverless variant without a name; and the one resolution that the checks and
 * the builders both read.
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { TerraformVariable, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { resolveInference } from "../../../modules/sagemaker-inference/engine";
import { onlyResource, resourcesOf } from "../../helpers/synth";
import { BASIC_USAGE, expectProblems, IMAGE, model, ROLE_ARN, synthInference } from "./fixtures";

describe("SagemakerInference nameTag", () => {
  const { json } = synthInference((stack) => ({
    nameTag: true,
    managedByTag: false,
    additionalTagsAll: Token.asStringMap(
      new TerraformVariable(stack, "tags", { type: "map(string)" }).value,
    ),
    models: { m: model({ name: "churn-model", additionalTags: { Name: "lost" } }) },
    endpoints: {
      e: {
        name: "churn",
        provisioned: {
          productionVariants: {
            m: {
              instanceType: "ml.m5.large",
              autoScaling: { policies: { p: { expression: "Invocations sum = 100" } } },
              cloudwatchAlarms: { a: { expression: "Invocations sum > 1" } },
            },
          },
        },
      },
    },
  }));

  it("tags every resource that has a name with Name = that name, over all its other tags", () => {
    expect(onlyResource(json, "aws_sagemaker_model").attributes.tags).toBe(
      '${merge({"Name" = "lost"}, var.tags, {"Name" = "churn-model"})}',
    );
    expect(onlyResource(json, "aws_sagemaker_endpoint_configuration").attributes.tags).toBe(
      '${merge(var.tags, {"Name" = "e"})}',
    );
    expect(onlyResource(json, "aws_sagemaker_endpoint").attributes.tags).toBe(
      '${merge(var.tags, {"Name" = "churn"})}',
    );
    expect(onlyResource(json, "aws_cloudwatch_metric_alarm").attributes.tags).toBe(
      '${merge(var.tags, {"Name" = "churn/m/a"})}',
    );
  });

  it("leaves the scalable target, which has no name, with the other tags", () => {
    expect(onlyResource(json, "aws_appautoscaling_target").attributes.tags).toBe("${var.tags}");
  });
});

describe("SagemakerInference models that wait", () => {
  it("writes depends_on on the model", () => {
    const { json } = synthInference((stack) => {
      const role = new IamRole(stack, "role", { name: "r", assumeRolePolicy: "{}" });
      role.overrideLogicalId("role");
      return { models: { m: model({ dependsOn: [role] }) } };
    });
    expect(onlyResource(json, "aws_sagemaker_model").attributes.depends_on).toEqual([
      "aws_iam_role.role",
    ]);
  });
});

describe("SagemakerInference serverless variant without a name", () => {
  it("leaves variant_name out with variantName null, for the AWS provider to make one up", () => {
    const { json } = synthInference({
      models: { m: model() },
      endpoints: { e: { serverless: { variant: { modelName: "m", variantName: null } } } },
    });
    expect(
      Object.values(resourcesOf(json, "aws_sagemaker_endpoint_configuration"))[0]!
        .production_variants,
    ).toEqual([
      {
        model_name: expect.stringMatching(/^\$\{aws_sagemaker_model\..+\.name\}$/),
        serverless_config: { max_concurrency: 20, memory_size_in_mb: 1024 },
      },
    ]);
  });

  it("refuses auto scaling of a variant that has no name to scale it by", () => {
    expectProblems(
      {
        models: { m: model() },
        endpoints: {
          e: {
            serverless: {
              variant: {
                modelName: "m",
                variantName: null,
                provisionedConcurrency: 2,
                autoScaling: {
                  policies: {
                    p: { expression: "SageMakerVariantProvisionedConcurrencyUtilization = 0.5" },
                  },
                },
              },
            },
          },
        },
      },
      [
        "endpoints.e.serverless.variant.variantName: got null; allowed: a variant name for autoScaling, which scales the variant by its name",
      ],
    );
  });
});

describe("resolveInference", () => {
  it("works out every default once, for the checks and the builders", () => {
    const resolved = resolveInference({
      ...BASIC_USAGE,
      models: {
        ...BASIC_USAGE.models,
        small: {
          iamRoleArn: ROLE_ARN,
          name: "small-model",
          containerDefinitions: { only: { image: IMAGE } },
        },
      },
      endpoints: {
        ...BASIC_USAGE.endpoints,
        serverless: {
          name: "serverless-endpoint",
          serverless: { variant: { modelName: "small", provisionedConcurrency: 2 } },
        },
      },
    });
    expect(resolved.models.map(({ key, field, name }) => ({ key, field, name }))).toEqual([
      { key: "demo-model", field: "models.demo-model", name: "demo-model" },
      { key: "small", field: "models.small", name: "small-model" },
    ]);

    const [realtime, serverless] = resolved.endpoints;
    expect([realtime!.name, realtime!.configurationName]).toEqual([
      "realtime-endpoint",
      "realtime-endpoint",
    ]);
    const variant = realtime!.provisioned!.productionVariants[0]!;
    expect({
      name: variant.name,
      initialInstanceCount: variant.initialInstanceCount,
      initialWeight: variant.initialWeight,
      minimumCapacity: variant.autoScaling!.minimumCapacity,
      maximumCapacity: variant.autoScaling!.maximumCapacity,
    }).toEqual({
      name: "demo-model",
      initialInstanceCount: 1,
      initialWeight: 1,
      minimumCapacity: 1,
      maximumCapacity: 1,
    });
    expect(
      variant.autoScaling!.policies.map(({ name, expression, scaleInCooldown }) => ({
        name,
        parsed: expression.ok,
        scaleInCooldown: scaleInCooldown.seconds,
      })),
    ).toEqual([
      { name: "realtime-endpoint/demo-model/builtin-policy", parsed: true, scaleInCooldown: 300 },
      {
        name: "realtime-endpoint/demo-model/keep-invocations-near-100",
        parsed: true,
        scaleInCooldown: 300,
      },
    ]);
    expect(
      variant.alarms.map(({ name, period, evaluationPeriods }) => [
        name,
        period.seconds,
        evaluationPeriods,
      ]),
    ).toEqual([
      ["realtime-endpoint/demo-model/invocations-greater-than-1000", 60, 1],
      ["realtime-endpoint/demo-model/invocation-5xx-errors-greater-than-10", 60, 1],
    ]);

    const small = serverless!.serverless!;
    expect({
      field: small.field,
      name: small.name,
      memorySizeInMB: small.memorySizeInMB,
      maxConcurrency: small.maxConcurrency,
    }).toEqual({
      field: "endpoints.serverless.serverless.variant",
      name: "small",
      memorySizeInMB: 1024,
      maxConcurrency: 20,
    });
  });
});
