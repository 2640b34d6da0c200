/**
 * How a changed model or configuration reaches the endpoint (beyond the recipe): a blue/green deployment, by default a
 * canary with automatic rollback on the stack's error alarms, the checks of the typed props that choose it, and the
 * single-instance fallback of the default canary. docs/changing-a-deployed-model.md says what each does on AWS.
 */
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { TerraformVariable } from "cdktf";
import type { Problems } from "../../modules/core/validation";
import { hcl } from "../../modules/core/terraform-conditions";
import { resolveDuration } from "../../modules/sagemaker-inference/duration";
import type { BlueGreenProps } from "../../modules/sagemaker-inference/props";
import { RECIPE_ALARMS } from "./monitoring";
import { RECIPE_CANARY, type SagemakerProvisionedStackProps, type Switches } from "./props";

/** The alarms that roll a deployment back: the recipe's two error alarms (4XX and 5XX), by their keys. */
export const ROLLBACK_ALARM_KEYS = RECIPE_ALARMS.filter(({ key }) =>
  ["invocation-errors", "model-errors"].includes(key),
).map(({ key }) => key);

/** The stack's blue/green deployment and its rollback alarms, as `SagemakerInference` takes them. */
export interface RecipeDeployment {
  readonly blueGreen?: BlueGreenProps;
  /** The keys of the variant's alarms that roll the deployment back; empty for none. */
  readonly rollbackAlarmKeys: readonly string[];
  /** The default canary, which falls back to all at once on a single instance. */
  readonly defaultCanary: boolean;
}

/** The deployment the props ask for, with their problems added to `problems`. */
export function recipeDeployment(
  problems: Problems,
  props: Pick<SagemakerProvisionedStackProps, "blueGreen" | "rollbackOnErrorAlarms">,
  switches: Switches,
): RecipeDeployment {
  // Their kinds are checked with the props' shape (PROVISIONED_STACK_KEYS) before.
  const given = props.blueGreen;
  const blueGreen = given === "none" ? undefined : given;
  const rollback = props.rollbackOnErrorAlarms;
  if (rollback === true && !switches.enableEndpointMonitoring) {
    problems.add(
      "rollbackOnErrorAlarms",
      true,
      "false with enableEndpointMonitoring: false (the error alarms that would roll back are not created)",
    );
  }
  if (rollback === true && given === "none") {
    problems.add(
      "rollbackOnErrorAlarms",
      true,
      'false with blueGreen: "none" (only a blue/green deployment rolls back on alarms)',
    );
  }
  const withRollback = (rollback ?? true) && switches.enableEndpointMonitoring && given !== "none";
  return {
    blueGreen: given === undefined ? RECIPE_CANARY : blueGreen,
    rollbackAlarmKeys: withRollback ? ROLLBACK_ALARM_KEYS : [],
    defaultCanary: given === undefined,
  };
}

/** The traffic routing block of the endpoint's `deployment_config`, as an override path. */
const ROUTING = "deployment_config.blue_green_update_policy.traffic_routing_configuration";

/**
 * The default canary on fewer than 2 instances: all traffic at once instead. A canary is "less than or equal to 50%
 * of the variant's total instance count" (API `TrafficRoutingConfig.CanarySize`), which no whole instance is of one
 * instance; `endpoint_initial_instance_count` (1 by default) is a variable, so Terraform chooses: `CANARY` with its
 * canary size and 10-minute wait from 2 instances, `ALL_AT_ONCE` without either below (the termination wait, the
 * alarms and the timeout stay).
 */
export function fallBackOnSingleInstance(
  endpoint: SagemakerEndpoint,
  instanceCount: TerraformVariable,
): void {
  const canary = hcl`${instanceCount.numberValue} >= 2`;
  const routing = RECIPE_CANARY.trafficRouting as { readonly waitInterval: string };
  const wait = resolveDuration(routing.waitInterval).seconds!;
  endpoint.addOverride(`${ROUTING}.type`, hcl`${canary} ? "CANARY" : "ALL_AT_ONCE"`);
  endpoint.addOverride(`${ROUTING}.wait_interval_in_seconds`, hcl`${canary} ? ${wait} : 0`);
  endpoint.addOverride(`${ROUTING}.canary_size`, undefined);
  const size = (RECIPE_CANARY.trafficRouting as { readonly canarySize: { instanceCount: number } })
    .canarySize.instanceCount;
  endpoint.addOverride(`${ROUTING}.dynamic.canary_size`, {
    for_each: hcl`${canary} ? [1] : []`,
    content: { type: "INSTANCE_COUNT", value: size },
  });
}
