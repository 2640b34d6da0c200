/**
 * Reading values of the synthesized Terraform JSON, where a nested block is an object or a list of objects
 * and any value may be a Terraform expression (`${...}`) instead of a literal.
 */

/** The entries of a list block; a single block or a scalar counts as a list of one, nothing as none. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The block as an object, or `undefined` when it is not one (not set, or an expression). */
export function asBlock(value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (Array.isArray(value)) return asBlock(value[0]);
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The strings of a string or list-of-strings argument. */
export function strings(value: unknown): string[] {
  return asList(value).filter((item): item is string => typeof item === "string");
}

/** True for a value only Terraform knows: a reference, a variable, a function call. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** True when an argument has a value: set, and not an empty string. Expressions count as set. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** How a value is shown in a finding. */
export function shown(value: unknown): string {
  return value === undefined ? "not set" : JSON.stringify(value);
}

/** A long expression cut to its first 60 characters, for messages. */
export function abbreviated(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

/** Whether a boolean argument is literally `true`; an expression is not (it is only decided at apply time). */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/** Every string in a value, with its dotted path: `statement.0.resources.1`. */
export function* stringLeaves(
  value: unknown,
  path: string,
): Generator<{ path: string; value: string }> {
  if (typeof value === "string") {
    yield { path, value };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringLeaves(item, `${path}.${index}`);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield* stringLeaves(item, path ? `${path}.${key}` : key);
    }
  }
}
