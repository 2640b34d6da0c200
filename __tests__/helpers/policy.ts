/**
 * Runs policy rules on constructs built in a fresh stack, for exact assertions on what they find:
 *
 * ```ts
 * expect(findingsOf(rule, (scope) => new KmsKey(scope, "key", {}))).toEqual([
 *   { address: "aws_kms_key.key", severity: "error", message: "..." },
 * ]);
 * ```
 */
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { evaluatePolicy } from "../../modules/policy/policy-checks";
import type { PolicyRule, Severity } from "../../modules/policy/rule";

export interface ReportedFinding {
  readonly address: string;
  readonly severity: Severity;
  readonly message: string;
}

/** What `rule` finds in a stack holding whatever `build` adds (a top-level id `x` gives address `<type>.x`). */
export function findingsOf(rule: PolicyRule, build: (scope: Construct) => void): ReportedFinding[] {
  const stack = new TerraformStack(Testing.app(), "stack");
  build(stack);
  return evaluatePolicy(stack, [rule]).map(({ address, severity, message }) => ({
    address,
    severity,
    message,
  }));
}
