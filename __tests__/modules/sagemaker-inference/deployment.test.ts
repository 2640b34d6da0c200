/**
 * Deployment guardrails: the exact `deployment_config` each policy writes on the endpoint, the rollback alarms named
 * by reference (so Terraform creates them first), and values known only at apply passed through.
 */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import type {
  EndpointProps,
  ProductionVariantProps,
  SagemakerInferenceProps,
} from "../../../modules/sagemaker-inference/props";
import { resourcesOf } from "../../helpers/synth";
import { model, synthInference } from "./fixtures";

const ERRORS = { expression: "Invocation5XXErrors average >= 1" } as const;
const LATENCY = { expression: "ModelLatency average > 500000" } as const;

/** One variant of four ml.m5.large instances, with two alarms. */
const VARIANT: ProductionVariantProps = {
  instanceType: "ml.m5.large",
  initialInstanceCount: 4,
  cloudwatchAlarms: { errors: ERRORS, latency: LATENCY },
};

function withEndpoint(endpoint: EndpointProps): SagemakerInferenceProps {
  return { models: { a: model(), b: model() }, endpoints: { live: endpoint } };
}

/** The endpoint's `deployment_config`, as synthesized (undefined when it has none). */
function deploymentConfigOf(props: SagemakerInferenceProps): unknown {
  const { json } = synthInference(props);
  const endpoints = Object.values(resourcesOf(json, "aws_sagemaker_endpoint"));
  expect(endpoints).toHaveLength(1);
  return endpoints[0]!.deployment_config;
}

describe("SagemakerInference deployment guardrails", () => {
  it("writes no deployment_config without guardrails", () => {
    expect(
      deploymentConfigOf(withEndpoint({ provisioned: { productionVariants: { a: VARIANT } } })),
    ).toBeUndefined();
  });

  it("writes SageMaker's all-at-once blue/green for blueGreen: {}", () => {
    expect(
      deploymentConfigOf(
        withEndpoint({ provisioned: { productionVariants: { a: VARIANT } }, blueGreen: {} }),
      ),
    ).toEqual({
      blue_green_update_policy: {
        termination_wait_in_seconds: 0,
        traffic_routing_configuration: { type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 },
      },
    });
  });

  it("writes a canary of instances, its baking period, termination wait, timeout and rollback alarms", () => {
    expect(
      deploymentConfigOf(
        withEndpoint({
          provisioned: { productionVariants: { a: VARIANT } },
          blueGreen: {
            trafficRouting: {
              type: "CANARY",
              canarySize: { instanceCount: 1 },
              waitInterval: "10 minutes",
            },
            terminationWait: "5 minutes",
            maximumExecutionTimeout: "1 hour",
          },
          autoRollback: { cloudwatchAlarms: ["errors", "a/latency"], alarmNames: ["team-slo"] },
        }),
      ),
    ).toEqual({
      auto_rollback_configuration: {
        alarms: [
          {
            alarm_name:
              "${aws_cloudwatch_metric_alarm.inference_alarm_live_a_errors_D080B386.alarm_name}",
          },
          {
            alarm_name:
              "${aws_cloudwatch_metric_alarm.inference_alarm_live_a_latency_8B00B57F.alarm_name}",
          },
          { alarm_name: "team-slo" },
        ],
      },
      blue_green_update_policy: {
        maximum_execution_timeout_in_seconds: 3600,
        termination_wait_in_seconds: 300,
        traffic_routing_configuration: {
          canary_size: { type: "INSTANCE_COUNT", value: 1 },
          type: "CANARY",
          wait_interval_in_seconds: 600,
        },
      },
    });
  });

  it("writes linear steps as a capacity percentage", () => {
    expect(
      deploymentConfigOf(
        withEndpoint({
          provisioned: { productionVariants: { a: VARIANT } },
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { capacityPercent: 25 },
              waitInterval: "5 minutes",
            },
          },
          autoRollback: { alarmNames: ["team-slo"] },
        }),
      ),
    ).toEqual({
      auto_rollback_configuration: { alarms: [{ alarm_name: "team-slo" }] },
      blue_green_update_policy: {
        termination_wait_in_seconds: 0,
        traffic_routing_configuration: {
          linear_step_size: { type: "CAPACITY_PERCENT", value: 25 },
          type: "LINEAR",
          wait_interval_in_seconds: 300,
        },
      },
    });
  });

  it("writes a rolling update with its rollback batches", () => {
    expect(
      deploymentConfigOf(
        withEndpoint({
          provisioned: { productionVariants: { a: VARIANT } },
          rollingUpdate: {
            maximumBatchSize: { instanceCount: 2 },
            waitInterval: "2 minutes",
            rollbackMaximumBatchSize: { capacityPercent: 100 },
            maximumExecutionTimeout: "30 minutes",
          },
          autoRollback: { cloudwatchAlarms: ["errors"] },
        }),
      ),
    ).toEqual({
      auto_rollback_configuration: {
        alarms: [
          {
            alarm_name:
              "${aws_cloudwatch_metric_alarm.inference_alarm_live_a_errors_D080B386.alarm_name}",
          },
        ],
      },
      rolling_update_policy: {
        maximum_batch_size: { type: "INSTANCE_COUNT", value: 2 },
        maximum_execution_timeout_in_seconds: 1800,
        rollback_maximum_batch_size: { type: "CAPACITY_PERCENT", value: 100 },
        wait_interval_in_seconds: 120,
      },
    });
  });

  it("names an alarm by variant where two variants have alarms of that key", () => {
    expect(
      deploymentConfigOf(
        withEndpoint({
          provisioned: {
            productionVariants: {
              a: { ...VARIANT, initialWeight: 0.9 },
              b: { ...VARIANT, initialWeight: 0.1 },
            },
          },
          blueGreen: {
            trafficRouting: {
              type: "CANARY",
              canarySize: { capacityPercent: 10 },
              waitInterval: "15 minutes",
            },
          },
          autoRollback: { cloudwatchAlarms: ["b/errors", "a/errors"] },
        }),
      ),
    ).toEqual({
      auto_rollback_configuration: {
        alarms: [
          {
            alarm_name:
              "${aws_cloudwatch_metric_alarm.inference_alarm_live_b_errors_51E3D312.alarm_name}",
          },
          {
            alarm_name:
              "${aws_cloudwatch_metric_alarm.inference_alarm_live_a_errors_D080B386.alarm_name}",
          },
        ],
      },
      blue_green_update_policy: {
        termination_wait_in_seconds: 0,
        traffic_routing_configuration: {
          canary_size: { type: "CAPACITY_PERCENT", value: 10 },
          type: "CANARY",
          wait_interval_in_seconds: 900,
        },
      },
    });
  });

  it("gives a serverless endpoint all-at-once blue/green with rollback alarms", () => {
    expect(
      deploymentConfigOf(
        withEndpoint({
          serverless: { variant: { modelName: "a" } },
          blueGreen: { terminationWait: "10 minutes", maximumExecutionTimeout: "30 minutes" },
          autoRollback: { alarmNames: ["embedding-errors"] },
        }),
      ),
    ).toEqual({
      auto_rollback_configuration: { alarms: [{ alarm_name: "embedding-errors" }] },
      blue_green_update_policy: {
        maximum_execution_timeout_in_seconds: 1800,
        termination_wait_in_seconds: 600,
        traffic_routing_configuration: { type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 },
      },
    });
  });

  it("passes values known only at apply to Terraform: sizes and alarm names", () => {
    const { json } = synthInference((stack) => {
      const percent = new TerraformVariable(stack, "canary_percent", { type: "number" });
      const alarm = new TerraformVariable(stack, "slo_alarm", { type: "string" });
      return withEndpoint({
        provisioned: { productionVariants: { a: VARIANT } },
        blueGreen: {
          trafficRouting: {
            type: "CANARY",
            canarySize: { capacityPercent: percent.numberValue },
            waitInterval: "10 minutes",
          },
        },
        autoRollback: { alarmNames: [alarm.stringValue] },
      });
    });
    expect(
      Object.values(resourcesOf(json, "aws_sagemaker_endpoint"))[0]!.deployment_config,
    ).toEqual({
      auto_rollback_configuration: { alarms: [{ alarm_name: "${var.slo_alarm}" }] },
      blue_green_update_policy: {
        termination_wait_in_seconds: 0,
        traffic_routing_configuration: {
          canary_size: { type: "CAPACITY_PERCENT", value: "${var.canary_percent}" },
          type: "CANARY",
          wait_interval_in_seconds: 600,
        },
      },
    });
  });

  it("keeps the alarm the endpoint refers to as it was, named after the endpoint and the variant", () => {
    const { json } = synthInference(
      withEndpoint({
        provisioned: { productionVariants: { a: VARIANT } },
        blueGreen: {},
        autoRollback: { cloudwatchAlarms: ["errors"] },
      }),
    );
    expect(
      resourcesOf(json, "aws_cloudwatch_metric_alarm").inference_alarm_live_a_errors_D080B386!
        .alarm_name,
    ).toBe("live/a/errors");
  });
});
