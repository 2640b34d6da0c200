/**
 * Terraform accepts the `moved` blocks of `migrateFromModule`: for the module's Basic Usage (the example of
 * docs/moving-from-friendsofterraform.md) and the maximal example, in a ProjectStack and in a plain TerraformStack,
 * `terraform init` offline finds nothing wrong with the synthesized JSON and HCL, and the plan of the stand-in
 * against a state holding the module's addresses (`module.<call>.aws_sagemaker_model.models["<model>"]`, ...)
 * shows moves, and the one change the move makes: models and endpoint configurations, named after their content
 * here (the module names them by their keys), are replaced, created before the old ones are destroyed, and the
 * endpoints updated in place to the new configurations. Nothing else is created or destroyed.
 *
 * What this cannot show: that the real AWS provider plans no change to the moved resources' attributes. Those
 * are compared with the module's source value by value (__tests__/modules/sagemaker-inference/module-parity.test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing, type TerraformStack } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { MovedBasicUsageStack } from "../../docs/examples/moving-from-friendsofterraform";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import type { TerraformConfiguration } from "../../scripts/terraform/stand-in";
import { StandInWorkspace } from "../../scripts/terraform/stand-in-plans";
import { moveProblems, type MoveOptions } from "../../scripts/terraform/terraform-cases";
import { synthStack } from "../helpers/synth";
import {
  MAXIMAL_MOVES,
  MaximalStack,
  PlainMaximalStack,
} from "../modules/sagemaker-inference/maximal";

const B = "module.basic_usage";
const BASIC_USAGE_MOVES: Readonly<Record<string, string>> = {
  [`${B}.aws_sagemaker_model.models["demo-model"]`]: "aws_sagemaker_model.demo_model",
  [`${B}.aws_sagemaker_endpoint_configuration.provisioned_endpoint_configurations["realtime-endpoint"]`]:
    "aws_sagemaker_endpoint_configuration.realtime_endpoint",
  [`${B}.aws_sagemaker_endpoint.provisioned_endpoints["realtime-endpoint"]`]:
    "aws_sagemaker_endpoint.realtime_endpoint",
  [`${B}.aws_appautoscaling_target.targets["realtime-endpoint/demo-model"]`]:
    "aws_appautoscaling_target.realtime_endpoint_demo_model",
  [`${B}.aws_appautoscaling_policy.auto_scaling_policies["realtime-endpoint/demo-model/builtin-policy"]`]:
    "aws_appautoscaling_policy.realtime_endpoint_demo_model_builtin_policy",
  [`${B}.aws_appautoscaling_policy.auto_scaling_policies["realtime-endpoint/demo-model/keep-invocations-near-100"]`]:
    "aws_appautoscaling_policy.realtime_endpoint_demo_model_keep_invocations_near_100",
  [`${B}.aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms["realtime-endpoint/demo-model/invocations-greater-than-1000"]`]:
    "aws_cloudwatch_metric_alarm.realtime_endpoint_demo_model_invocations_greater_than_1000",
  [`${B}.aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms["realtime-endpoint/demo-model/invocation-5xx-errors-greater-than-10"]`]:
    "aws_cloudwatch_metric_alarm.realtime_endpoint_demo_model_invocation_5xx_errors_greater_than_10",
};

/** cdktf's names of the maximal example's resources in a plain TerraformStack `plain`, in MAXIMAL_MOVES' order. */
const PLAIN_NAMES = [
  "aws_sagemaker_model.inference_model_pipeline_86803765",
  "aws_sagemaker_model.inference_model_ensemble_5B0CEA9F",
  "aws_sagemaker_model.inference_model_multi-model_B7D3578F",
  "aws_sagemaker_model.inference_model_champion_D52E0D95",
  "aws_sagemaker_model.inference_model_challenger_9E8F36DB",
  "aws_sagemaker_model.inference_model_embedding_339A27DD",
  "aws_sagemaker_endpoint_configuration.inference_endpoint-configuration_realtime_D3140ABF",
  "aws_sagemaker_endpoint.inference_endpoint_realtime_C645F815",
  "aws_appautoscaling_target.inference_scaling-target_realtime_pipeline_6C49AAE7",
  "aws_appautoscaling_policy.inference_scaling-policy_realtime_pipeline_invocations_74CADD6E",
  "aws_appautoscaling_policy.inference_scaling-policy_realtime_pipeline_latency_CFC2CC5A",
  "aws_cloudwatch_metric_alarm.inference_alarm_realtime_pipeline_errors_585494DB",
  "aws_sagemaker_endpoint_configuration.inference_endpoint-configuration_shadow_A580ED80",
  "aws_sagemaker_endpoint.inference_endpoint_shadow_86CF83BF",
  "aws_sagemaker_endpoint_configuration.inference_endpoint-configuration_batch_0E266DE5",
  "aws_sagemaker_endpoint.inference_endpoint_batch_20DF27C2",
  "aws_sagemaker_endpoint_configuration.inference_endpoint-configuration_embedding-serverless_80421352",
  "aws_sagemaker_endpoint.inference_endpoint_embedding-serverless_71D4A588",
];

interface MigrationCase {
  readonly stack: () => TerraformStack;
  readonly moves: Readonly<Record<string, string>>;
  /** What `terraform init` says of the HCL, beyond the missing provider. */
  readonly hclProblems?: readonly string[];
}

/**
 * cdktf 0.21's own HCL writer, which a plain TerraformStack uses, quotes `depends_on` references (the scalable
 * target's on its endpoint): a warning of Terraform's, nothing to do with the moves. ProjectStack writes its own HCL.
 */
const CDKTF_QUOTED_DEPENDS_ON = [
  [
    "Warning: Quoted references are deprecated",
    "",
    '  on cdk.tf line 514, in resource "aws_appautoscaling_target" "inference_scaling-target_realtime_pipeline_6C49AAE7":',
    ' 514: "aws_sagemaker_endpoint.inference_endpoint_realtime_C645F815",',
    "",
    "In this context, references are expected literally rather than in quotes.",
    "Terraform 0.11 and earlier required quotes, but quoted references are now",
    "deprecated and will be removed in a future version of Terraform. Remove the",
    "quotes surrounding this reference to silence this warning.",
    "",
    "(and one more similar warning elsewhere)",
  ].join("\n"),
];

const CASES: Readonly<Record<string, MigrationCase>> = {
  "the module's Basic Usage (docs/examples/moving-from-friendsofterraform.ts)": {
    stack: () => new MovedBasicUsageStack(Testing.app(), "basic-usage"),
    moves: BASIC_USAGE_MOVES,
  },
  "the maximal example in a ProjectStack": {
    stack: () => new MaximalStack(Testing.app(), "maximal"),
    moves: Object.fromEntries(MAXIMAL_MOVES.map((move) => [move.from, move.to])),
  },
  "the maximal example in a plain TerraformStack": {
    stack: () => new PlainMaximalStack(Testing.app(), "plain"),
    moves: Object.fromEntries(MAXIMAL_MOVES.map((move, index) => [move.from, PLAIN_NAMES[index]!])),
    hclProblems: CDKTF_QUOTED_DEPENDS_ON,
  },
};

const terraform = new OfflineTerraform();
const cleanUp: (() => void)[] = [];

afterAll(() => {
  for (const clean of cleanUp) clean();
  terraform.dispose();
});

/** `terraform init` offline of a configuration file: its problems, the provider that cannot be installed aside. */
function initProblems(file: string, text: string): string[] {
  const folder = mkdtempSync(join(tmpdir(), "module-migration-"));
  cleanUp.push(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, file), text);
  return terraform.configurationProblems(folder);
}

/**
 * The module's endpoints as its state holds them: named by their keys, as here, and without `deployment_config`
 * (the module has none); the stand-in plans one replaced when what forces a new endpoint differs.
 */
async function moduleEndpoints(
  workspace: StandInWorkspace,
  moves: Readonly<Record<string, string>>,
): Promise<NonNullable<MoveOptions["priorAttributes"]>> {
  const planned = await workspace.plan();
  return Object.fromEntries(
    Object.entries(moves)
      .filter(([, to]) => to.startsWith("aws_sagemaker_endpoint."))
      .map(([from, to]) => {
        const { name } = planned.changes.find((change) => change.address === to)!.attributes as {
          name: string;
        };
        return [from, { input: { name }, triggers_replace: { name, deployment_config: [] } }];
      }),
  );
}

describe.each(Object.entries(CASES))("%s, moved from the module", (_name, migration) => {
  it.concurrent(
    "plans moves from a state at the module's addresses: models and configurations replaced (new names), the rest moved",
    async () => {
      const json = synthStack(migration.stack()) as TerraformConfiguration;
      const workspace = new StandInWorkspace(terraform, "migration", json);
      cleanUp.push(() => workspace.dispose());
      expect(await workspace.init()).toEqual([]);
      // Named after their content, the models and configurations get new names: replaced once, created first.
      const replaced = new Set(
        Object.values(migration.moves).filter(
          (to) =>
            to.startsWith("aws_sagemaker_model.") ||
            to.startsWith("aws_sagemaker_endpoint_configuration."),
        ),
      );
      const priorAttributes = await moduleEndpoints(workspace, migration.moves);
      expect(
        await moveProblems(workspace, {}, migration.moves, {
          only: true,
          replaced,
          priorAttributes,
        }),
      ).toEqual([]);
    },
  );

  it("is a configuration terraform init accepts, as JSON and as HCL", () => {
    const stack = migration.stack();
    expect(initProblems("cdk.tf.json", JSON.stringify(synthStack(stack)))).toEqual([]);
    expect(initProblems("cdk.tf", stack.toHclTerraform().hcl as string)).toEqual(
      migration.hclProblems ?? [],
    );
  });
});
