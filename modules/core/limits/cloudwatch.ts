/** CloudWatch's limits. */
import { hcl } from "../terraform-conditions";
import type { Limit } from "../validation";
import { oneOfLimit } from "./shapes";

/** The retention periods CloudWatch Logs accepts, in days (`PutRetentionPolicy`). */
const LOG_RETENTION_DAYS_VALUES = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

export const LOG_RETENTION_DAYS = oneOfLimit(
  LOG_RETENTION_DAYS_VALUES,
  `one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS_VALUES.join(", ")}`,
);

/**
 * A CloudWatch alarm name: `PutMetricAlarm`'s `AlarmName` (1-255 characters, no control characters), as SageMaker's
 * `Alarm.AlarmName` narrows it for rollback alarms (`(?!\s*$).+`: not blank). One definition for the alarms the
 * construct creates and the alarms a deployment rolls back on.
 */
export const ALARM_NAME: Limit<string> = {
  description:
    "a CloudWatch alarm name: 1-255 characters, not only whitespace, without control characters",
  rule: (value) =>
    value.length <= 255 && value.trim() !== "" && !/\p{Cc}/u.test(value)
      ? undefined
      : ALARM_NAME.description + (value.length > 255 ? ` (this one has ${value.length})` : ""),
  // Two backslashes reach RE2: the HCL string literal holds four.
  condition: (value) =>
    hcl`length(${value}) <= 255 && trimspace(${value}) != "" && !can(regex("\\\\p{Cc}", ${value}))`,
};
