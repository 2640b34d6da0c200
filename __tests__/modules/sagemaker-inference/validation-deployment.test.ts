/**
 * Every limit of the deployment guardrails (modules/core/limits/deployment.ts) is refused at synth with the usual
 * error: the field, the value and what is allowed, every problem at once; values known only at apply are skipped.
 */
import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  SagemakerInference,
  type SagemakerInferenceProps,
} from "../../../modules/sagemaker-inference/sagemaker-inference";
import type {
  EndpointProps,
  ProductionVariantProps,
  TrafficRoutingProps,
} from "../../../modules/sagemaker-inference/props";
import { errorOf, expectProblems, model } from "./fixtures";

const VARIANT: ProductionVariantProps = { instanceType: "ml.m5.large", initialInstanceCount: 4 };
const PROVISIONED: EndpointProps["provisioned"] = { productionVariants: { a: VARIANT } };
const WAIT_RANGE = 'a duration from "0 seconds" to "1 hour"';
const TIMEOUT_RANGE = 'a duration from "10 minutes" to "4 hours"';
const DURATION_FORMAT =
  'a number and a unit (second, minute, hour or day, singular or plural) making whole seconds, e.g. "5 minutes" or "1.5 hours"';
const ALARM_NAME =
  "a CloudWatch alarm name: 1-255 characters, not only whitespace, without control characters";

/** Props with these endpoints, each of a model `a` or `b`. */
function withEndpoints(endpoints: Record<string, EndpointProps>): SagemakerInferenceProps {
  return { models: { a: model(), b: model() }, endpoints };
}

/** A canary of `canarySize` baked for `waitInterval`. */
function canary(
  canarySize: { instanceCount: number } | { capacityPercent: number },
  waitInterval = "5 minutes",
): TrafficRoutingProps {
  return { type: "CANARY", canarySize, waitInterval };
}

/** The message the construct throws for props built in a stack (for Terraform variables). */
function errorIn(build: (stack: TerraformStack) => SagemakerInferenceProps): string | undefined {
  const stack = new TerraformStack(Testing.app(), "test");
  try {
    new SagemakerInference(stack, "inference", build(stack));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("SagemakerInference validation of deployment guardrails", () => {
  it("takes at most one update policy, and rollback alarms only with one", () => {
    expectProblems(
      withEndpoints({
        both: {
          provisioned: PROVISIONED,
          blueGreen: {},
          rollingUpdate: { maximumBatchSize: { instanceCount: 1 }, waitInterval: "1 minute" },
        },
        alone: { provisioned: PROVISIONED, autoRollback: { alarmNames: ["errors"] } },
      }),
      [
        'endpoints.both: got "blueGreen and rollingUpdate"; allowed: at most one of blueGreen or rollingUpdate',
        'endpoints.alone.autoRollback: got "autoRollback without blueGreen or rollingUpdate"; allowed: blueGreen or rollingUpdate with autoRollback (a deployment_config holds exactly one update policy)',
      ],
    );
  });

  it("takes the traffic routing types AWS has, each with its own settings", () => {
    expectProblems(
      withEndpoints({
        blue: {
          provisioned: PROVISIONED,
          blueGreen: { trafficRouting: { type: "BLUE" } as unknown as TrafficRoutingProps },
        },
        all: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: {
              type: "ALL_AT_ONCE",
              waitInterval: "5 minutes",
              canarySize: { instanceCount: 1 },
            } as unknown as TrafficRoutingProps,
          },
        },
        canary: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: {
              type: "CANARY",
              linearStepSize: { capacityPercent: 10 },
            } as unknown as TrafficRoutingProps,
          },
        },
      }),
      [
        'endpoints.blue.blueGreen.trafficRouting.type: got "BLUE"; allowed: one of "ALL_AT_ONCE", "CANARY" or "LINEAR"',
        'endpoints.all.blueGreen.trafficRouting.canarySize: got {"instanceCount":1}; allowed: no canarySize with type ALL_AT_ONCE',
        'endpoints.all.blueGreen.trafficRouting.waitInterval: got "5 minutes"; allowed: no waitInterval with type ALL_AT_ONCE: it shifts once (terminationWait keeps the old fleet)',
        'endpoints.canary.blueGreen.trafficRouting.linearStepSize: got {"capacityPercent":10}; allowed: no linearStepSize with type CANARY',
        "endpoints.canary.blueGreen.trafficRouting.canarySize: got (not set); allowed: a size for CANARY: { instanceCount } or { capacityPercent }",
        "endpoints.canary.blueGreen.trafficRouting.waitInterval: got (not set); allowed: a baking period for CANARY",
      ],
    );
  });

  it("needs a traffic routing type and durations known at synth", () => {
    let type = "";
    let wait = "";
    expect(
      errorIn((stack) => {
        type = new TerraformVariable(stack, "type", { type: "string" }).stringValue;
        wait = new TerraformVariable(stack, "wait", { type: "string" }).stringValue;
        return withEndpoints({
          live: {
            provisioned: PROVISIONED,
            blueGreen: {
              trafficRouting: { type } as unknown as TrafficRoutingProps,
              terminationWait: wait,
            },
          },
        });
      }),
    ).toBe(
      [
        "Invalid configuration for 'test/inference' (2 problems):",
        `  - endpoints.live.blueGreen.trafficRouting.type: got "${type}"; allowed: a literal value known at synth time, not a Terraform expression`,
        `  - endpoints.live.blueGreen.terminationWait: got "${wait}"; allowed: a literal value known at synth time, not a Terraform expression`,
      ].join("\n"),
    );
  });

  it("takes wait intervals and termination waits of at most an hour, timeouts of 10 minutes to 4 hours", () => {
    expectProblems(
      withEndpoints({
        canary: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: canary({ instanceCount: 1 }, "2 hours"),
            terminationWait: "61 minutes",
            maximumExecutionTimeout: "5 minutes",
          },
        },
        linear: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { instanceCount: 1 },
              waitInterval: "ten minutes",
            },
            maximumExecutionTimeout: "5 hours",
          },
        },
        rolling: {
          provisioned: PROVISIONED,
          rollingUpdate: {
            maximumBatchSize: { instanceCount: 1 },
            waitInterval: "3601 seconds",
            maximumExecutionTimeout: "14401 seconds",
          },
        },
      }),
      [
        `endpoints.canary.blueGreen.trafficRouting.waitInterval: got "2 hours"; allowed: ${WAIT_RANGE}`,
        `endpoints.canary.blueGreen.terminationWait: got "61 minutes"; allowed: ${WAIT_RANGE}`,
        `endpoints.canary.blueGreen.maximumExecutionTimeout: got "5 minutes"; allowed: ${TIMEOUT_RANGE}`,
        `endpoints.linear.blueGreen.trafficRouting.waitInterval: got "ten minutes"; allowed: ${WAIT_RANGE}, written as ${DURATION_FORMAT}`,
        `endpoints.linear.blueGreen.maximumExecutionTimeout: got "5 hours"; allowed: ${TIMEOUT_RANGE}`,
        `endpoints.rolling.rollingUpdate.waitInterval: got "3601 seconds"; allowed: ${WAIT_RANGE}`,
        `endpoints.rolling.rollingUpdate.maximumExecutionTimeout: got "14401 seconds"; allowed: ${TIMEOUT_RANGE}`,
      ],
    );
  });

  it("needs a timeout longer than the waits it must outlast", () => {
    expectProblems(
      withEndpoints({
        all: {
          provisioned: PROVISIONED,
          blueGreen: { terminationWait: "1 hour", maximumExecutionTimeout: "1 hour" },
        },
        canary: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: canary({ capacityPercent: 25 }, "10 minutes"),
            terminationWait: "10 minutes",
            maximumExecutionTimeout: "20 minutes",
          },
        },
        // 4 steps of 25%: three baking periods between them
        linear: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { instanceCount: 1 },
              waitInterval: "5 minutes",
            },
            maximumExecutionTimeout: "15 minutes",
          },
        },
        // 4 batches of one instance: three baking periods between them
        rolling: {
          provisioned: PROVISIONED,
          rollingUpdate: {
            maximumBatchSize: { capacityPercent: 25 },
            waitInterval: "4 minutes",
            maximumExecutionTimeout: "10 minutes",
          },
        },
      }),
      [
        'endpoints.all.blueGreen.maximumExecutionTimeout: got "1 hour"; allowed: a timeout longer than terminationWait ("1 hour"), or the deployment times out before it ends',
        'endpoints.canary.blueGreen.maximumExecutionTimeout: got "20 minutes"; allowed: a timeout longer than the waitInterval between the shifts and terminationWait together ("20 minutes"), or the deployment times out before it ends',
        'endpoints.linear.blueGreen.maximumExecutionTimeout: got "15 minutes"; allowed: a timeout longer than the waitInterval between the shifts and terminationWait together ("15 minutes"), or the deployment times out before it ends',
        'endpoints.rolling.rollingUpdate.maximumExecutionTimeout: got "10 minutes"; allowed: a timeout longer than the waitInterval between the batches ("12 minutes"), or the deployment times out before it ends',
      ],
    );
  });

  it("keeps the baking periods under the AWS provider's 60-minute wait for the endpoint", () => {
    const PROVIDER =
      'baking periods adding up to less than "1 hour": the AWS provider stops waiting for the endpoint after 60 minutes (aws_sagemaker_endpoint, not configurable) and fails the apply while SageMaker carries on';
    expectProblems(
      withEndpoints({
        // 10 steps of 10%: nine baking periods of 10 minutes
        linear: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { capacityPercent: 10 },
              waitInterval: "10 minutes",
            },
          },
        },
        // 20 batches of 5%: nineteen baking periods of 4 minutes
        rolling: {
          provisioned: PROVISIONED,
          rollingUpdate: { maximumBatchSize: { capacityPercent: 5 }, waitInterval: "4 minutes" },
        },
      }),
      [
        `endpoints.linear.blueGreen: got "90 minutes of baking (the waitInterval between the shifts)"; allowed: ${PROVIDER}`,
        `endpoints.rolling.rollingUpdate: got "76 minutes of baking (the waitInterval between the batches)"; allowed: ${PROVIDER}`,
      ],
    );
    // A canary bakes once: an hour of it, with an hour of termination wait, is what AWS allows.
    expect(
      errorOf(
        withEndpoints({
          canary: {
            provisioned: PROVISIONED,
            blueGreen: {
              trafficRouting: canary({ capacityPercent: 50 }, "59 minutes"),
              terminationWait: "1 hour",
            },
          },
        }),
      ),
    ).toBeUndefined();
  });

  it("takes a size as one of an instance count or a capacity percentage", () => {
    expectProblems(
      withEndpoints({
        both: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: canary({ instanceCount: 1, capacityPercent: 10 } as unknown as {
              instanceCount: number;
            }),
          },
        },
        neither: {
          provisioned: PROVISIONED,
          rollingUpdate: {
            maximumBatchSize: {} as unknown as { instanceCount: number },
            waitInterval: "1 minute",
          },
        },
        fraction: {
          provisioned: PROVISIONED,
          blueGreen: { trafficRouting: canary({ instanceCount: 1.5 }) },
        },
        zero: {
          provisioned: PROVISIONED,
          rollingUpdate: {
            maximumBatchSize: { instanceCount: 1 },
            waitInterval: "1 minute",
            rollbackMaximumBatchSize: { instanceCount: 0 },
          },
        },
      }),
      [
        'endpoints.both.blueGreen.trafficRouting.canarySize: got {"instanceCount":1,"capacityPercent":10}; allowed: one of instanceCount or capacityPercent',
        "endpoints.neither.rollingUpdate.maximumBatchSize: got {}; allowed: one of instanceCount or capacityPercent",
        "endpoints.fraction.blueGreen.trafficRouting.canarySize.instanceCount: got 1.5; allowed: a whole number of instances of at least 1",
        "endpoints.zero.rollingUpdate.rollbackMaximumBatchSize.instanceCount: got 0; allowed: a whole number of instances of at least 1",
      ],
    );
  });

  it("refuses a rolling update without its batch size and baking period, before any other check reads it", () => {
    expectProblems(
      withEndpoints({
        "no-batch": {
          provisioned: PROVISIONED,
          rollingUpdate: {} as unknown as {
            maximumBatchSize: { instanceCount: number };
            waitInterval: string;
          },
        },
      }),
      [
        "endpoints.no-batch.rollingUpdate.maximumBatchSize: got (not set); allowed: a batch size: { instanceCount } or { capacityPercent } (required)",
        "endpoints.no-batch.rollingUpdate.waitInterval: got (not set); allowed: a baking period for each batch (required)",
      ],
    );
  });

  it("takes canaries of at most 50%, linear steps of 10-50%, rolling batches of 5-50%, rollback batches of 1-100%", () => {
    expectProblems(
      withEndpoints({
        canary: {
          provisioned: PROVISIONED,
          blueGreen: { trafficRouting: canary({ capacityPercent: 51 }) },
        },
        "canary-none": {
          provisioned: PROVISIONED,
          blueGreen: { trafficRouting: canary({ capacityPercent: 0 }) },
        },
        linear: {
          provisioned: PROVISIONED,
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { capacityPercent: 9 },
              waitInterval: "1 minute",
            },
          },
        },
        rolling: {
          provisioned: PROVISIONED,
          rollingUpdate: {
            maximumBatchSize: { capacityPercent: 4 },
            waitInterval: "0 seconds",
            rollbackMaximumBatchSize: { capacityPercent: 101 },
          },
        },
        "rolling-half": {
          provisioned: PROVISIONED,
          rollingUpdate: { maximumBatchSize: { capacityPercent: 50.5 }, waitInterval: "0 seconds" },
        },
      }),
      [
        "endpoints.canary.blueGreen.trafficRouting.canarySize.capacityPercent: got 51; allowed: a whole percentage from 1 to 50 (at most 50% of each variant's instances)",
        "endpoints.canary-none.blueGreen.trafficRouting.canarySize.capacityPercent: got 0; allowed: a whole percentage from 1 to 50 (at most 50% of each variant's instances)",
        "endpoints.linear.blueGreen.trafficRouting.linearStepSize.capacityPercent: got 9; allowed: a whole percentage from 10 to 50 (10-50% of each variant's instances)",
        "endpoints.rolling.rollingUpdate.maximumBatchSize.capacityPercent: got 4; allowed: a whole percentage from 5 to 50 (5-50% of each variant's instances)",
        "endpoints.rolling.rollingUpdate.rollbackMaximumBatchSize.capacityPercent: got 101; allowed: a whole percentage from 1 to 100 (any share of each variant's instances)",
        "endpoints.rolling-half.rollingUpdate.maximumBatchSize.capacityPercent: got 50.5; allowed: a whole percentage from 5 to 50 (5-50% of each variant's instances)",
      ],
    );
  });

  it("takes instance counts that are that share of each variant's instances, where they are known", () => {
    const instances = (count: number): EndpointProps["provisioned"] => ({
      productionVariants: { a: { instanceType: "ml.m5.large", initialInstanceCount: count } },
    });
    expectProblems(
      withEndpoints({
        canary: {
          provisioned: instances(4),
          blueGreen: { trafficRouting: canary({ instanceCount: 3 }) },
        },
        single: {
          provisioned: instances(1),
          blueGreen: { trafficRouting: canary({ instanceCount: 1 }) },
        },
        linear: {
          provisioned: instances(20),
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { instanceCount: 1 },
              waitInterval: "1 minute",
            },
          },
        },
        rolling: {
          provisioned: instances(10),
          rollingUpdate: { maximumBatchSize: { instanceCount: 6 }, waitInterval: "1 minute" },
        },
        two: {
          provisioned: {
            productionVariants: {
              a: { instanceType: "ml.m5.large", initialInstanceCount: 8, variantName: "big" },
              b: { instanceType: "ml.m5.large", initialInstanceCount: 2, variantName: "small" },
            },
          },
          blueGreen: { trafficRouting: canary({ instanceCount: 2 }) },
        },
      }),
      [
        "endpoints.canary.blueGreen.trafficRouting.canarySize.instanceCount: got 3; allowed: 1 to 2 instances: at most 50% of the 4 instances of variant a",
        "endpoints.single.blueGreen.trafficRouting.canarySize.instanceCount: got 1; allowed: a capacityPercent instead: no whole number of instances is at most 50% of the 1 instance of variant a",
        "endpoints.linear.blueGreen.trafficRouting.linearStepSize.instanceCount: got 1; allowed: 2 to 10 instances: 10-50% of the 20 instances of variant a",
        "endpoints.rolling.rollingUpdate.maximumBatchSize.instanceCount: got 6; allowed: 1 to 5 instances: 5-50% of the 10 instances of variant a",
        "endpoints.two.blueGreen.trafficRouting.canarySize.instanceCount: got 2; allowed: 1 instance: at most 50% of the 2 instances of variant small",
      ],
    );
    // Unknown until apply, or scaled: not checked against the instance count.
    expect(
      errorIn((stack) => {
        const count = new TerraformVariable(stack, "count", { type: "number" }).numberValue;
        return withEndpoints({
          variable: {
            provisioned: instances(count),
            blueGreen: { trafficRouting: canary({ instanceCount: 3 }) },
          },
          scaled: {
            provisioned: {
              productionVariants: {
                a: {
                  instanceType: "ml.m5.large",
                  autoScaling: {
                    maximumCapacity: 8,
                    policies: { p: { expression: "SageMakerVariantInvocationsPerInstance = 100" } },
                  },
                },
              },
            },
            blueGreen: { trafficRouting: canary({ instanceCount: 3 }) },
          },
        });
      }),
    ).toBeUndefined();
  });

  it("keeps rolling updates to endpoints of one production variant on instances", () => {
    expectProblems(
      withEndpoints({
        serverless: {
          serverless: { variant: { modelName: "a" } },
          rollingUpdate: { maximumBatchSize: { capacityPercent: 10 }, waitInterval: "1 minute" },
        },
        two: {
          provisioned: {
            productionVariants: {
              a: { ...VARIANT, initialWeight: 1 },
              b: { ...VARIANT, initialWeight: 1 },
            },
          },
          rollingUpdate: { maximumBatchSize: { capacityPercent: 10 }, waitInterval: "1 minute" },
        },
      }),
      [
        'endpoints.serverless.rollingUpdate: got "a serverless endpoint"; allowed: blueGreen on a serverless endpoint (rolling deployments exclude serverless endpoints)',
        'endpoints.two.rollingUpdate: got "2 production variants"; allowed: an endpoint with one production variant (rolling deployments exclude multi-variant endpoints)',
      ],
    );
  });

  it("gives serverless endpoints all-at-once blue/green only, on a variant with a name", () => {
    expectProblems(
      withEndpoints({
        canary: {
          serverless: { variant: { modelName: "a" } },
          blueGreen: { trafficRouting: canary({ capacityPercent: 10 }) },
        },
        unnamed: {
          serverless: { variant: { modelName: "b", variantName: null } },
          blueGreen: {},
        },
      }),
      [
        `endpoints.canary.blueGreen.trafficRouting.type: got "CANARY"; allowed: type "ALL_AT_ONCE" on a serverless endpoint (canary and linear sizes are shares of a variant's instances; SageMaker's guardrails apply to real-time and asynchronous endpoints on instances)`,
        "endpoints.unnamed.serverless.variant.variantName: got null; allowed: a variant name (blue/green and rolling deployments need the new endpoint configuration to keep the variant's name; without one the AWS provider makes up a new name for each configuration)",
      ],
    );
  });

  it("refuses guardrails on Inf1 endpoints, where SageMaker cannot use them", () => {
    const INF1 =
      "an instance type other than ml.inf1 with deployment guardrails (SageMaker cannot use them on Inf1 endpoints: it shifts all traffic at once, with no baking period)";
    expectProblems(
      withEndpoints({
        inferentia: {
          provisioned: {
            productionVariants: { a: { instanceType: "ml.inf1.xlarge", initialInstanceCount: 2 } },
          },
          blueGreen: {},
        },
      }),
      [
        `endpoints.inferentia.provisioned.productionVariants.a.instanceType: got "ml.inf1.xlarge"; allowed: ${INF1}`,
      ],
    );
  });

  it("takes 1 to 10 rollback alarms, each once, of this endpoint's variants or by a valid name", () => {
    const alarmed: EndpointProps["provisioned"] = {
      productionVariants: {
        a: {
          ...VARIANT,
          cloudwatchAlarms: { errors: { expression: "Invocation5XXErrors average >= 1" } },
        },
        b: {
          ...VARIANT,
          cloudwatchAlarms: {
            errors: { expression: "Invocation5XXErrors average >= 1" },
            latency: { expression: "ModelLatency average > 100000", alarmName: "live-latency" },
          },
        },
      },
    };
    expectProblems(
      withEndpoints({
        none: { provisioned: PROVISIONED, blueGreen: {}, autoRollback: {} },
        many: {
          provisioned: PROVISIONED,
          blueGreen: {},
          autoRollback: { alarmNames: Array.from({ length: 11 }, (_, i) => `alarm-${i}`) },
        },
        live: {
          provisioned: alarmed,
          blueGreen: {},
          autoRollback: {
            cloudwatchAlarms: ["errors", "latency", "b/errors", "nope"],
            alarmNames: ["live-latency", " ", "x".repeat(256), "tab\there", "b/errors"],
          },
        },
        serverless: {
          serverless: { variant: { modelName: "a" } },
          blueGreen: {},
          autoRollback: { cloudwatchAlarms: ["errors"] },
        },
      }),
      [
        'endpoints.none.autoRollback: got "0 alarms"; allowed: 1 to 10 alarms',
        'endpoints.many.autoRollback: got "11 alarms"; allowed: 1 to 10 alarms',
        'endpoints.live.autoRollback.cloudwatchAlarms[0]: got "errors"; allowed: <variant key>/<alarm key>: more than one variant has an alarm errors (a/errors, b/errors)',
        'endpoints.live.autoRollback.cloudwatchAlarms[3]: got "nope"; allowed: the key of an alarm in cloudwatchAlarms of this endpoint\'s production variants (a/errors, b/errors, b/latency)',
        'endpoints.live.autoRollback.alarmNames[0]: got "live-latency"; allowed: an alarm no other rollback alarm of this endpoint names (endpoints.live.autoRollback.cloudwatchAlarms[1] has it too)',
        `endpoints.live.autoRollback.alarmNames[1]: got " "; allowed: ${ALARM_NAME}`,
        `endpoints.live.autoRollback.alarmNames[2]: got "${"x".repeat(256)}"; allowed: ${ALARM_NAME} (this one has 256)`,
        `endpoints.live.autoRollback.alarmNames[3]: got "tab\\there"; allowed: ${ALARM_NAME}`,
        'endpoints.serverless.autoRollback.cloudwatchAlarms[0]: got "errors"; allowed: the key of an alarm in cloudwatchAlarms of this endpoint\'s production variants (there are none)',
      ],
    );
  });

  it("needs the rollback alarms listed at synth; their names may be known only at apply", () => {
    let names: string[] = [];
    expect(
      errorIn((stack) => {
        names = new TerraformVariable(stack, "names", { type: "list(string)" }).listValue;
        const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
        return withEndpoints({
          listed: { provisioned: PROVISIONED, blueGreen: {}, autoRollback: { alarmNames: [name] } },
          token: { provisioned: PROVISIONED, blueGreen: {}, autoRollback: { alarmNames: names } },
        });
      }),
    ).toBe(
      [
        "Invalid configuration for 'test/inference' (1 problem):",
        `  - endpoints.token.autoRollback.alarmNames: got ${JSON.stringify(names)}; allowed: a list written out at synth (its entries may be Terraform expressions)`,
      ].join("\n"),
    );
  });
});
