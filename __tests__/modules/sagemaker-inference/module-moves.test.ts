/**
 * `migrateFromModule`: a `moved` block from the module's address of each resource (FriendsOfTerraform/modules,
 * aws/sagemaker-inference, commit 67cc84fe1da10f5e73f49934186bb214fbd1cfca) to ours, in a ProjectStack and in a
 * plain TerraformStack; the option's value checked; a warning for each name that is not the module's.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import { SagemakerInference } from "../../../modules/sagemaker-inference/sagemaker-inference";
import { synthStack } from "../../helpers/synth";
import { BASIC_USAGE, expectProblems, model, synthInference } from "./fixtures";
import { MAXIMAL_MOVES, MaximalStack, PlainMaximalStack } from "./maximal";

function movesOf(json: object): unknown {
  return (json as { moved?: unknown }).moved;
}

const M = "module.inference";

describe("migrateFromModule: the maximal example in a ProjectStack", () => {
  it("moves every resource of every kind from the module's address to the one named after its keys", () => {
    const json = synthStack(new MaximalStack(Testing.app(), "maximal"));
    expect(movesOf(json)).toEqual(MAXIMAL_MOVES);
  });

  it("writes the moves in the HCL of `cdktf synth --hcl` as references", () => {
    const stack = new MaximalStack(Testing.app(), "maximal");
    const hcl = stack.toHclTerraform().hcl as string;
    expect(hcl).toContain(
      [
        "moved {",
        '  from = module.inference.aws_appautoscaling_policy.auto_scaling_policies["realtime/pipeline/latency"]',
        "  to = aws_appautoscaling_policy.realtime_pipeline_latency",
        "}",
      ].join("\n"),
    );
  });
});

describe("migrateFromModule in a plain TerraformStack", () => {
  it("moves to cdktf's names, and writes the moves in cdktf's own HCL", () => {
    const stack = new PlainMaximalStack(Testing.app(), "plain");
    const json = synthStack(stack);
    const moved = movesOf(json) as { from: string; to: string }[];
    expect(moved).toHaveLength(18);
    const resources = Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => `${type}.${name}`),
    );
    expect(moved.map((move) => move.to).sort()).toEqual(resources.sort());
    expect(moved[0]).toEqual({
      from: `${M}.aws_sagemaker_model.models["pipeline"]`,
      to: "aws_sagemaker_model.inference_model_pipeline_86803765",
    });
    expect(moved[11]).toEqual({
      from: `${M}.aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms["realtime/pipeline/errors"]`,
      to: "aws_cloudwatch_metric_alarm.inference_alarm_realtime_pipeline_errors_585494DB",
    });
    expect(stack.toHclTerraform().hcl).toContain(
      [
        "moved {",
        'from = module.inference.aws_sagemaker_model.models["pipeline"]',
        "to = aws_sagemaker_model.inference_model_pipeline_86803765",
        "}",
      ].join("\n"),
    );
  });

  it("follows a name given after the construct was created, to a resource nothing refers to", () => {
    const stack = new TerraformStack(Testing.app(), "plain");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const inference = new SagemakerInference(stack, "basic_usage", {
      ...BASIC_USAGE,
      migrateFromModule: "basic_usage",
    });
    const key = "realtime-endpoint/demo-model/invocations-greater-than-1000";
    inference.alarms[key]!.overrideLogicalId("invocations");
    const moved = movesOf(synthStack(stack)) as { from: string; to: string }[];
    expect(moved.find((move) => move.from.endsWith(`["${key}"]`))).toEqual({
      from: `module.basic_usage.aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms["${key}"]`,
      to: "aws_cloudwatch_metric_alarm.invocations",
    });
  });
});

describe("migrateFromModule: the module call", () => {
  const basic = (migrateFromModule: string) =>
    movesOf(synthInference({ ...BASIC_USAGE, migrateFromModule }).json) as { from: string }[];

  it.each([
    ["basic_usage", "module.basic_usage"],
    ["module.basic_usage", "module.basic_usage"],
    ['module.inference["prod"]', 'module.inference["prod"]'],
    ["module.platform[0].module.inference-v1", "module.platform[0].module.inference-v1"],
  ])("%s: moves from %s", (given, module) => {
    expect(basic(given)[0]!.from).toBe(`${module}.aws_sagemaker_model.models["demo-model"]`);
  });

  it("writes no move without it", () => {
    expect(movesOf(synthInference(BASIC_USAGE).json)).toBeUndefined();
  });

  it.each(["", "1st", "basic usage", "module.", "module.a.b", 'module.a["x]', "module.a.module"])(
    "refuses %j",
    (given) => {
      expectProblems({ ...BASIC_USAGE, migrateFromModule: given }, [
        `migrateFromModule: got ${JSON.stringify(given)}; allowed: the name of the module call ("basic_usage" for module "basic_usage"), or the address of a module instance, e.g. module.platform.module.inference["prod"]`,
      ]);
    },
  );
});

describe("migrateFromModule: names that are not the module's", () => {
  it("warns, for each, that the plan replaces the resource", () => {
    const { stack } = synthInference({
      models: { m: model({ name: "m-v2" }), n: model() },
      endpoints: {
        e: {
          name: "e-prod",
          provisioned: {
            productionVariants: {
              m: {
                instanceType: "ml.m5.large",
                variantName: "blue",
                autoScaling: {
                  policies: { p: { expression: "SageMakerVariantInvocationsPerInstance = 10" } },
                },
                cloudwatchAlarms: {
                  a: { expression: "Invocations sum > 1", alarmName: "e/m/a" },
                },
              },
            },
          },
        },
        s: {
          endpointConfigurationName: "s-config",
          serverless: { variant: { modelName: "n", variantName: null } },
        },
      },
      migrateFromModule: "inference",
    });
    expect(reportedAnnotations(stack).map((annotation) => annotation.message)).toEqual([
      'models.m.name: the model\'s name is "m-v2", not "m" as the module named it: the plan replaces it',
      'endpoints.e.name: the endpoint\'s name is "e-prod", not "e" as the module named it: the plan replaces it',
      'endpoints.e.provisioned.productionVariants.m.variantName: the name of a variant, so its endpoint configuration, is "blue", not "m" as the module named it: the plan replaces it',
      'endpoints.e.provisioned.productionVariants.m.autoScaling: the scalable target\'s resource id is "endpoint/e-prod/variant/blue", not "endpoint/e/variant/m" as the module named it: the plan replaces it',
      'endpoints.e.provisioned.productionVariants.m.autoScaling.policies.p: the policy\'s name is "e-prod/blue/p", not "e/m/p" as the module named it: the plan replaces it',
      'endpoints.s.endpointConfigurationName: the endpoint configuration\'s name is "s-config", not "s" as the module named it: the plan replaces it',
      'endpoints.s.serverless.variant.variantName: the name of a variant, so its endpoint configuration, is no name, not "n" as the module named it: the plan replaces it',
    ]);
  });
});
