/**
 * Generic synth-time rules: choices, number ranges, lengths, patterns. Each returns `undefined` for a good value,
 * otherwise the text that completes "allowed: ...". The AWS limits built on them, each with its Terraform form,
 * are in `limits/`.
 */
import { isUnresolved, type Rule } from "./validation";

/** ` (this one has N)` when `value` is longer than `max`, for messages about lengths. */
export function lengthNote(value: string, max: number): string {
  return value.length > max ? ` (this one has ${value.length})` : "";
}

/** How {@link oneOf} describes its choices: `one of "a", "b" or "c"`, with a unit such as ` (MB)`. */
export function describeChoices(values: readonly (string | number)[], unit = ""): string {
  const shown = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
  const list =
    shown.length > 1 ? `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}` : shown[0];
  return `one of ${list}${unit}`;
}

/** One of a fixed set of values. */
export function oneOf<T extends string | number>(
  values: readonly T[],
  unit = "",
): Rule<T extends string ? string : number> {
  const description = describeChoices(values, unit);
  return (value) => (values.includes(value as T) ? undefined : description);
}

/** How {@link integerBetween} describes its range. */
export function describeWholeNumbers(min: number, max: number, unit = ""): string {
  return `a whole number from ${min} to ${max}${unit}`;
}

/** A whole number from `min` to `max`, inclusive. */
export function integerBetween(min: number, max: number, unit = ""): Rule<number> {
  return (value) =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : describeWholeNumbers(min, max, unit);
}

/** How {@link numberBetween} describes its range. */
export function describeNumbers(min: number, max: number): string {
  return `a number from ${min} to ${max}`;
}

/** A number from `min` to `max`, inclusive. */
export function numberBetween(min: number, max: number): Rule<number> {
  return (value) =>
    Number.isFinite(value) && value >= min && value <= max ? undefined : describeNumbers(min, max);
}

/** A whole number of at least `min`. */
export function integerAtLeast(min: number): Rule<number> {
  return (value) =>
    Number.isInteger(value) && value >= min ? undefined : `a whole number of at least ${min}`;
}

/** A number of at least `min`. */
export function numberAtLeast(min: number): Rule<number> {
  return (value) =>
    Number.isFinite(value) && value >= min ? undefined : `a number of at least ${min}`;
}

/**
 * At most another prop's value, e.g. `atMost(maxConcurrency, "maxConcurrency")`. Anything passes while that
 * value is a token.
 */
export function atMost(limit: number, name: string): Rule<number> {
  return (value) =>
    isUnresolved(limit) || value <= limit ? undefined : `at most ${name} (${limit})`;
}

/** A string of at most `max` characters. */
export function maxLength(max: number): Rule<string> {
  return (value) =>
    value.length <= max ? undefined : `at most ${max} characters${lengthNote(value, max)}`;
}

/** A string matching `pattern`, described to the user as `description`. */
export function matches(pattern: RegExp, description: string): Rule<string> {
  return (value) => (pattern.test(value) ? undefined : description);
}
