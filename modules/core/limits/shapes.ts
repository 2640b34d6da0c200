/**
 * Limits of common shapes: a pattern with lengths, a range of numbers, a set of choices. Each gives the three forms
 * of a {@link Limit}: words, synth-time rule and Terraform condition.
 */
import { Fn, Op } from "cdktf";
import {
  describeChoices,
  describeNumbers,
  describeWholeNumbers,
  integerBetween,
  lengthNote,
  numberBetween,
} from "../rules";
import { allOf, hcl, matchesPattern } from "../terraform-conditions";
import type { Limit } from "../validation";

/** Lengths a string must be within, checked apart from the pattern (RE2 refuses repeat counts above 1000). */
export interface Lengths {
  /** @default - no lower bound beyond the pattern's */
  readonly min?: number;
  /** @default - no upper bound beyond the pattern's */
  readonly max?: number;
}

/**
 * A string of `lengths` matching `pattern` (anchored, RE2 and JavaScript alike: no backslashes). The rule's message
 * says how long a value over `lengths.max` is.
 */
export function patternLimit(
  pattern: string,
  description: string,
  lengths: Lengths = {},
): Limit<string> {
  const regExp = new RegExp(pattern);
  const { min, max } = lengths;
  return {
    description,
    rule: (value) =>
      (min === undefined || value.length >= min) &&
      (max === undefined || value.length <= max) &&
      regExp.test(value)
        ? undefined
        : description + (max === undefined ? "" : lengthNote(value, max)),
    condition: (value) =>
      allOf(
        ...(min === undefined ? [] : [Op.gte(Fn.lengthOf(value), min)]),
        ...(max === undefined ? [] : [Op.lte(Fn.lengthOf(value), max)]),
        matchesPattern(value, pattern),
      ),
  };
}

/** A whole number from `min` to `max`, with an optional unit (` (GB)`). */
export function wholeNumberLimit(min: number, max: number, unit = ""): Limit<number> {
  return {
    description: describeWholeNumbers(min, max, unit),
    rule: integerBetween(min, max, unit),
    condition: (value) =>
      hcl`${value} >= ${min} && ${value} <= ${max} && floor(${value}) == ${value}`,
  };
}

/** A number from `min` to `max`. */
export function numberLimit(min: number, max: number): Limit<number> {
  return {
    description: describeNumbers(min, max),
    rule: numberBetween(min, max),
    condition: (value) => hcl`${value} >= ${min} && ${value} <= ${max}`,
  };
}

/**
 * One of `values`; `description` replaces the generated `one of "a", "b" or "c"` where the choices read better
 * otherwise.
 */
export function oneOfLimit<T extends string | number>(
  values: readonly T[],
  description = describeChoices(values),
): Limit<T extends string ? string : number> {
  const list = values.map((value) => JSON.stringify(value)).join(", ");
  return {
    description,
    rule: (value) => (values.includes(value as T) ? undefined : description),
    condition: (value) => hcl`contains([${list}], ${value})`,
  };
}
