/**
 * Names built from several inputs (`<project>-<environment>-<what>`), checked against AWS's limits: at synth time
 * when the parts are known, otherwise by a resource precondition, since Terraform 1.5 cannot validate a
 * combination of variables.
 */
import { Fn, type Precondition } from "cdktf";
import type { Limit } from "./validation";

/**
 * A precondition for the resource that carries a name joined with `-` from `parts`, e.g. `[var.project_name,
 * var.environment, "endpoint"]`: the message shows `label`, the name, its length and what `limit` allows, then
 * `hint` (what to shorten).
 */
export function derivedNamePrecondition(
  label: string,
  parts: readonly string[],
  limit: Limit<string>,
  hint: string,
): Precondition {
  // Inside function calls the name is join() of its parts: cdktf warns about, and may mis-render, a string
  // template in a function's arguments.
  const joined = Fn.join("-", [...parts]);
  // Single quotes around the name: cdktf's HCL rendering (`cdktf synth --hcl`) breaks on double quotes next
  // to an interpolation inside a string.
  return {
    condition: limit.condition(joined),
    errorMessage: `${label} is '${parts.join("-")}', ${Fn.lengthOf(joined)} characters; allowed: ${limit.description}. ${hint}`,
  };
}
