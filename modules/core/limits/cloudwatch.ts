/** CloudWatch's limits. */
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
