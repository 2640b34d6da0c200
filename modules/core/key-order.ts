/**
 * The order in which Terraform iterates a map: by key, comparing the keys' UTF-8 bytes (Go's `sort.Strings`), so
 * `"10"` comes before `"9"`, `"B"` before `"a"` and `"a-b"` before `"a_b"`. A `for_each` over a map writes its
 * blocks in this order (a `dynamic "container"` block, for one), whatever order the map was written in.
 *
 * A JavaScript object does not keep its literal order either: keys that look like array indexes (`"9"`, `"10"`)
 * come first, in numeric order. Where the order of a map's entries matters, it is this one.
 */

/** Negative, zero or positive as `a` comes before, with or after `b` in Terraform's order. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** The entries of `map` in Terraform's order of its keys. */
export function inKeyOrder<T>(map: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(map).sort(([a], [b]) => compareKeys(a, b));
}
