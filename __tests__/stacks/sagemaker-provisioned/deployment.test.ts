/**
 * How a changed model or configuration reaches the endpoint (stacks/sagemaker-provisioned/deployment.ts): the
 * default canary with rollback on the two error alarms (its single-instance fallback is planned in
 * __tests__/terraform/cases/sagemaker-provisioned.ts), the typed props that choose another deployment or none, what
 * monitoring off means, and the props the types exclude.
 */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  SagemakerProvisionedStack,
  type SagemakerProvisionedStackProps,
} from "../../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import type { SynthesizedStack } from "../../helpers/synth";
import { defaultProvisioned, synthProvisioned } from "./expected";

const endpointOf = (json: SynthesizedStack) =>
  json.resource!.aws_sagemaker_endpoint!.ml_endpoint as Record<string, unknown>;
const statementsOf = (json: SynthesizedStack) =>
  json.data!.aws_iam_policy_document!.sagemaker_execution_policy!.statement as {
    sid: string;
  }[];

const ROLLBACK_ALARMS = {
  alarms: [
    { alarm_name: "${aws_cloudwatch_metric_alarm.endpoint_invocation_errors.alarm_name}" },
    { alarm_name: "${aws_cloudwatch_metric_alarm.endpoint_model_errors.alarm_name}" },
  ],
};
const IGNORED_ALARMS = ["deployment_config[0].auto_rollback_configuration"];

function errorOf(props: SagemakerProvisionedStackProps): string | undefined {
  try {
    new SagemakerProvisionedStack(Testing.app(), "sagemaker-provisioned", props);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("sagemaker-provisioned deployments", () => {
  it("by default: a canary, rolled back by the 4XX and 5XX alarms, which the execution role may describe", () => {
    const json = defaultProvisioned();
    const endpoint = endpointOf(json);
    expect(endpoint.deployment_config).toMatchObject({
      auto_rollback_configuration: ROLLBACK_ALARMS,
      blue_green_update_policy: {
        maximum_execution_timeout_in_seconds: 3600,
        termination_wait_in_seconds: 600,
      },
    });
    expect((endpoint.lifecycle as { ignore_changes: unknown }).ignore_changes).toEqual(
      IGNORED_ALARMS,
    );
    expect(statementsOf(json).at(-1)).toEqual({
      sid: "RollbackAlarms",
      effect: "Allow",
      actions: ["cloudwatch:DescribeAlarms"],
      resources: [
        "arn:${data.aws_partition.current.partition}:cloudwatch:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:alarm:${local.name_prefix}-endpoint-invocation-errors",
        "arn:${data.aws_partition.current.partition}:cloudwatch:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:alarm:${local.name_prefix}-endpoint-model-errors",
      ],
    });
  });

  it("linear, as given, with the alarms", () => {
    const { json } = synthProvisioned({
      blueGreen: {
        trafficRouting: {
          type: "LINEAR",
          linearStepSize: { capacityPercent: 50 },
          waitInterval: "5 minutes",
        },
      },
    });
    expect(endpointOf(json).deployment_config).toEqual({
      auto_rollback_configuration: ROLLBACK_ALARMS,
      blue_green_update_policy: {
        termination_wait_in_seconds: 0,
        traffic_routing_configuration: {
          type: "LINEAR",
          linear_step_size: { type: "CAPACITY_PERCENT", value: 50 },
          wait_interval_in_seconds: 300,
        },
      },
    });
  });

  it("all at once, without rollback alarms when asked: no alarm permission either", () => {
    const { json } = synthProvisioned({
      blueGreen: { terminationWait: "15 minutes" },
      rollbackOnErrorAlarms: false,
    });
    expect(endpointOf(json).deployment_config).toEqual({
      blue_green_update_policy: {
        termination_wait_in_seconds: 900,
        traffic_routing_configuration: { type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 },
      },
    });
    expect(statementsOf(json).map((statement) => statement.sid)).not.toContain("RollbackAlarms");
  });

  it('"none": SageMaker\'s own update, no deployment_config, no lifecycle of its own', () => {
    const { json } = synthProvisioned({ blueGreen: "none" });
    const endpoint = endpointOf(json);
    expect(endpoint).not.toHaveProperty("deployment_config");
    expect(Object.keys(endpoint.lifecycle as object)).toEqual(["precondition"]);
    expect(statementsOf(json).map((statement) => statement.sid)).not.toContain("RollbackAlarms");
  });

  it("with monitoring off: the canary without rollback (there are no alarms to watch)", () => {
    const { json } = synthProvisioned({ enableEndpointMonitoring: false });
    const config = endpointOf(json).deployment_config as Record<string, unknown>;
    expect(Object.keys(config)).toEqual(["blue_green_update_policy"]);
    expect(statementsOf(json).map((statement) => statement.sid)).not.toContain("RollbackAlarms");
  });

  it("refuses rollback on alarms that monitoring off does not create, or without a blue/green deployment", () => {
    expect(errorOf({ enableEndpointMonitoring: false, rollbackOnErrorAlarms: true })).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned' (1 problem):",
        "  - rollbackOnErrorAlarms: got true; allowed: false with enableEndpointMonitoring: false (the error alarms that would roll back are not created)",
      ].join("\n"),
    );
    expect(errorOf({ blueGreen: "none", rollbackOnErrorAlarms: true })).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned' (1 problem):",
        '  - rollbackOnErrorAlarms: got true; allowed: false with blueGreen: "none" (only a blue/green deployment rolls back on alarms)',
      ].join("\n"),
    );
  });

  it("refuses what the types exclude", () => {
    expect(
      errorOf({
        blueGreen: "canary" as unknown as "none",
        rollbackOnErrorAlarms: "yes" as unknown as boolean,
      }),
    ).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned' (2 problems):",
        '  - blueGreen: got "canary"; allowed: a blue/green deployment ({ trafficRouting, ... }) or "none"',
        '  - rollbackOnErrorAlarms: got "yes"; allowed: true or false',
      ].join("\n"),
    );
  });

  it("leaves a deployment's limits to SagemakerInference, which names its own fields", () => {
    expect(
      errorOf({
        blueGreen: {
          trafficRouting: {
            type: "CANARY",
            canarySize: { capacityPercent: 60 },
            waitInterval: "1 hour",
          },
        },
      }),
    ).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned/inference' (2 problems):",
        "  - endpoints.ml-endpoint.blueGreen.trafficRouting.canarySize.capacityPercent: got 60; allowed: a whole percentage from 1 to 50 (at most 50% of each variant's instances)",
        '  - endpoints.ml-endpoint.blueGreen: got "1 hour of baking (the waitInterval between the shifts)"; allowed: baking periods adding up to less than "1 hour": the AWS provider stops waiting for the endpoint after 60 minutes (aws_sagemaker_endpoint, not configurable) and fails the apply while SageMaker carries on',
      ].join("\n"),
    );
  });
});
