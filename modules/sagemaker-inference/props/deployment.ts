/**
 * Deployment guardrails of an endpoint: how SageMaker moves the endpoint to a new endpoint configuration (blue/green
 * with all-at-once, canary or linear traffic shifting, or a rolling update of the instances) and which CloudWatch
 * alarms roll it back. They take effect when the endpoint's configuration changes (`UpdateEndpoint`), not when the
 * endpoint is created. See docs/sagemaker-inference.md, "Deployment guardrails".
 */

/** The deployment guardrails of an endpoint. At most one of `blueGreen` or `rollingUpdate`. */
export interface DeploymentGuardrailsProps {
  /**
   * Beyond the module: a blue/green deployment. SageMaker provisions a new (green) fleet with the new configuration,
   * shifts traffic to it as `trafficRouting` says, bakes, then terminates the old (blue) fleet. Not with
   * `rollingUpdate`.
   *
   * @default - none: SageMaker's own blue/green update, all traffic at once, no baking period, no rollback alarms
   */
  readonly blueGreen?: BlueGreenProps;
  /**
   * Beyond the module: a rolling deployment of an endpoint with one production variant on instances. SageMaker
   * replaces the instances batch by batch, baking each batch, so that fewer extra instances are needed than for a
   * blue/green deployment. Not with `blueGreen`; not on serverless endpoints.
   *
   * @default - none
   */
  readonly rollingUpdate?: RollingUpdateProps;
  /**
   * Beyond the module: the CloudWatch alarms that roll the deployment back when any of them goes into ALARM while it
   * runs (1-10 alarms in all). Needs `blueGreen` or `rollingUpdate`.
   *
   * @default - none: no automatic rollback
   */
  readonly autoRollback?: AutoRollbackProps;
}

/** A blue/green deployment. */
export interface BlueGreenProps {
  /**
   * How traffic moves from the old fleet to the new one.
   *
   * @default { type: "ALL_AT_ONCE" }
   */
  readonly trafficRouting?: TrafficRoutingProps;
  /**
   * How long SageMaker keeps the old fleet after all traffic has moved to the new one, before terminating it,
   * `"0 seconds"` to `"1 hour"`.
   *
   * @default "0 seconds"
   */
  readonly terminationWait?: string;
  /**
   * How long the whole deployment may take, `"10 minutes"` to `"4 hours"`, longer than `terminationWait` and the
   * traffic routing's `waitInterval` together. SageMaker rolls back a deployment that takes longer.
   *
   * @default - none: SageMaker's default
   */
  readonly maximumExecutionTimeout?: string;
}

/** How traffic moves to the new fleet of a blue/green deployment. */
export type TrafficRoutingProps = AllAtOnceTrafficProps | CanaryTrafficProps | LinearTrafficProps;

/** All traffic moves to the new fleet in one step. */
export interface AllAtOnceTrafficProps {
  /** `ALL_AT_ONCE`: SageMaker's own way, with the guardrails' termination wait, timeout and rollback alarms. */
  readonly type: "ALL_AT_ONCE";
}

/** A canary of the new fleet takes traffic first; after its baking period, the rest of the traffic moves. */
export interface CanaryTrafficProps {
  /** `CANARY`: two steps, the canary, then the rest. Not on serverless endpoints. */
  readonly type: "CANARY";
  /** The canary: at most 50% of each variant's instances. */
  readonly canarySize: CapacitySizeProps;
  /** The canary's baking period, `"0 seconds"` to `"1 hour"`. */
  readonly waitInterval: string;
}

/** Traffic moves to the new fleet in equal steps, each baked before the next. */
export interface LinearTrafficProps {
  /** `LINEAR`: as many steps as the step size takes. Not on serverless endpoints. */
  readonly type: "LINEAR";
  /** Each step: 10-50% of each variant's instances. */
  readonly linearStepSize: CapacitySizeProps;
  /** The baking period after each step, `"0 seconds"` to `"1 hour"`. */
  readonly waitInterval: string;
}

/** A rolling deployment. */
export interface RollingUpdateProps {
  /** The instances replaced in each batch: 5-50% of the variant's instances. */
  readonly maximumBatchSize: CapacitySizeProps;
  /** The baking period of each batch, `"0 seconds"` to `"1 hour"`. */
  readonly waitInterval: string;
  /**
   * The instances of the old fleet brought back in each batch of a rollback.
   *
   * @default - the whole old fleet at once
   */
  readonly rollbackMaximumBatchSize?: CapacitySizeProps;
  /**
   * How long the whole deployment may take, `"10 minutes"` to `"4 hours"`, longer than `waitInterval`.
   *
   * @default - none: SageMaker's default
   */
  readonly maximumExecutionTimeout?: string;
}

/** A share of a variant's instances: a number of instances or a percentage, one of the two. */
export type CapacitySizeProps = InstanceCountSizeProps | CapacityPercentSizeProps;

/** A number of instances (`INSTANCE_COUNT`). */
export interface InstanceCountSizeProps {
  /**
   * The number of instances, at least 1, within the share the size allows of each variant's initial instance count
   * (checked where it is known and the variant is not auto scaled).
   */
  readonly instanceCount: number;
  readonly capacityPercent?: never;
}

/** A percentage of each variant's instances (`CAPACITY_PERCENT`). */
export interface CapacityPercentSizeProps {
  /** The whole percentage of each variant's instances, within the share the size allows. */
  readonly capacityPercent: number;
  readonly instanceCount?: never;
}

/** The alarms that roll a deployment back: 1-10 in all. */
export interface AutoRollbackProps {
  /**
   * Alarms of this endpoint's production variants, by their key in the variant's `cloudwatchAlarms`; where two
   * variants have an alarm of that key, `<variant key>/<alarm key>`. The endpoint refers to the alarm's name, so
   * Terraform creates the alarm first.
   *
   * @default []
   */
  readonly cloudwatchAlarms?: readonly string[];
  /**
   * Names of other CloudWatch alarms in the endpoint's account and region, e.g. created by another stack.
   *
   * @default []
   */
  readonly alarmNames?: readonly string[];
}
