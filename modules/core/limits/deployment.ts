/**
 * SageMaker's deployment guardrails (`DeploymentConfig` of `CreateEndpoint`/`UpdateEndpoint`, the AWS provider's
 * `deployment_config` of `aws_sagemaker_endpoint`): wait intervals, termination wait, execution timeout, the sizes
 * of canaries, linear steps and rolling batches, rollback alarms, and which endpoints accept which policy.
 *
 * Sources, all under https://docs.aws.amazon.com/sagemaker/latest/:
 * - API reference: APIReference/API_DeploymentConfig.html, API_BlueGreenUpdatePolicy.html,
 *   API_TrafficRoutingConfig.html, API_CapacitySize.html, API_RollingUpdatePolicy.html, API_AutoRollbackConfig.html,
 *   API_Alarm.html (the same ranges as botocore's `sagemaker` service model).
 * - Developer Guide: dg/deployment-guardrails.html ("Deployment guardrails only apply to Asynchronous inference and
 *   Real-time inference endpoint types"), dg/deployment-guardrails-exclusions.html, dg/deployment-guardrails-blue-
 *   green-canary.html, dg/deployment-guardrails-blue-green-linear.html, dg/deployment-guardrails-rolling.html.
 * - The AWS provider (hashicorp/terraform-provider-aws, internal/service/sagemaker/endpoint.go): its own
 *   validation of `maximum_execution_timeout_in_seconds` (600-14400, tighter than the API's 28800), exactly one of
 *   `blue_green_update_policy` or `rolling_update_policy` in a `deployment_config`, and a fixed 60-minute wait for
 *   the endpoint to be `InService` after `UpdateEndpoint` (`waitEndpointInService`).
 */
import { integerAtLeast } from "../rules";
import { hcl } from "../terraform-conditions";
import type { Limit } from "../validation";
import { oneOfLimit, wholeNumberLimit } from "./shapes";

/**
 * A whole number of seconds from `min` to `max`. A duration prop (`"5 minutes"`) is checked against the same range
 * (`min`, `max`), in words of durations.
 */
export interface SecondsLimit extends Limit<number> {
  readonly min: number;
  readonly max: number;
}

function secondsLimit(min: number, max: number): SecondsLimit {
  return { ...wholeNumberLimit(min, max, " (seconds)"), min, max };
}

/** `TrafficRoutingConfig.Type`: `ALL_AT_ONCE`, `CANARY` or `LINEAR`. */
export const TRAFFIC_ROUTING_TYPES = ["ALL_AT_ONCE", "CANARY", "LINEAR"] as const;
export const TRAFFIC_ROUTING_TYPE = oneOfLimit(TRAFFIC_ROUTING_TYPES);

/**
 * `TrafficRoutingConfig.WaitIntervalInSeconds` (the baking period after each traffic shift of a canary or linear
 * blue/green deployment) and `RollingUpdatePolicy.WaitIntervalInSeconds` (the baking period of each rolling batch):
 * 0-3600.
 */
export const DEPLOYMENT_WAIT_INTERVAL = secondsLimit(0, 3600);

/** `BlueGreenUpdatePolicy.TerminationWaitInSeconds`: how long the old fleet stays after the shift, 0-3600 (default 0). */
export const TERMINATION_WAIT = secondsLimit(0, 3600);

/**
 * `MaximumExecutionTimeoutInSeconds` of either policy: 600-28800 in the API, 600-14400 in the AWS provider's
 * validation of `maximum_execution_timeout_in_seconds` (which Terraform applies first).
 */
export const DEPLOYMENT_TIMEOUT = secondsLimit(600, 14400);

/**
 * "The timeout value should be larger than the total waiting time specified in TerminationWaitInSeconds and
 * WaitIntervalInSeconds" (`BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds`). A rolling deployment bakes each
 * batch for its wait interval, so its timeout must be larger than that too.
 */
export function timeoutAfterWaits(
  waits: number,
  which: string,
): (timeout: number) => string | undefined {
  return (timeout) =>
    timeout > waits
      ? undefined
      : `a timeout longer than ${which}, or the deployment times out before it ends`;
}

/**
 * The AWS provider waits 60 minutes for an endpoint to be `InService` after `UpdateEndpoint` (`waitEndpointInService`,
 * not configurable): a deployment whose baking periods alone reach that fails `terraform apply` while SageMaker
 * carries on.
 */
export const PROVIDER_UPDATE_WAIT = {
  seconds: 3600,
  description:
    'baking periods adding up to less than "1 hour": the AWS provider stops waiting for the endpoint after 60 ' +
    "minutes (aws_sagemaker_endpoint, not configurable) and fails the apply while SageMaker carries on",
} as const;

/** `CapacitySize.Value`: a whole number of at least 1, as instances or as a percentage of the variant's instances. */
export const CAPACITY_INSTANCE_COUNT: Limit<number> = {
  description: "a whole number of instances of at least 1",
  rule: (value) =>
    integerAtLeast(1)(value) === undefined ? undefined : CAPACITY_INSTANCE_COUNT.description,
  condition: (value) => hcl`${value} >= 1 && floor(${value}) == ${value}`,
};

/** How big one step of a deployment may be, as a share of each variant's instances. */
export interface CapacityShare {
  /** The percentages allowed for `CAPACITY_PERCENT`, with their words. */
  readonly percent: Limit<number>;
  /** The lowest share of the instances, in percent; a canary has none but a whole instance. */
  readonly minPercent?: number;
  /** The highest share of the instances, in percent; none where AWS sets no bound but the value's. */
  readonly maxPercent?: number;
  /** The share in words, e.g. "at most 50%". */
  readonly words: string;
}

/** `limit`, in other words. */
function inWords<T>(limit: Limit<T>, description: string): Limit<T> {
  return {
    description,
    rule: (value) => (limit.rule(value) === undefined ? undefined : description),
    condition: limit.condition,
  };
}

function share(min: number, max: number | undefined, words: string): CapacityShare {
  return {
    percent: inWords(
      wholeNumberLimit(min, max ?? 100),
      `a whole percentage from ${min} to ${max ?? 100} (${words} of each variant's instances)`,
    ),
    minPercent: min > 1 ? min : undefined,
    maxPercent: max,
    words,
  };
}

/** `TrafficRoutingConfig.CanarySize`: "less than or equal to 50% of the variant's total instance count". */
export const CANARY_SIZE = share(1, 50, "at most 50%");

/** `TrafficRoutingConfig.LinearStepSize`: "10-50% of the variant's total instance count". */
export const LINEAR_STEP_SIZE = share(10, 50, "10-50%");

/** `RollingUpdatePolicy.MaximumBatchSize`: "between 5% to 50% of the variant's total instance count". */
export const ROLLING_BATCH_SIZE = share(5, 50, "5-50%");

/**
 * `RollingUpdatePolicy.RollbackMaximumBatchSize`: any size of at least 1; absent or 100% rolls the whole old fleet
 * back at once (`CapacitySize`).
 */
export const ROLLBACK_BATCH_SIZE = share(1, undefined, "any share");

/**
 * What an instance count must be for `share` of a variant of `instances` instances, or `undefined` when it fits: a
 * size is a share of "the variant's total instance count" (`TrafficRoutingConfig`, `RollingUpdatePolicy`).
 */
export function instanceShareProblem(
  count: number,
  sized: CapacityShare,
  instances: number,
  variant: string,
): string | undefined {
  if (sized.maxPercent === undefined) return undefined;
  const low = Math.max(1, Math.ceil((instances * (sized.minPercent ?? 0)) / 100));
  const high = Math.floor((instances * sized.maxPercent) / 100);
  if (count >= low && count <= high) return undefined;
  const of = `${sized.words} of the ${instances} instance${instances === 1 ? "" : "s"} of variant ${variant}`;
  return low <= high
    ? `${low === high ? `${low} instance${low === 1 ? "" : "s"}` : `${low} to ${high} instances`}: ${of}`
    : `a capacityPercent instead: no whole number of instances is ${of}`;
}

/** `AutoRollbackConfig.Alarms`: 1-10 alarms. */
export const ROLLBACK_ALARM_COUNT = inWords(wholeNumberLimit(1, 10), "1 to 10 alarms");

/**
 * Which endpoints take which policy (dg/deployment-guardrails-exclusions.html, dg/deployment-guardrails.html):
 * - "When doing a blue/green or rolling deployment, your new endpoint configuration must have the same variant name
 *   as the old endpoint configuration";
 * - Inf1 (Inferentia) endpoints, Marketplace containers and Elastic Inference "cannot use deployment guardrails" and
 *   fall back to "blue/green deployment with all at once traffic shifting and no final baking period" (the construct
 *   offers neither Marketplace model packages nor Elastic Inference accelerators);
 * - rolling deployments exclude "Serverless inference endpoints" and "Multi-variant inference endpoints";
 * - guardrails "only apply to Asynchronous inference and Real-time inference endpoint types", and canary and linear
 *   sizes are shares of a variant's instances, which a serverless variant does not have: a serverless endpoint keeps
 *   SageMaker's own update, blue/green with all-at-once traffic shifting, with its termination wait, timeout and
 *   rollback alarms.
 */
export const GUARDRAIL_EXCLUSIONS = {
  stableVariantName:
    "a variant name (blue/green and rolling deployments need the new endpoint configuration to keep the variant's " +
    "name; without one the AWS provider makes up a new name for each configuration)",
  inf1:
    "an instance type other than ml.inf1 with deployment guardrails (SageMaker cannot use them on Inf1 endpoints: " +
    "it shifts all traffic at once, with no baking period)",
  rollingServerless:
    "blueGreen on a serverless endpoint (rolling deployments exclude serverless endpoints)",
  rollingMultiVariant:
    "an endpoint with one production variant (rolling deployments exclude multi-variant endpoints)",
  serverlessTrafficRouting:
    'type "ALL_AT_ONCE" on a serverless endpoint (canary and linear sizes are shares of a variant\'s instances; ' +
    "SageMaker's guardrails apply to real-time and asynchronous endpoints on instances)",
} as const;
