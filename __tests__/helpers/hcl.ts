/**
 * Does a stack's HCL say what its JSON says? The HCL is read back into Terraform JSON with `@cdktf/hcl2json`
 * (HashiCorp's HCL parser) and compared with the JSON cdktf writes, value by value.
 *
 * hcl2json writes what JSON cannot tell apart from HCL in its own way, which is evened out before comparing:
 * - every block as a list of blocks: a list holding exactly one object is compared as that object;
 * - a bare expression `x` as the template `"${x}"`: at the arguments that take references (`depends_on`,
 *   `moved.from`, a variable's `type`, ...) `"${x}"` and `"x"` compare equal, and anywhere `"${null}"`,
 *   `"${true}"` or `"${5}"` compare equal to the literal.
 * - where Terraform takes a string literally (a variable's `default` and `description`, an output's
 *   `description`, the `terraform` block, a module's `source` and `version`), the HCL escapes `${` as `$${`,
 *   which hcl2json keeps: there the HCL's `$${` and `%%{` compare as `${` and `%{`.
 * Nothing else is changed: a string must be the same template, character for character.
 */
import { parse } from "@cdktf/hcl2json";

/** Arguments whose JSON strings are references or type expressions, written bare in HCL. */
const BARE_ARGUMENTS = new Set([
  "depends_on",
  "replace_triggered_by",
  "ignore_changes",
  "from",
  "to",
  "provider",
  "type",
  "providers",
]);

/** Where the HCL `hcl` means something other than the Terraform JSON `json`: one line per difference. */
export async function hclDifferences(json: unknown, hcl: string): Promise<string[]> {
  const parsed = (await parse("cdk.tf", hcl)) as unknown;
  const differences: string[] = [];
  compare(canonical(json, [], false), canonical(parsed, [], true), "", differences);
  return differences;
}

/** Is the string at `path` (keys from the top of the configuration) taken literally by Terraform? */
function isLiteral(path: readonly string[]): boolean {
  const [kind, , argument] = path;
  if (kind === "terraform") return true;
  if (kind === "variable") return argument === "default" || argument === "description";
  if (kind === "output") return argument === "description";
  if (kind === "module") return argument === "source" || argument === "version";
  return false;
}

function canonical(value: unknown, path: readonly string[], fromHcl: boolean): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && isObject(value[0])) return canonical(value[0], path, fromHcl);
    return value.map((item) => canonical(item, path, fromHcl));
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, item]) => [key, canonical(item, [...path, key], fromHcl)]),
    );
  }
  if (typeof value === "string") {
    if (isLiteral(path)) return fromHcl ? value.replace(/([$%])\1\{/g, "$1{") : value;
    const only = /^\$\{([^{}]*)\}$/.exec(value)?.[1];
    if (only === "null") return null;
    if (only === "true" || only === "false") return only === "true";
    if (only !== undefined && /^-?\d+(\.\d+)?$/.test(only)) return Number(only);
    if (only !== undefined && path.some((key) => BARE_ARGUMENTS.has(key))) return only;
  }
  return value;
}

function compare(expected: unknown, actual: unknown, path: string, differences: string[]): void {
  if (isObject(expected) && isObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      compare(expected[key], actual[key], `${path}.${key}`, differences);
    }
  } else if (
    Array.isArray(expected) &&
    Array.isArray(actual) &&
    expected.length === actual.length
  ) {
    expected.forEach((item, index) =>
      compare(item, actual[index], `${path}[${index}]`, differences),
    );
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    differences.push(`${path}: JSON ${JSON.stringify(expected)}, HCL ${JSON.stringify(actual)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
