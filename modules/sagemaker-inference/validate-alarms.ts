import { SNS_TOPIC_ARN } from "../core/limits/sns";
import { integerAtLeast, integerBetween, matches, maxLength } from "../core/rules";
import { isUnresolved, type Problems, type UniqueNames } from "../core/validation";
import { checkDuration, formatDuration, parseDuration } from "./duration";
import { ALARM_GRAMMAR, parseAlarmExpression } from "./expressions/alarm-expression";
import { checkExpression } from "./expressions/check-expression";
import { alarmNameOf } from "./names";
import type { AlarmProps } from "./props";
import type { TagsFor } from "./tags";
import { validateTagCount } from "./validate-models";

/** CloudWatch `AlarmName`: 1-255 characters, no control characters. */
const ALARM_NAME = matches(
  /^[^\p{Cc}]{1,255}$/u,
  "an alarm name of 1-255 characters without control characters",
);

/** The alarm period the module documents: "1 minute" to "6 hours"; CloudWatch wants whole minutes. */
export const ALARM_PERIOD = { min: 60, max: 6 * 3600, step: 60 } as const;
export const DEFAULT_ALARM_PERIOD = "1 minute";

/** The production variant the alarms watch. */
export interface AlarmedVariant {
  readonly endpointName: string;
  readonly variantName: string;
  readonly asyncInference: boolean;
}

/**
 * Checks the alarms of one variant. `alarmNames` holds every alarm name of the construct so far.
 */
export function validateAlarms(
  problems: Problems,
  field: string,
  alarms: Readonly<Record<string, AlarmProps>>,
  variant: AlarmedVariant,
  alarmNames: UniqueNames,
  tagsFor: TagsFor,
): void {
  for (const [key, alarm] of Object.entries(alarms)) {
    const alarmField = `${field}.${key}`;
    checkExpression(problems, `${alarmField}.expression`, alarm.expression, ALARM_GRAMMAR, (text) =>
      parseAlarmExpression(text, variant),
    );

    checkDuration(problems, `${alarmField}.period`, alarm.period, ALARM_PERIOD);
    const evaluationPeriods = alarm.evaluationPeriods ?? 1;
    problems.check(`${alarmField}.evaluationPeriods`, evaluationPeriods, integerAtLeast(1));
    checkEvaluationRange(problems, `${alarmField}.evaluationPeriods`, alarm, evaluationPeriods);
    problems.check(
      `${alarmField}.datapointsToAlarm`,
      alarm.datapointsToAlarm,
      // Against an unknown or invalid evaluationPeriods (reported above) only the lower bound is clear.
      isUnresolved(evaluationPeriods) || !(evaluationPeriods >= 1)
        ? integerAtLeast(1)
        : integerBetween(1, evaluationPeriods, ` (evaluationPeriods is ${evaluationPeriods})`),
    );
    problems.check(`${alarmField}.description`, alarm.description, maxLength(1024));
    problems.check(`${alarmField}.notificationSnsTopic`, alarm.notificationSnsTopic, SNS_TOPIC_ARN);
    validateTagCount(problems, `${alarmField}.additionalTags`, alarm.additionalTags, tagsFor);

    const name = alarmNameOf(variant.endpointName, variant.variantName, key, alarm);
    const nameField = alarm.alarmName === undefined ? alarmField : `${alarmField}.alarmName`;
    problems.check(nameField, name, ALARM_NAME);
    alarmNames.claim(problems, nameField, name);
  }
}

/**
 * CloudWatch evaluates at most one day of data for periods under an hour, at most seven days otherwise
 * (period x evaluation periods, `PutMetricAlarm`).
 */
function checkEvaluationRange(
  problems: Problems,
  field: string,
  alarm: AlarmProps,
  evaluationPeriods: number,
): void {
  const period = isUnresolved(alarm.period)
    ? undefined
    : parseDuration(alarm.period ?? DEFAULT_ALARM_PERIOD);
  if (period === undefined || isUnresolved(evaluationPeriods) || period <= 0) return;
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
