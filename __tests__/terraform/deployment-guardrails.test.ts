/**
 * Terraform accepts the deployment guardrails: a stack with each policy kind (blue/green all at once, canary, linear,
 * rolling, a serverless endpoint) passes the offline `terraform init`, as JSON and as the HCL `ProjectStack` writes,
 * and its stand-in plans, with the rollback
 * alarms' references followed to their names. The limits' Terraform conditions evaluate as their rules do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformLocal, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { CANARY_SIZE, DEPLOYMENT_TIMEOUT } from "../../modules/core/limits/deployment";
import { ALARM_NAME } from "../../modules/core/limits/cloudwatch";
import { stackHcl } from "../../modules/core/hcl/stack-hcl";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import type { TerraformConfiguration } from "../../scripts/terraform/stand-in";
import { StandInWorkspace } from "../../scripts/terraform/stand-in-plans";
import { TerraformConsole } from "./terraform-console";

const ROLE = "arn:aws:iam::111122223333:role/sagemaker-execution";
const IMAGE = "763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310";
const MODEL = {
  iamRoleArn: ROLE,
  containerDefinitions: {
    main: { image: IMAGE, modelDataLocation: "s3://models-bucket/model.tar.gz" },
  },
};
const ERRORS = { errors: { expression: "Invocation5XXErrors average >= 1" } };

/** A stack with one endpoint per policy kind. */
function guardedStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, "guardrails");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const variant = (instances: number) => ({
    instanceType: "ml.m5.large",
    initialInstanceCount: instances,
    cloudwatchAlarms: ERRORS,
  });
  new SagemakerInference(stack, "inference", {
    models: { model: MODEL },
    endpoints: {
      "all-at-once": {
        provisioned: { productionVariants: { model: variant(1) } },
        blueGreen: { terminationWait: "10 minutes", maximumExecutionTimeout: "30 minutes" },
        autoRollback: { cloudwatchAlarms: ["errors"] },
      },
      canary: {
        provisioned: { productionVariants: { model: variant(4) } },
        blueGreen: {
          trafficRouting: {
            type: "CANARY",
            canarySize: { instanceCount: 1 },
            waitInterval: "10 minutes",
          },
          terminationWait: "5 minutes",
          maximumExecutionTimeout: "1 hour",
        },
        autoRollback: { cloudwatchAlarms: ["model/errors"], alarmNames: ["team-slo"] },
      },
      linear: {
        provisioned: { productionVariants: { model: variant(4) } },
        blueGreen: {
          trafficRouting: {
            type: "LINEAR",
            linearStepSize: { capacityPercent: 25 },
            waitInterval: "5 minutes",
          },
        },
      },
      rolling: {
        provisioned: { productionVariants: { model: variant(10) } },
        rollingUpdate: {
          maximumBatchSize: { instanceCount: 2 },
          waitInterval: "3 minutes",
          rollbackMaximumBatchSize: { capacityPercent: 50 },
          maximumExecutionTimeout: "2 hours",
        },
        autoRollback: { cloudwatchAlarms: ["errors"] },
      },
      serverless: {
        serverless: { variant: { modelName: "model" } },
        blueGreen: { terminationWait: "5 minutes" },
        autoRollback: { alarmNames: ["serverless-errors"] },
      },
    },
  });
  return stack;
}

const terraform = new OfflineTerraform();
const stack = guardedStack();
const configuration = Testing.synth(stack);
const folder = mkdtempSync(join(tmpdir(), "deployment-guardrails-"));
mkdirSync(join(folder, "json"));
writeFileSync(join(folder, "json", "main.tf.json"), configuration);
mkdirSync(join(folder, "hcl"));
writeFileSync(
  join(folder, "hcl", "main.tf"),
  stackHcl(stack, stack.toTerraform() as Record<string, unknown>).hcl,
);
const workspace = new StandInWorkspace(
  terraform,
  "guardrails",
  JSON.parse(configuration) as TerraformConfiguration,
);

afterAll(() => {
  workspace.dispose();
  terraform.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe("deployment guardrails, as Terraform reads them", () => {
  it("pass terraform init offline, as JSON and as HCL: no error but the provider it cannot download", () => {
    expect(terraform.configurationProblems(join(folder, "json"))).toEqual([]);
    expect(terraform.configurationProblems(join(folder, "hcl"))).toEqual([]);
  });

  it("plan, each endpoint with its deployment_config and the rollback alarms by name", async () => {
    expect(await workspace.init()).toEqual([]);
    const plan = await workspace.plan();
    expect(plan.errors).toEqual([]);
    const deploymentConfigs = Object.fromEntries(
      plan.changes
        .filter((change) => change.address.startsWith("aws_sagemaker_endpoint."))
        .map((change) => {
          const attributes = change.attributes as { name: string; deployment_config: unknown };
          return [attributes.name, attributes.deployment_config];
        }),
    );
    expect(deploymentConfigs).toEqual({
      "all-at-once": [
        {
          auto_rollback_configuration: [{ alarms: [{ alarm_name: "all-at-once/model/errors" }] }],
          blue_green_update_policy: [
            {
              maximum_execution_timeout_in_seconds: 1800,
              termination_wait_in_seconds: 600,
              traffic_routing_configuration: [{ type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 }],
            },
          ],
        },
      ],
      canary: [
        {
          auto_rollback_configuration: [
            { alarms: [{ alarm_name: "canary/model/errors" }, { alarm_name: "team-slo" }] },
          ],
          blue_green_update_policy: [
            {
              maximum_execution_timeout_in_seconds: 3600,
              termination_wait_in_seconds: 300,
              traffic_routing_configuration: [
                {
                  canary_size: [{ type: "INSTANCE_COUNT", value: 1 }],
                  type: "CANARY",
                  wait_interval_in_seconds: 600,
                },
              ],
            },
          ],
        },
      ],
      linear: [
        {
          blue_green_update_policy: [
            {
              termination_wait_in_seconds: 0,
              traffic_routing_configuration: [
                {
                  linear_step_size: [{ type: "CAPACITY_PERCENT", value: 25 }],
                  type: "LINEAR",
                  wait_interval_in_seconds: 300,
                },
              ],
            },
          ],
        },
      ],
      rolling: [
        {
          auto_rollback_configuration: [{ alarms: [{ alarm_name: "rolling/model/errors" }] }],
          rolling_update_policy: [
            {
              maximum_batch_size: [{ type: "INSTANCE_COUNT", value: 2 }],
              maximum_execution_timeout_in_seconds: 7200,
              rollback_maximum_batch_size: [{ type: "CAPACITY_PERCENT", value: 50 }],
              wait_interval_in_seconds: 180,
            },
          ],
        },
      ],
      serverless: [
        {
          auto_rollback_configuration: [{ alarms: [{ alarm_name: "serverless-errors" }] }],
          blue_green_update_policy: [
            {
              termination_wait_in_seconds: 300,
              traffic_routing_configuration: [{ type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 }],
            },
          ],
        },
      ],
    });
  });
});

describe("the guardrail limits' Terraform conditions", () => {
  const evaluator = new TerraformConsole(
    Testing.synthScope((scope) => {
      const name = new TerraformVariable(scope, "name", { type: "string" });
      const number = new TerraformVariable(scope, "number", { type: "number" });
      new TerraformLocal(scope, "alarm_name", ALARM_NAME.condition(name.stringValue));
      new TerraformLocal(scope, "timeout", DEPLOYMENT_TIMEOUT.condition(number.numberValue));
      new TerraformLocal(scope, "canary", CANARY_SIZE.percent.condition(number.numberValue));
    }),
  );
  afterAll(() => evaluator.dispose());

  it("check an alarm name as the rule does: not blank, no control characters, at most 255", () => {
    const accepted = (name: string) => evaluator.evaluate("local.alarm_name", { name });
    expect(accepted("live/model/errors")).toEqual({ value: true });
    expect(accepted("   ")).toEqual({ value: false });
    expect(accepted("bell\u0007")).toEqual({ value: false });
    expect(accepted("x".repeat(255))).toEqual({ value: true });
    expect(accepted("x".repeat(256))).toEqual({ value: false });
  });

  it("check a timeout and a canary percentage as the rules do", () => {
    const evaluate = (local: string, number: number) =>
      evaluator.evaluate(`local.${local}`, { number: String(number) });
    expect([599, 600, 14400, 14401].map((value) => evaluate("timeout", value))).toEqual([
      { value: false },
      { value: true },
      { value: true },
      { value: false },
    ]);
    expect([0, 1, 50, 50.5, 51].map((value) => evaluate("canary", value))).toEqual([
      { value: false },
      { value: true },
      { value: true },
      { value: false },
      { value: false },
    ]);
  });
});
