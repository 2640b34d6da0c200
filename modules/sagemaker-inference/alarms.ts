/**
 * CloudWatch alarms on a production variant: what their props resolve to, their checks and their
 * `aws_cloudwatch_metric_alarm`s.
 */
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { NUMBER, optional, STRING, TAGS } from "../core/kinds";
import { ALARM_NAME } from "../core/limits/cloudwatch";
import { SNS_TOPIC_ARN } from "../core/limits/sns";
import { integerAtLeast, integerBetween, maxLength } from "../core/rules";
import { isAllowed, isUnresolved, type Problems } from "../core/validation";
import {
  checkDuration,
  durationIn,
  formatDuration,
  resolveDuration,
  type ResolvedDuration,
} from "./duration";
import {
  ALARM_GRAMMAR,
  parseAlarmExpression,
  type AlarmExpression,
} from "./expressions/alarm-expression";
import { checkExpression } from "./expressions/check-expression";
import { acceptedValue, type Parsed } from "./expressions/tokens";
import { named, type InferenceLayout } from "./layout";
import type { AlarmProps } from "./props";
import { validateTagCount, type TagsFor } from "./tags";
import type { ValidationContext } from "./validation-context";

/** The alarm period the module documents: "1 minute" to "6 hours"; CloudWatch wants whole minutes. */
const ALARM_PERIOD = { min: 60, max: 6 * 3600, step: 60 } as const;
const DEFAULT_ALARM_PERIOD = "1 minute";

/** The production variant the alarms watch. */
export interface AlarmedVariant {
  readonly endpointKey: string;
  readonly endpointName: string;
  readonly variantKey: string;
  readonly variantName: string;
  /** The endpoint is asynchronous: it does not publish every invocation metric. */
  readonly asyncInference: boolean;
}

/** An alarm with its defaults resolved and its expression parsed. */
export interface ResolvedAlarm {
  readonly key: string;
  /** `<variant field>.cloudwatchAlarms.<key>` */
  readonly field: string;
  readonly props: AlarmProps;
  readonly variant: AlarmedVariant;
  /** `alarmName`, else `<endpoint name>/<variant>/<alarm key>`. */
  readonly name: string;
  readonly expression: Parsed<AlarmExpression>;
  readonly period: ResolvedDuration;
  readonly evaluationPeriods: number;
}

export function resolveAlarms(
  field: string,
  alarms: Readonly<Record<string, AlarmProps>>,
  variant: AlarmedVariant,
): ResolvedAlarm[] {
  return Object.entries(alarms).map(([key, props]) => ({
    key,
    field: `${field}.${key}`,
    props,
    variant,
    name: props.alarmName ?? `${variant.endpointName}/${variant.variantName}/${key}`,
    expression: parseAlarmExpression(props.expression, variant),
    period: resolveDuration(props.period, DEFAULT_ALARM_PERIOD),
    evaluationPeriods: props.evaluationPeriods ?? 1,
  }));
}

export const ALARM_KEYS = knownKeys<AlarmProps>({
  expression: STRING,
  description: optional(STRING),
  evaluationPeriods: optional(NUMBER),
  notificationSnsTopic: optional(STRING),
  period: optional(STRING),
  alarmName: optional(STRING),
  datapointsToAlarm: optional(NUMBER),
  additionalTags: optional(TAGS),
});

export function validateAlarm(
  problems: Problems,
  alarm: ResolvedAlarm,
  context: ValidationContext,
): void {
  const { field, props, evaluationPeriods } = alarm;
  ALARM_KEYS.check(problems, field, props);
  checkExpression(
    problems,
    `${field}.expression`,
    props.expression,
    ALARM_GRAMMAR,
    alarm.expression,
  );
  checkDuration(problems, `${field}.period`, props.period, ALARM_PERIOD);
  problems.check(`${field}.evaluationPeriods`, evaluationPeriods, integerAtLeast(1));
  checkEvaluationRange(problems, `${field}.evaluationPeriods`, alarm);
  problems.check(
    `${field}.datapointsToAlarm`,
    props.datapointsToAlarm,
    // Against an unknown or invalid evaluationPeriods (reported above) only the lower bound is clear.
    isUnresolved(evaluationPeriods) || !(evaluationPeriods >= 1)
      ? integerAtLeast(1)
      : integerBetween(1, evaluationPeriods, ` (evaluationPeriods is ${evaluationPeriods})`),
  );
  problems.check(`${field}.description`, props.description, maxLength(1024));
  problems.check(`${field}.notificationSnsTopic`, props.notificationSnsTopic, SNS_TOPIC_ARN);
  validateTagCount(problems, `${field}.additionalTags`, props.additionalTags, context.tags);

  const nameField = props.alarmName === undefined ? field : `${field}.alarmName`;
  problems.check(nameField, alarm.name, ALARM_NAME);
  context.alarmNames.claim(problems, nameField, alarm.name);
}

/**
 * CloudWatch evaluates at most one day of data for periods under an hour, at most seven days otherwise
 * (period x evaluation periods, `PutMetricAlarm`).
 */
function checkEvaluationRange(problems: Problems, field: string, alarm: ResolvedAlarm): void {
  const period = alarm.period.seconds;
  const evaluationPeriods = alarm.evaluationPeriods;
  // No advice from a period or a count that is itself reported (a limit computed from "30 seconds" would mislead).
  const { given } = alarm.period;
  if (
    period === undefined ||
    (given !== undefined && !isAllowed(given, durationIn(ALARM_PERIOD)))
  ) {
    return;
  }
  if (isUnresolved(evaluationPeriods) || !isAllowed(evaluationPeriods, integerAtLeast(1))) return;
  const limit = period < 3600 ? 86400 : 7 * 86400;
  if (period * evaluationPeriods > limit) {
    problems.add(
      field,
      evaluationPeriods,
      `at most ${Math.floor(limit / period)} with a period of "${formatDuration(period)}" ` +
        "(CloudWatch evaluates at most 1 day of data for periods under an hour, 7 days otherwise)",
    );
  }
}

/** The alarm, on the variant's EndpointName and VariantName dimensions. */
export function createAlarm(
  scope: Construct,
  alarm: ResolvedAlarm,
  tags: TagsFor,
  layout: InferenceLayout,
): CloudwatchMetricAlarm {
  const { props, variant } = alarm;
  const { metricName, namespace, statistic, comparisonOperator, threshold } = acceptedValue(
    alarm.expression,
    props.expression,
  );
  const topic = props.notificationSnsTopic;
  const id = layout.ids.alarm(variant.endpointKey, variant.variantKey, alarm.key);
  const created = new CloudwatchMetricAlarm(scope, id.id, {
    alarmName: alarm.name,
    alarmDescription: props.description,
    metricName,
    namespace,
    statistic,
    comparisonOperator,
    threshold,
    period: alarm.period.seconds,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: props.datapointsToAlarm,
    dimensions: { EndpointName: variant.endpointName, VariantName: variant.variantName },
    alarmActions: topic !== undefined ? [topic] : undefined,
    okActions: topic !== undefined ? [topic] : undefined,
    tags: tags(alarm.name, props.additionalTags),
  });
  return named(created, id);
}
