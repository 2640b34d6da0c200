import type { ConfiguredElement, StackConfiguration } from "./configuration";

/** `error` fails synth; `warning` is printed. */
export type Severity = "error" | "warning";

/** What a rule found on one element. A plain string is a finding at the rule's severity. */
export type RuleFinding = string | { readonly message: string; readonly severity: Severity };

/** One security rule, checked on every resource and data source of the types it names. */
export interface PolicyRule {
  /** Stable id, used in findings and to acknowledge them, e.g. `s3-bucket-tls-only`. */
  readonly id: string;
  /** Severity of its findings. */
  readonly severity: Severity;
  /** What it checks, in one sentence (the README's rules table shows it). */
  readonly what: string;
  /** Why it matters. */
  readonly why: string;
  /**
   * The checkov checks it corresponds to (`CKV_AWS_98`), so a team that runs checkov can map its report onto this
   * pack; empty when checkov has no such check.
   */
  readonly checkov: readonly string[];
  /** The cdk-nag rule or AWS guidance it corresponds to (the checkov ids are in `checkov`). */
  readonly reference: string;
  /**
   * The element types it checks, as in addresses: `aws_s3_bucket`, `data.aws_iam_policy_document`; `all` for
   * every resource and data source.
   */
  readonly appliesTo: readonly string[] | "all";
  /** The findings on one element (none when it complies). `configuration` gives the rest of the stack. */
  check(element: ConfiguredElement, configuration: StackConfiguration): readonly RuleFinding[];
}

/** A finding about something the rule cannot check at synth (computed by Terraform): always a warning. */
export function unverifiable(message: string): RuleFinding {
  return { message, severity: "warning" };
}
