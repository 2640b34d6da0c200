/**
 * Deployment guardrails of an endpoint: what `blueGreen`, `rollingUpdate` and `autoRollback` resolve to, and the
 * endpoint's `deployment_config` block. Their checks are in `deployment-checks.ts`.
 */
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type {
  SagemakerEndpoint,
  SagemakerEndpointDeploymentConfig,
} from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import { Token } from "cdktf";
import {
  CANARY_SIZE,
  LINEAR_STEP_SIZE,
  ROLLBACK_BATCH_SIZE,
  ROLLING_BATCH_SIZE,
  TRAFFIC_ROUTING_TYPES,
  type CapacityShare,
} from "../core/limits/deployment";
import type { ResolvedAlarm } from "./alarms";
import { resolveDuration, type ResolvedDuration } from "./duration";
import type { CapacitySizeProps, DeploymentGuardrailsProps } from "./props";
import type { ResolvedProvisioned } from "./provisioned";
import type { ResolvedServerlessVariant } from "./serverless";

export type TrafficRoutingType = (typeof TRAFFIC_ROUTING_TYPES)[number];

/** Which prop of a traffic routing type holds its size. */
export const SIZE_PROP = { CANARY: "canarySize", LINEAR: "linearStepSize" } as const;

/** A capacity size as given, and as `deployment_config` writes it. */
export interface ResolvedCapacity {
  /** e.g. `endpoints.e.blueGreen.trafficRouting.canarySize` */
  readonly field: string;
  readonly props: CapacitySizeProps;
  readonly share: CapacityShare;
  readonly type: "INSTANCE_COUNT" | "CAPACITY_PERCENT";
  readonly value: number;
}

export interface ResolvedBlueGreen {
  /** `<endpoint field>.blueGreen` */
  readonly field: string;
  /** The traffic routing type, or undefined while it is not one of the three. */
  readonly type: TrafficRoutingType | undefined;
  readonly size?: ResolvedCapacity;
  readonly waitInterval: ResolvedDuration;
  readonly terminationWait: ResolvedDuration;
  readonly maximumExecutionTimeout: ResolvedDuration;
}

export interface ResolvedRollingUpdate {
  /** `<endpoint field>.rollingUpdate` */
  readonly field: string;
  readonly batch?: ResolvedCapacity;
  readonly rollbackBatch?: ResolvedCapacity;
  readonly waitInterval: ResolvedDuration;
  readonly maximumExecutionTimeout: ResolvedDuration;
}

/**
 * An alarm that rolls the deployment back: one of the construct's own by its key (`alarm` is undefined while the key
 * names none or several), or another by its name.
 */
export type RollbackAlarm =
  | {
      readonly kind: "own";
      readonly field: string;
      readonly given: string;
      readonly alarm: ResolvedAlarm | undefined;
    }
  | { readonly kind: "name"; readonly field: string; readonly given: string };

/** The endpoint's guardrails, with what they apply to. */
export interface ResolvedDeployment {
  /** The endpoint's field, `endpoints.<key>` */
  readonly field: string;
  /** The endpoint's key: created alarms are keyed `<endpoint key>/<variant key>/<alarm key>`. */
  readonly endpointKey: string;
  readonly props: DeploymentGuardrailsProps;
  readonly blueGreen?: ResolvedBlueGreen;
  readonly rollingUpdate?: ResolvedRollingUpdate;
  readonly rollbackAlarms: readonly RollbackAlarm[];
  readonly provisioned?: ResolvedProvisioned;
  readonly serverless?: ResolvedServerlessVariant;
}

/** The guardrails of the endpoint `endpointKey`, or undefined when it has none. */
export function resolveDeployment(
  endpoint: { readonly key: string; readonly field: string },
  props: DeploymentGuardrailsProps,
  provisioned: ResolvedProvisioned | undefined,
  serverless: ResolvedServerlessVariant | undefined,
): ResolvedDeployment | undefined {
  const { blueGreen, rollingUpdate, autoRollback } = props;
  if (!blueGreen && !rollingUpdate && !autoRollback) return undefined;
  const { field } = endpoint;
  return {
    field,
    endpointKey: endpoint.key,
    props,
    blueGreen: blueGreen ? resolveBlueGreen(`${field}.blueGreen`, blueGreen) : undefined,
    rollingUpdate: rollingUpdate
      ? resolveRollingUpdate(`${field}.rollingUpdate`, rollingUpdate)
      : undefined,
    rollbackAlarms: autoRollback
      ? resolveRollbackAlarms(`${field}.autoRollback`, autoRollback)
      : [],
    provisioned,
    serverless,
  };

  function resolveRollbackAlarms(
    rollbackField: string,
    rollback: NonNullable<DeploymentGuardrailsProps["autoRollback"]>,
  ): RollbackAlarm[] {
    const own = listOf(rollback.cloudwatchAlarms).map((given, index): RollbackAlarm => ({
      kind: "own",
      field: `${rollbackField}.cloudwatchAlarms[${index}]`,
      given,
      alarm: ownAlarm(given, provisioned),
    }));
    const external = listOf(rollback.alarmNames).map((given, index): RollbackAlarm => ({
      kind: "name",
      field: `${rollbackField}.alarmNames[${index}]`,
      given,
    }));
    return [...own, ...external];
  }
}

/** The entries of a list prop; none while the list itself is a token (its length is unknown). */
function listOf(list: readonly string[] | undefined): readonly string[] {
  return list === undefined || Token.isUnresolved(list) ? [] : list;
}

/** The alarm `given` names among the endpoint's variants: `<alarm key>` or `<variant key>/<alarm key>`. */
function ownAlarm(
  given: string,
  provisioned: ResolvedProvisioned | undefined,
): ResolvedAlarm | undefined {
  const matches = ownAlarmsMatching(given, provisioned);
  return matches.length === 1 ? matches[0] : undefined;
}

export function ownAlarmsMatching(
  given: string,
  provisioned: ResolvedProvisioned | undefined,
): ResolvedAlarm[] {
  const alarms = (provisioned?.productionVariants ?? []).flatMap((variant) => variant.alarms);
  const qualified = alarms.filter((alarm) => `${alarm.variant.variantKey}/${alarm.key}` === given);
  return qualified.length > 0 ? qualified : alarms.filter((alarm) => alarm.key === given);
}

function resolveBlueGreen(
  field: string,
  props: NonNullable<DeploymentGuardrailsProps["blueGreen"]>,
): ResolvedBlueGreen {
  const routing = props.trafficRouting ?? { type: "ALL_AT_ONCE" };
  const type = (TRAFFIC_ROUTING_TYPES as readonly string[]).includes(routing.type)
    ? routing.type
    : undefined;
  const sized = type === "CANARY" || type === "LINEAR" ? sizeOf(type, routing) : undefined;
  return {
    field,
    type,
    size: sized
      ? resolveCapacity(
          `${field}.trafficRouting.${SIZE_PROP[sized.type]}`,
          sized.size,
          sized.type === "CANARY" ? CANARY_SIZE : LINEAR_STEP_SIZE,
        )
      : undefined,
    waitInterval: resolveDuration(
      type === "CANARY" || type === "LINEAR"
        ? (routing as { waitInterval?: string }).waitInterval
        : undefined,
      "0 seconds",
    ),
    terminationWait: resolveDuration(props.terminationWait, "0 seconds"),
    maximumExecutionTimeout: resolveDuration(props.maximumExecutionTimeout),
  };
}

/** The size prop of a canary or linear traffic routing, as given (undefined when it is missing). */
function sizeOf(
  type: "CANARY" | "LINEAR",
  routing: object,
): { type: "CANARY" | "LINEAR"; size: CapacitySizeProps | undefined } {
  const size = (routing as Record<string, CapacitySizeProps | undefined>)[SIZE_PROP[type]];
  return { type, size };
}

function resolveRollingUpdate(
  field: string,
  props: NonNullable<DeploymentGuardrailsProps["rollingUpdate"]>,
): ResolvedRollingUpdate {
  return {
    field,
    batch: resolveCapacity(`${field}.maximumBatchSize`, props.maximumBatchSize, ROLLING_BATCH_SIZE),
    rollbackBatch: resolveCapacity(
      `${field}.rollbackMaximumBatchSize`,
      props.rollbackMaximumBatchSize,
      ROLLBACK_BATCH_SIZE,
    ),
    waitInterval: resolveDuration(props.waitInterval),
    maximumExecutionTimeout: resolveDuration(props.maximumExecutionTimeout),
  };
}

function resolveCapacity(
  field: string,
  props: CapacitySizeProps | undefined,
  share: CapacityShare,
): ResolvedCapacity | undefined {
  if (props === undefined) return undefined;
  return props.instanceCount !== undefined
    ? { field, props, share, type: "INSTANCE_COUNT", value: props.instanceCount }
    : { field, props, share, type: "CAPACITY_PERCENT", value: props.capacityPercent };
}

/** The endpoint's `deployment_config`, its own alarms named by reference, so that they are created first. */
export function deploymentConfigBlock(
  deployment: ResolvedDeployment,
  alarms: Readonly<Record<string, CloudwatchMetricAlarm>>,
): SagemakerEndpointDeploymentConfig | undefined {
  const { blueGreen, rollingUpdate, rollbackAlarms } = deployment;
  if (!blueGreen && !rollingUpdate) return undefined;
  const alarmName = (alarm: RollbackAlarm) =>
    alarm.kind === "own"
      ? alarms[`${deployment.endpointKey}/${alarm.alarm!.variant.variantKey}/${alarm.alarm!.key}`]!
          .alarmName
      : alarm.given;
  return {
    blueGreenUpdatePolicy: blueGreen
      ? {
          trafficRoutingConfiguration: {
            type: blueGreen.type!,
            waitIntervalInSeconds: blueGreen.waitInterval.seconds!,
            canarySize: blueGreen.type === "CANARY" ? capacityBlock(blueGreen.size) : undefined,
            linearStepSize: blueGreen.type === "LINEAR" ? capacityBlock(blueGreen.size) : undefined,
          },
          terminationWaitInSeconds: blueGreen.terminationWait.seconds,
          maximumExecutionTimeoutInSeconds: blueGreen.maximumExecutionTimeout.seconds,
        }
      : undefined,
    rollingUpdatePolicy: rollingUpdate
      ? {
          maximumBatchSize: capacityBlock(rollingUpdate.batch)!,
          waitIntervalInSeconds: rollingUpdate.waitInterval.seconds!,
          rollbackMaximumBatchSize: capacityBlock(rollingUpdate.rollbackBatch),
          maximumExecutionTimeoutInSeconds: rollingUpdate.maximumExecutionTimeout.seconds,
        }
      : undefined,
    autoRollbackConfiguration:
      rollbackAlarms.length > 0
        ? { alarms: rollbackAlarms.map((alarm) => ({ alarmName: alarmName(alarm) })) }
        : undefined,
  };
}

function capacityBlock(
  size: ResolvedCapacity | undefined,
): { type: string; value: number } | undefined {
  return size ? { type: size.type, value: size.value } : undefined;
}

/**
 * The rollback alarms of a deployed endpoint, which Terraform leaves as they are. The AWS provider marks
 * `deployment_config.auto_rollback_configuration` as forcing a new endpoint (internal/service/sagemaker/endpoint.go):
 * a change to the list would destroy the endpoint and create it again under the same name, an outage. Ignored, the
 * list an endpoint was created with stays; a change takes effect when the endpoint is next created.
 * `blue_green_update_policy` and `rolling_update_policy` still update in place.
 */
export const ROLLBACK_ALARMS_PATH = "deployment_config[0].auto_rollback_configuration";

/**
 * Sets the endpoint's `deployment_config`, when it has guardrails, and has Terraform ignore later changes to its
 * rollback alarms ({@link ROLLBACK_ALARMS_PATH}).
 */
export function applyDeployment(
  endpoint: SagemakerEndpoint,
  deployment: ResolvedDeployment | undefined,
  alarms: Readonly<Record<string, CloudwatchMetricAlarm>>,
): void {
  const block = deployment ? deploymentConfigBlock(deployment, alarms) : undefined;
  if (!block) return;
  endpoint.putDeploymentConfig(block);
  const lifecycle = endpoint.lifecycle ?? {};
  endpoint.lifecycle = {
    ...lifecycle,
    ignoreChanges: [
      ...((lifecycle.ignoreChanges as string[] | undefined) ?? []),
      ROLLBACK_ALARMS_PATH,
    ],
  };
}
