/**
 * Moving state from the FriendsOfTerraform module (`migrateFromModule`): where the module keeps each resource this
 * engine creates, a `moved` block from there to the resource, and a warning for each name that differs from the
 * module's (the move carries the state over; the new name then replaces the resource).
 *
 * The module's addresses, read in its source (FriendsOfTerraform/modules, `aws/sagemaker-inference`, last changed in
 * commit 67cc84fe1da10f5e73f49934186bb214fbd1cfca): resources with `for_each` over maps, keyed by
 * - `aws_sagemaker_model.models`: the model's key (`sagemaker-model.tf`);
 * - `aws_sagemaker_endpoint_configuration.provisioned_endpoint_configurations` / `serverless_endpoint_configurations`
 *   and `aws_sagemaker_endpoint.provisioned_endpoints` / `serverless_endpoints`: the endpoint's key
 *   (`sagemaker-endpoint-configuration.tf`, `sagemaker-endpoint.tf`);
 * - `aws_appautoscaling_target.targets`: `<endpoint>/<variant>` (`appautoscaling-target.tf`);
 * - `aws_appautoscaling_policy.auto_scaling_policies`: `<endpoint>/<variant>/<policy>` (`appautoscaling-policy.tf`);
 * - `aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms`: `<endpoint>/<variant>/<alarm>`
 *   (`cloudwatch-metric-alarm.tf`);
 * where `<variant>` is the production variant's key, its model's key. Its names are the same keys: a model,
 * configuration and endpoint by key, a variant by its model's name, a policy and an alarm by its `for_each` key.
 */
import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { MovedBlock } from "../core/moved-block";
import { isUnresolved, KNOWN_AT_SYNTH, type Problems, type Warning } from "../core/validation";
import type { CreatedInference, ResolvedInference } from "./engine";
import type { InferenceLayout } from "./layout";

/** A Terraform identifier (a module call's name): a letter or `_`, then letters, digits, `_` and `-`. */
const IDENTIFIER = "[A-Za-z_][A-Za-z0-9_-]*";
/** An index of a module instance: a number or a quoted string without quotes or backslashes in it. */
const INSTANCE_KEY = '(\\[(\\d+|"[^"\\\\]*")\\])?';
const MODULE_NAME = new RegExp(`^${IDENTIFIER}$`);
const MODULE_ADDRESS = new RegExp(
  `^module\\.${IDENTIFIER}${INSTANCE_KEY}(\\.module\\.${IDENTIFIER}${INSTANCE_KEY})*$`,
);

const MODULE_WORDS =
  'the name of the module call ("basic_usage" for module "basic_usage"), or the address of a module instance, ' +
  'e.g. module.platform.module.inference["prod"]';

/** The module instance a name or address designates: `basic_usage` -> `module.basic_usage`. */
export function moduleAddress(migrateFromModule: string): string {
  return migrateFromModule.startsWith("module.")
    ? migrateFromModule
    : `module.${migrateFromModule}`;
}

export function validateModuleMigration(problems: Problems, inference: ResolvedInference): void {
  const given = inference.props.migrateFromModule;
  if (given === undefined) return;
  const field = "migrateFromModule";
  if (isUnresolved(given)) problems.add(field, given, KNOWN_AT_SYNTH);
  else if (typeof given !== "string" || !(MODULE_NAME.test(given) || MODULE_ADDRESS.test(given))) {
    problems.add(field, given, MODULE_WORDS);
  }
}

/** A string as a Terraform index key: `["demo-model"]`. */
function key(...parts: string[]): string {
  return `[${JSON.stringify(parts.join("/"))}]`;
}

/** Writes a `moved` block from the module's address of each created resource; the module never had the others. */
export function writeModuleMoves(
  scope: Construct,
  inference: ResolvedInference,
  created: CreatedInference,
  layout: InferenceLayout,
): void {
  const given = inference.props.migrateFromModule;
  if (given === undefined) return;
  const module = moduleAddress(given);
  const move = (id: string, from: string, to: TerraformResource) =>
    new MovedBlock(scope, `moved-from-module_${id}`, { from: `${module}.${from}`, to });

  for (const model of inference.models) {
    const id = layout.ids.model(model.key).id;
    move(id, `aws_sagemaker_model.models${key(model.key)}`, created.models[model.key]!);
  }
  for (const endpoint of inference.endpoints) {
    const kind = endpoint.provisioned ? "provisioned" : "serverless";
    move(
      layout.ids.endpointConfiguration(endpoint.key).id,
      `aws_sagemaker_endpoint_configuration.${kind}_endpoint_configurations${key(endpoint.key)}`,
      created.endpointConfigurations[endpoint.key]!,
    );
    move(
      layout.ids.endpoint(endpoint.key).id,
      `aws_sagemaker_endpoint.${kind}_endpoints${key(endpoint.key)}`,
      created.endpoints[endpoint.key]!,
    );
    // The module scales and watches production variants only (a serverless endpoint's scaling is beyond it).
    for (const variant of endpoint.provisioned?.productionVariants ?? []) {
      const variantKey = `${endpoint.key}/${variant.modelKey}`;
      if (variant.autoScaling) {
        move(
          layout.ids.scalingTarget(endpoint.key, variant.modelKey).id,
          `aws_appautoscaling_target.targets${key(endpoint.key, variant.modelKey)}`,
          created.scalingTargets[variantKey]!,
        );
        for (const policy of variant.autoScaling.policies) {
          move(
            layout.ids.scalingPolicy(endpoint.key, variant.modelKey, policy.key).id,
            `aws_appautoscaling_policy.auto_scaling_policies${key(endpoint.key, variant.modelKey, policy.key)}`,
            created.scalingPolicies[`${variantKey}/${policy.key}`]!,
          );
        }
      }
      for (const alarm of variant.alarms) {
        move(
          layout.ids.alarm(endpoint.key, variant.modelKey, alarm.key).id,
          `aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms${key(endpoint.key, variant.modelKey, alarm.key)}`,
          created.alarms[`${variantKey}/${alarm.key}`]!,
        );
      }
    }
  }
}

/**
 * With `migrateFromModule`, each resource whose name is not the one the module gave it (a `name`, `variantName`,
 * `policyName` or `alarmName` given, or an endpoint's `name` that its scalable targets, policies and alarms are named
 * after): the move carries its state over, and the plan then replaces it, as SageMaker, Application Auto Scaling
 * and CloudWatch names cannot change in place; a variant's name, its endpoint configuration.
 */
export function moduleNameWarnings(inference: ResolvedInference): Warning[] {
  if (inference.props.migrateFromModule === undefined) return [];
  const warnings: Warning[] = [];
  const compare = (field: string, what: string, ours: string | undefined, module: string) => {
    if (ours === module) return;
    const shown =
      ours === undefined
        ? "no name"
        : isUnresolved(ours)
          ? "a Terraform expression"
          : JSON.stringify(ours);
    warnings.push({
      field,
      message: `${what} is ${shown}, not ${JSON.stringify(module)} as the module named it: the plan replaces it`,
    });
  };
  const nameField = (entry: string, prop: string, given: unknown) =>
    given === undefined ? entry : `${entry}.${prop}`;

  for (const model of inference.models) {
    compare(
      nameField(model.field, "name", model.props.name),
      "the model's name",
      model.name,
      model.key,
    );
  }
  for (const endpoint of inference.endpoints) {
    const { field, key: endpointKey, props } = endpoint;
    compare(
      nameField(field, "name", props.name),
      "the endpoint's name",
      endpoint.name,
      endpointKey,
    );
    compare(
      nameField(field, "endpointConfigurationName", props.endpointConfigurationName),
      "the endpoint configuration's name",
      endpoint.configurationName,
      endpointKey,
    );
    const variantWhat = "the name of a variant, so its endpoint configuration,";
    const serverless = endpoint.serverless;
    if (serverless) {
      const given = serverless.props.variantName;
      compare(
        nameField(serverless.field, "variantName", given),
        variantWhat,
        serverless.name,
        serverless.modelKey,
      );
    }
    const provisioned = endpoint.provisioned;
    for (const variant of [
      ...(provisioned?.productionVariants ?? []),
      ...(provisioned?.shadowVariants ?? []),
    ]) {
      const given = variant.props.variantName;
      compare(
        nameField(variant.field, "variantName", given),
        variantWhat,
        variant.name,
        variant.modelKey,
      );
    }
    for (const variant of provisioned?.productionVariants ?? []) {
      const modulePrefix = `${endpointKey}/${variant.modelKey}`;
      if (variant.autoScaling) {
        compare(
          variant.autoScaling.field,
          "the scalable target's resource id",
          `endpoint/${endpoint.name}/variant/${variant.name}`,
          `endpoint/${endpointKey}/variant/${variant.modelKey}`,
        );
      }
      for (const policy of variant.autoScaling?.policies ?? []) {
        compare(
          nameField(policy.field, "policyName", policy.props.policyName),
          "the policy's name",
          policy.name,
          `${modulePrefix}/${policy.key}`,
        );
      }
      for (const alarm of variant.alarms) {
        compare(
          nameField(alarm.field, "alarmName", alarm.props.alarmName),
          "the alarm's name",
          alarm.name,
          `${modulePrefix}/${alarm.key}`,
        );
      }
    }
  }
  return warnings;
}
