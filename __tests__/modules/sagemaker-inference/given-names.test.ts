/**
 * `name` on models and endpoints: names that differ from the keys, e.g. built from Terraform variables, while the
 * keys stay the literal construct ids.
 */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { SAGEMAKER_NAME_WORDS } from "../../helpers/allowed";
import { onlyResource } from "../../helpers/synth";
import { expectProblems, model, synthInference } from "./fixtures";

const PREFIX = "${var.prefix}";

describe("SagemakerInference names given apart from the keys", () => {
  const { json, inference } = synthInference((stack) => {
    const prefix = new TerraformVariable(stack, "prefix", { type: "string" }).stringValue;
    return {
      managedByTag: false,
      models: { ml: model({ name: `${prefix}-model` }) },
      endpoints: {
        live: {
          name: `${prefix}-endpoint`,
          provisioned: {
            productionVariants: {
              ml: {
                instanceType: "ml.m5.large",
                variantName: "primary",
                autoScaling: {
                  policies: { invocations: { expression: "Invocations sum = 100" } },
                },
                cloudwatchAlarms: { errors: { expression: "Invocation5XXErrors sum > 0" } },
              },
            },
          },
        },
      },
    };
  });

  it("names the model and the endpoint by their names; the configuration keeps the endpoint's key", () => {
    expect(onlyResource(json, "aws_sagemaker_model").attributes.name).toBe(`${PREFIX}-model`);
    expect(onlyResource(json, "aws_sagemaker_endpoint").attributes.name).toBe(`${PREFIX}-endpoint`);
    const configuration = onlyResource(json, "aws_sagemaker_endpoint_configuration").attributes;
    expect(configuration.name).toBe("live");
    expect(configuration.production_variants).toEqual([
      expect.objectContaining({
        model_name: `\${aws_sagemaker_model.${onlyResource(json, "aws_sagemaker_model").name}.name}`,
        variant_name: "primary",
      }),
    ]);
  });

  it("scales, watches and names policies and alarms by the endpoint's name", () => {
    expect(onlyResource(json, "aws_appautoscaling_target").attributes.resource_id).toBe(
      `endpoint/${PREFIX}-endpoint/variant/primary`,
    );
    const policy = onlyResource(json, "aws_appautoscaling_policy").attributes;
    expect(policy.name).toBe(`${PREFIX}-endpoint/primary/invocations`);
    expect(policy.target_tracking_scaling_policy_configuration).toMatchObject({
      customized_metric_specification: {
        dimensions: [
          { name: "EndpointName", value: `${PREFIX}-endpoint` },
          { name: "VariantName", value: "primary" },
        ],
      },
    });
    const alarm = onlyResource(json, "aws_cloudwatch_metric_alarm").attributes;
    expect(alarm.alarm_name).toBe(`${PREFIX}-endpoint/primary/errors`);
    expect(alarm.dimensions).toEqual({
      EndpointName: `${PREFIX}-endpoint`,
      VariantName: "primary",
    });
  });

  it("keeps the keys for construct ids and accessors", () => {
    expect(Object.keys(inference.models)).toEqual(["ml"]);
    expect(inference.endpoints.live?.node.id).toBe("endpoint_live");
    expect(inference.models.ml?.node.id).toBe("model_ml");
    expect(Object.keys(inference.alarms)).toEqual(["live/ml/errors"]);
  });
});

describe("SagemakerInference validation of given names", () => {
  it("checks given names like keys, and that no two models or endpoints share one", () => {
    expectProblems(
      {
        models: {
          a: model({ name: "shared" }),
          shared: model(),
          c: model({ name: "bad_name" }),
        },
        endpoints: {
          one: {
            name: "live",
            provisioned: { productionVariants: { a: { instanceType: "ml.m5.large" } } },
          },
          two: {
            name: "live",
            provisioned: { productionVariants: { a: { instanceType: "ml.m5.large" } } },
          },
          three: {
            name: "-x",
            provisioned: { productionVariants: { a: { instanceType: "ml.m5.large" } } },
          },
        },
      },
      [
        'models.shared: got "shared"; allowed: a model name no other model uses (models.a.name has it too)',
        `models.c.name: got "bad_name"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        'endpoints.two.name: got "live"; allowed: an endpoint name no other endpoint uses (endpoints.one.name has it too)',
        `endpoints.three.name: got "-x"; allowed: ${SAGEMAKER_NAME_WORDS}`,
      ],
    );
  });
});
