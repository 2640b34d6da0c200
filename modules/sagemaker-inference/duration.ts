/**
 * Durations as the FriendsOfTerraform module writes them: a number and a unit, `"5 minutes"`, `"1 hour"`,
 * `"30 seconds"`, `"1 day"` (singular or plural, any case), or a decimal number, `"1.5 hours"`, which the module
 * multiplies out the same way. SageMaker, CloudWatch and Application Auto Scaling take whole seconds, so a duration
 * that is not a whole number of seconds (`"0.5 seconds"`) is refused.
 */
import { isUnresolved, KNOWN_AT_SYNTH, type Problems, type Rule } from "../core/validation";

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
};
const DURATION = /^(\d+)(?:\.(\d+))?\s+(second|minute|hour|day)s?$/i;

/** What a duration looks like, for error messages. */
export const DURATION_FORMAT =
  'a number and a unit (second, minute, hour or day, singular or plural) making whole seconds, e.g. "5 minutes" or "1.5 hours"';

/**
 * Seconds of a duration such as `"5 minutes"` or `"1.5 hours"`, or `undefined` when the text is not a duration
 * or not a whole number of seconds. Computed on integers (`"1.1 hours"` is 11 x 3600 / 10, exactly 3960), not
 * in floating point, where 1.1 x 3600 is 3960.0000000000005.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const [, whole = "", fraction = "", unit = ""] = match;
  const scale = 10 ** fraction.length;
  const scaledSeconds = Number(whole + fraction) * UNIT_SECONDS[unit.toLowerCase()]!;
  return scaledSeconds % scale === 0 ? scaledSeconds / scale : undefined;
}

/** The shortest way to write a number of seconds as a duration: `"1 hour"`, `"90 seconds"`. */
export function formatDuration(seconds: number): string {
  const [unit, size] = Object.entries(UNIT_SECONDS)
    .reverse()
    .find(([, size]) => seconds !== 0 && seconds % size === 0) ?? ["second", 1];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** The durations a field accepts, in seconds. */
export interface DurationRange {
  readonly min: number;
  /** @default - no upper limit */
  readonly max?: number;
  /** Accepted values are multiples of this. @default 1 */
  readonly step?: number;
}

function describeRange(range: DurationRange): string {
  const bounds =
    range.max === undefined
      ? `of "${formatDuration(range.min)}" or more`
      : `from "${formatDuration(range.min)}" to "${formatDuration(range.max)}"`;
  // A step of "1 minute" reads "in whole minutes".
  const step =
    range.step && range.step > 1
      ? ` in whole ${formatDuration(range.step).replace(/^1 /, "")}s`
      : "";
  return `a duration ${bounds}${step}`;
}

/** A duration within `range`. */
export function durationIn(range: DurationRange): Rule<string> {
  return (value) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) return `${describeRange(range)}, written as ${DURATION_FORMAT}`;
    const inRange =
      seconds >= range.min &&
      (range.max === undefined || seconds <= range.max) &&
      seconds % (range.step ?? 1) === 0;
    return inRange ? undefined : describeRange(range);
  };
}

/**
 * Checks a duration prop. Unlike most props, a duration cannot be a token: it becomes a number of seconds
 * when the stack is synthesized.
 */
export function checkDuration(
  problems: Problems,
  field: string,
  value: string | undefined,
  range: DurationRange,
): void {
  if (value !== undefined && isUnresolved(value)) problems.add(field, value, KNOWN_AT_SYNTH);
  else problems.check(field, value, durationIn(range));
}

/** A duration prop as given, with its default, and its seconds once parsed (`undefined` while it does not parse). */
export interface ResolvedDuration {
  /** What the props say, to check and to show in a problem. */
  readonly given: string | undefined;
  /** The seconds of the duration given, or of the default. */
  readonly seconds: number | undefined;
}

/** Parses a duration prop once, for its check and its Terraform attribute. */
export function resolveDuration(given: string | undefined, byDefault?: string): ResolvedDuration {
  const text = given ?? byDefault;
  return {
    given,
    seconds: text === undefined || isUnresolved(text) ? undefined : parseDuration(text),
  };
}
