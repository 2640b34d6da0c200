/**
 * Scaling and alarm settings taken from Terraform variables: capacities, the target value, the threshold,
 * evaluation periods and datapoints are passed through for Terraform (its variable validations) to check.
 */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { onlyResource } from "../../helpers/synth";
import { model, synthInference } from "./fixtures";

describe("SagemakerInference with scaling and alarm settings known only at apply time", () => {
  const { json } = synthInference((stack) => {
    const number = (name: string) =>
      new TerraformVariable(stack, name, { type: "number" }).numberValue;
    const text = (name: string) =>
      new TerraformVariable(stack, name, { type: "number" }).stringValue;
    return {
      managedByTag: false,
      models: { m: model() },
      endpoints: {
        e: {
          provisioned: {
            productionVariants: {
              m: {
                instanceType: "ml.m5.large",
                autoScaling: {
                  minimumCapacity: number("min"),
                  maximumCapacity: number("max"),
                  policies: {
                    p: { expression: `SageMakerVariantInvocationsPerInstance = ${text("target")}` },
                  },
                },
                cloudwatchAlarms: {
                  a: {
                    expression: `ModelLatency average > ${text("threshold")}`,
                    evaluationPeriods: number("periods"),
                    datapointsToAlarm: number("datapoints"),
                  },
                },
              },
            },
          },
        },
      },
    };
  });

  it("writes the variables into the target, the policy and the alarm", () => {
    expect(onlyResource(json, "aws_appautoscaling_target").attributes).toMatchObject({
      min_capacity: "${var.min}",
      max_capacity: "${var.max}",
    });
    expect(
      onlyResource(json, "aws_appautoscaling_policy").attributes
        .target_tracking_scaling_policy_configuration,
    ).toMatchObject({ target_value: "${var.target}" });
    expect(onlyResource(json, "aws_cloudwatch_metric_alarm").attributes).toMatchObject({
      threshold: "${var.threshold}",
      evaluation_periods: "${var.periods}",
      datapoints_to_alarm: "${var.datapoints}",
    });
  });
});
