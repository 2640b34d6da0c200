/**
 * The checks of an endpoint's deployment guardrails (resolved in `deployment.ts`): AWS's limits
 * (modules/core/limits/deployment.ts), which endpoints take which policy, the waits against the timeout and the AWS
 * provider's 60 minutes, the sizes against each variant's instances, and the rollback alarms.
 */
import { Token } from "cdktf";
import {
  CAPACITY_INSTANCE_COUNT,
  DEPLOYMENT_TIMEOUT,
  DEPLOYMENT_WAIT_INTERVAL,
  GUARDRAIL_EXCLUSIONS,
  instanceShareProblem,
  PROVIDER_UPDATE_WAIT,
  ROLLBACK_ALARM_COUNT,
  TERMINATION_WAIT,
  timeoutAfterWaits,
  TRAFFIC_ROUTING_TYPE,
} from "../core/limits/deployment";
import { knownKeys } from "../core/known-keys";
import { describedAs, NUMBER, optional, STRING, STRINGS } from "../core/kinds";
import { ALARM_NAME } from "../core/limits/cloudwatch";
import { isUnresolved, KNOWN_AT_SYNTH, UniqueNames, type Problems } from "../core/validation";
import {
  ownAlarmsMatching,
  SIZE_PROP,
  type ResolvedBlueGreen,
  type ResolvedCapacity,
  type ResolvedDeployment,
  type ResolvedRollingUpdate,
} from "./deployment";
import { checkDuration, formatDuration, type ResolvedDuration } from "./duration";
import type {
  AutoRollbackProps,
  BlueGreenProps,
  CapacitySizeProps,
  RollingUpdateProps,
  TrafficRoutingProps,
} from "./props";
import type { ResolvedProductionVariant, ResolvedProvisioned } from "./provisioned";

/**
 * The settings of the guardrails' parts. A traffic routing's are those of every type (which type takes which is
 * checked with the type), a size's both of its kinds (one of the two is checked with the size).
 */

const CAPACITY_KEYS = knownKeys<CapacitySizeProps>({
  instanceCount: optional(NUMBER),
  capacityPercent: optional(NUMBER),
});
const TRAFFIC_ROUTING_KEYS = knownKeys<TrafficRoutingProps>({
  type: STRING,
  canarySize: optional(CAPACITY_KEYS),
  linearStepSize: optional(CAPACITY_KEYS),
  waitInterval: optional(STRING),
});
export const BLUE_GREEN_KEYS = knownKeys<BlueGreenProps>({
  trafficRouting: optional(TRAFFIC_ROUTING_KEYS),
  terminationWait: optional(STRING),
  maximumExecutionTimeout: optional(STRING),
});
export const ROLLING_UPDATE_KEYS = knownKeys<RollingUpdateProps>({
  maximumBatchSize: describedAs(
    CAPACITY_KEYS,
    "a batch size: { instanceCount } or { capacityPercent }",
  ),
  waitInterval: describedAs(STRING, "a baking period for each batch"),
  rollbackMaximumBatchSize: optional(CAPACITY_KEYS),
  maximumExecutionTimeout: optional(STRING),
});
export const AUTO_ROLLBACK_KEYS = knownKeys<AutoRollbackProps>({
  cloudwatchAlarms: optional(STRINGS),
  alarmNames: optional(STRINGS),
});

/** Every problem of the endpoint's guardrails. */
export function validateDeployment(problems: Problems, deployment: ResolvedDeployment): void {
  const { field, props, blueGreen, rollingUpdate, provisioned, serverless } = deployment;
  checkSettings(problems, deployment);
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

/** Keys the guardrails' parts do not have, whatever else is wrong with them. */
function checkSettings(problems: Problems, deployment: ResolvedDeployment): void {
  const { field, props } = deployment;
  const { blueGreen, rollingUpdate, autoRollback } = props;
  BLUE_GREEN_KEYS.check(problems, `${field}.blueGreen`, blueGreen);
  const routing = blueGreen?.trafficRouting;
  const routingField = `${field}.blueGreen.trafficRouting`;
  TRAFFIC_ROUTING_KEYS.check(problems, routingField, routing);
  const given = routing as Partial<Record<"canarySize" | "linearStepSize", CapacitySizeProps>>;
  CAPACITY_KEYS.check(problems, `${routingField}.canarySize`, given?.canarySize);
  CAPACITY_KEYS.check(problems, `${routingField}.linearStepSize`, given?.linearStepSize);
  ROLLING_UPDATE_KEYS.check(problems, `${field}.rollingUpdate`, rollingUpdate);
  for (const size of ["maximumBatchSize", "rollbackMaximumBatchSize"] as const) {
    CAPACITY_KEYS.check(problems, `${field}.rollingUpdate.${size}`, rollingUpdate?.[size]);
  }
  AUTO_ROLLBACK_KEYS.check(problems, `${field}.autoRollback`, autoRollback);
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
      problems.check(alarm.field, alarm.given, ALARM_NAME);
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
