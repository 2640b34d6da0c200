/**
 * Deployment guardrails of an endpoint: what `blueGreen`, `rollingUpdate` and `autoRollback` resolve to, their
 * checks (AWS's limits in modules/core/limits/deployment.ts, and which endpoints take which policy), and the
 * endpoint's `deployment_config` block.
 */
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type {
  SagemakerEndpoint,
  SagemakerEndpointDeploymentConfig,
} from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import { Token } from "cdktf";
import {
  CANARY_SIZE,
  CAPACITY_INSTANCE_COUNT,
  DEPLOYMENT_TIMEOUT,
  DEPLOYMENT_WAIT_INTERVAL,
  GUARDRAIL_EXCLUSIONS,
  instanceShareProblem,
  LINEAR_STEP_SIZE,
  PROVIDER_UPDATE_WAIT,
  ROLLBACK_ALARM_COUNT,
  ROLLBACK_ALARM_NAME,
  ROLLBACK_BATCH_SIZE,
  ROLLING_BATCH_SIZE,
  TERMINATION_WAIT,
  timeoutAfterWaits,
  TRAFFIC_ROUTING_TYPE,
  TRAFFIC_ROUTING_TYPES,
  type CapacityShare,
} from "../core/limits/deployment";
import { isUnresolved, KNOWN_AT_SYNTH, UniqueNames, type Problems } from "../core/validation";
import type { ResolvedAlarm } from "./alarms";
import { checkDuration, formatDuration, resolveDuration, type ResolvedDuration } from "./duration";
import type { CapacitySizeProps, DeploymentGuardrailsProps } from "./props";
import type { ResolvedProductionVariant, ResolvedProvisioned } from "./provisioned";
import type { ResolvedServerlessVariant } from "./serverless";

type TrafficRoutingType = (typeof TRAFFIC_ROUTING_TYPES)[number];

/** Which prop of a traffic routing type holds its size. */
const SIZE_PROP = { CANARY: "canarySize", LINEAR: "linearStepSize" } as const;

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

function ownAlarmsMatching(
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

/** Every problem of the endpoint's guardrails. */
export function validateDeployment(problems: Problems, deployment: ResolvedDeployment): void {
  const { field, props, blueGreen, rollingUpdate, provisioned, serverless } = deployment;
  if (blueGreen && rollingUpdate) {
    problems.add(field, "blueGreen and rollingUpdate", "at most one of blueGreen or rollingUpdate");
  }
  if (props.autoRollback && !blueGreen && !rollingUpdate) {
    problems.add(
      `${field}.autoRollback`,
      "autoRollback without blueGreen or rollingUpdate",
      "blueGreen or rollingUpdate with autoRollback (a deployment_config holds exactly one update policy)",
    );
  }
  checkExclusions(problems, deployment);
  if (blueGreen) checkBlueGreen(problems, blueGreen, deployment);
  if (rollingUpdate && !serverless) checkRollingUpdate(problems, rollingUpdate, provisioned);
  if (props.autoRollback) checkRollbackAlarms(problems, deployment);
}

/** The endpoints and variants a guardrail cannot work on. */
function checkExclusions(problems: Problems, deployment: ResolvedDeployment): void {
  const { field, blueGreen, rollingUpdate, provisioned, serverless } = deployment;
  if (serverless) {
    if (serverless.name === undefined) {
      problems.add(`${serverless.field}.variantName`, null, GUARDRAIL_EXCLUSIONS.stableVariantName);
    }
    if (rollingUpdate) {
      problems.add(
        `${field}.rollingUpdate`,
        "a serverless endpoint",
        GUARDRAIL_EXCLUSIONS.rollingServerless,
      );
    }
    if (blueGreen?.type === "CANARY" || blueGreen?.type === "LINEAR") {
      problems.add(
        `${blueGreen.field}.trafficRouting.type`,
        blueGreen.type,
        GUARDRAIL_EXCLUSIONS.serverlessTrafficRouting,
      );
    }
  }
  if (provisioned) {
    const variants = provisioned.productionVariants;
    if (rollingUpdate && variants.length > 1) {
      problems.add(
        `${field}.rollingUpdate`,
        `${variants.length} production variants`,
        GUARDRAIL_EXCLUSIONS.rollingMultiVariant,
      );
    }
    for (const variant of [...variants, ...provisioned.shadowVariants]) {
      const type = variant.props.instanceType;
      if (!isUnresolved(type) && type.startsWith("ml.inf1.")) {
        problems.add(`${variant.field}.instanceType`, type, GUARDRAIL_EXCLUSIONS.inf1);
      }
    }
  }
}

function checkBlueGreen(
  problems: Problems,
  blueGreen: ResolvedBlueGreen,
  deployment: ResolvedDeployment,
): void {
  const { field, type } = blueGreen;
  const props = deployment.props.blueGreen!;
  const routing = props.trafficRouting;
  const routingField = `${field}.trafficRouting`;
  if (routing !== undefined && type === undefined) {
    problems.add(
      `${routingField}.type`,
      routing.type,
      isUnresolved(routing.type) ? KNOWN_AT_SYNTH : TRAFFIC_ROUTING_TYPE.description,
    );
  }
  if (routing !== undefined && type !== undefined) {
    // What the types exclude: a size or wait interval the routing type does not take, or one it needs left out.
    const given = routing as Partial<
      Record<"canarySize" | "linearStepSize" | "waitInterval", unknown>
    >;
    for (const routingType of ["CANARY", "LINEAR"] as const) {
      const prop = SIZE_PROP[routingType];
      if (type !== routingType && given[prop] !== undefined) {
        problems.add(`${routingField}.${prop}`, given[prop], `no ${prop} with type ${type}`);
      }
    }
    if (type === "ALL_AT_ONCE" && given.waitInterval !== undefined) {
      problems.add(
        `${routingField}.waitInterval`,
        given.waitInterval,
        "no waitInterval with type ALL_AT_ONCE: it shifts once (terminationWait keeps the old fleet)",
      );
    }
    if (type !== "ALL_AT_ONCE") {
      if (blueGreen.size === undefined) {
        problems.add(
          `${routingField}.${SIZE_PROP[type]}`,
          undefined,
          `a size for ${type}: { instanceCount } or { capacityPercent }`,
        );
      }
      if (blueGreen.waitInterval.given === undefined) {
        problems.add(`${routingField}.waitInterval`, undefined, `a baking period for ${type}`);
      }
      checkDuration(
        problems,
        `${routingField}.waitInterval`,
        blueGreen.waitInterval.given,
        DEPLOYMENT_WAIT_INTERVAL,
      );
    }
  }
  if (blueGreen.size && !deployment.serverless) {
    checkCapacity(problems, blueGreen.size, deployment.provisioned?.productionVariants ?? []);
  }
  const { terminationWait, maximumExecutionTimeout } = blueGreen;
  checkDuration(problems, `${field}.terminationWait`, terminationWait.given, TERMINATION_WAIT);
  checkDuration(
    problems,
    `${field}.maximumExecutionTimeout`,
    maximumExecutionTimeout.given,
    DEPLOYMENT_TIMEOUT,
  );

  const waits = blueGreenWaits(blueGreen, deployment.provisioned?.productionVariants ?? []);
  if (waits !== undefined) {
    checkWaits(problems, field, maximumExecutionTimeout, {
      ...waits,
      which:
        type === "ALL_AT_ONCE"
          ? "terminationWait"
          : "the waitInterval between the shifts and terminationWait together",
      baked: "the waitInterval between the shifts",
    });
  }
}

function checkRollingUpdate(
  problems: Problems,
  rolling: ResolvedRollingUpdate,
  provisioned: ResolvedProvisioned | undefined,
): void {
  const { field } = rolling;
  const variants = provisioned?.productionVariants ?? [];
  if (rolling.batch) checkCapacity(problems, rolling.batch, variants);
  else {
    problems.add(
      `${field}.maximumBatchSize`,
      undefined,
      "a batch size: { instanceCount } or { capacityPercent }",
    );
  }
  if (rolling.rollbackBatch) checkCapacity(problems, rolling.rollbackBatch, variants);
  if (rolling.waitInterval.given === undefined) {
    problems.add(`${field}.waitInterval`, undefined, "a baking period for each batch");
  }
  checkDuration(
    problems,
    `${field}.waitInterval`,
    rolling.waitInterval.given,
    DEPLOYMENT_WAIT_INTERVAL,
  );
  checkDuration(
    problems,
    `${field}.maximumExecutionTimeout`,
    rolling.maximumExecutionTimeout.given,
    DEPLOYMENT_TIMEOUT,
  );
  const baking = rollingBaking(rolling, variants);
  if (baking !== undefined) {
    checkWaits(problems, field, rolling.maximumExecutionTimeout, {
      baking,
      termination: 0,
      which: "the waitInterval between the batches",
      baked: "the waitInterval between the batches",
    });
  }
}

/** What a deployment certainly waits: its baking periods between steps, then the termination wait. */
interface Waits {
  readonly baking: number;
  readonly termination: number;
  /** The waits together, in words. */
  readonly which: string;
  /** The baking periods, in words. */
  readonly baked: string;
}

/**
 * The deployment's waits against its timeout, and its baking periods against the AWS provider's 60 minutes; the
 * timeout only where it is a valid duration (a bad one is reported on its own).
 */
function checkWaits(
  problems: Problems,
  field: string,
  timeout: ResolvedDuration,
  waits: Waits,
): void {
  const total = waits.baking + waits.termination;
  if (
    timeout.seconds !== undefined &&
    DEPLOYMENT_TIMEOUT.rule(timeout.seconds) === undefined &&
    total >= timeout.seconds
  ) {
    const which = `${waits.which} ("${formatDuration(total)}")`;
    problems.add(
      `${field}.maximumExecutionTimeout`,
      timeout.given,
      timeoutAfterWaits(total, which)(timeout.seconds)!,
    );
  }
  if (waits.baking >= PROVIDER_UPDATE_WAIT.seconds) {
    problems.add(
      field,
      `${formatDuration(waits.baking)} of baking (${waits.baked})`,
      PROVIDER_UPDATE_WAIT.description,
    );
  }
}

/** A size of a canary, linear step or rolling batch. */
function checkCapacity(
  problems: Problems,
  size: ResolvedCapacity,
  variants: readonly ResolvedProductionVariant[],
): void {
  const { field, props, share } = size;
  if ((props.instanceCount === undefined) === (props.capacityPercent === undefined)) {
    problems.add(field, props, "one of instanceCount or capacityPercent");
    return;
  }
  if (props.capacityPercent !== undefined) {
    problems.check(`${field}.capacityPercent`, props.capacityPercent, share.percent);
    return;
  }
  const count = props.instanceCount!;
  const countField = `${field}.instanceCount`;
  if (isUnresolved(count)) return;
  if (CAPACITY_INSTANCE_COUNT.rule(count) !== undefined) {
    problems.add(countField, count, CAPACITY_INSTANCE_COUNT.description);
    return;
  }
  for (const variant of knownCounts(variants)) {
    const problem = instanceShareProblem(count, share, variant.instances, variant.name);
    if (problem !== undefined) {
      problems.add(countField, count, problem);
      return;
    }
  }
}

/**
 * The instance counts of the variants known at synth: the initial count of each variant without auto scaling (an
 * auto-scaled variant has whatever count it was scaled to when the deployment starts).
 */
function knownCounts(
  variants: readonly ResolvedProductionVariant[],
): { readonly name: string; readonly instances: number }[] {
  return variants.flatMap((variant) =>
    variant.autoScaling || isUnresolved(variant.initialInstanceCount) || isUnresolved(variant.name)
      ? []
      : [{ name: variant.name, instances: variant.initialInstanceCount }],
  );
}

/**
 * How many steps a size takes to move a variant's instances, at least: `100 / percent`, or the instances over the
 * count of the variant with the fewest; 2 where the instances are unknown (a size is at most half of them).
 */
function stepsOf(size: ResolvedCapacity, variants: readonly ResolvedProductionVariant[]): number {
  if (isUnresolved(size.value) || !(size.value >= 1)) return 2;
  if (size.type === "CAPACITY_PERCENT") return Math.max(2, Math.ceil(100 / size.value));
  const counts = knownCounts(variants).map((variant) => variant.instances);
  if (counts.length === 0) return 2;
  return Math.max(2, Math.ceil(Math.min(...counts) / size.value));
}

/**
 * What a blue/green deployment certainly waits: the wait interval between its shifts, then the termination wait.
 * Undefined while a duration is not valid (reported on its own).
 */
function blueGreenWaits(
  blueGreen: ResolvedBlueGreen,
  variants: readonly ResolvedProductionVariant[],
): { readonly baking: number; readonly termination: number } | undefined {
  const termination = validSeconds(blueGreen.terminationWait, TERMINATION_WAIT);
  if (termination === undefined || blueGreen.type === undefined) return undefined;
  if (blueGreen.type === "ALL_AT_ONCE") return { baking: 0, termination };
  const wait = validSeconds(blueGreen.waitInterval, DEPLOYMENT_WAIT_INTERVAL);
  if (wait === undefined) return undefined;
  const shifts =
    blueGreen.type === "CANARY" || !blueGreen.size ? 2 : stepsOf(blueGreen.size, variants);
  return { baking: wait * (shifts - 1), termination };
}

/** What a rolling deployment certainly bakes: the wait interval between its batches. */
function rollingBaking(
  rolling: ResolvedRollingUpdate,
  variants: readonly ResolvedProductionVariant[],
): number | undefined {
  const wait = validSeconds(rolling.waitInterval, DEPLOYMENT_WAIT_INTERVAL);
  if (wait === undefined || !rolling.batch) return undefined;
  return wait * (stepsOf(rolling.batch, variants) - 1);
}

function validSeconds(
  duration: ResolvedDuration,
  range: { readonly min: number; readonly max: number },
): number | undefined {
  const { seconds } = duration;
  return seconds !== undefined && seconds >= range.min && seconds <= range.max
    ? seconds
    : undefined;
}

/** 1-10 alarms, each once, each one of the endpoint's own or a valid alarm name. */
function checkRollbackAlarms(problems: Problems, deployment: ResolvedDeployment): void {
  const field = `${deployment.field}.autoRollback`;
  const rollback = deployment.props.autoRollback!;
  // Each alarm is a block of its own: the list must be written out (its names may be Terraform expressions).
  let listsKnown = true;
  for (const prop of ["cloudwatchAlarms", "alarmNames"] as const) {
    if (Token.isUnresolved(rollback[prop] ?? [])) {
      problems.add(
        `${field}.${prop}`,
        rollback[prop],
        "a list written out at synth (its entries may be Terraform expressions)",
      );
      listsKnown = false;
    }
  }
  const count = deployment.rollbackAlarms.length;
  if (listsKnown && ROLLBACK_ALARM_COUNT.rule(count) !== undefined) {
    problems.add(field, `${count} alarms`, ROLLBACK_ALARM_COUNT.description);
  }
  const names = new UniqueNames("an alarm no other rollback alarm of this endpoint names");
  for (const alarm of deployment.rollbackAlarms) {
    if (alarm.kind === "name") {
      problems.check(alarm.field, alarm.given, ROLLBACK_ALARM_NAME);
      names.claim(problems, alarm.field, alarm.given);
    } else if (alarm.alarm) {
      names.claim(problems, alarm.field, alarm.alarm.name);
    } else if (!isUnresolved(alarm.given)) {
      problems.add(alarm.field, alarm.given, ownAlarmReference(alarm.given, deployment));
    }
  }
}

/** What a key of the endpoint's own alarms may be, for one that names none or several. */
function ownAlarmReference(given: string, deployment: ResolvedDeployment): string {
  const variants = deployment.provisioned?.productionVariants ?? [];
  const matching = ownAlarmsMatching(given, deployment.provisioned);
  if (matching.length > 1) {
    const where = matching.map((alarm) => `${alarm.variant.variantKey}/${alarm.key}`).join(", ");
    return `<variant key>/<alarm key>: more than one variant has an alarm ${given} (${where})`;
  }
  const keys = variants.flatMap((variant) =>
    variant.alarms.map((alarm) => `${variant.modelKey}/${alarm.key}`),
  );
  const known = keys.length === 0 ? "there are none" : keys.slice(0, 10).join(", ");
  return `the key of an alarm in cloudwatchAlarms of this endpoint's production variants (${known})`;
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

/** Sets the endpoint's `deployment_config`, when it has guardrails. */
export function applyDeployment(
  endpoint: SagemakerEndpoint,
  deployment: ResolvedDeployment | undefined,
  alarms: Readonly<Record<string, CloudwatchMetricAlarm>>,
): void {
  const block = deployment ? deploymentConfigBlock(deployment, alarms) : undefined;
  if (block) endpoint.putDeploymentConfig(block);
}
