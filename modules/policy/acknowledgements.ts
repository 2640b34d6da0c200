import type { IConstruct } from "constructs";
import { Problems } from "../core/validation";

const METADATA_TYPE = "policy-acknowledgement";
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MIN_REASON_LENGTH = 10;

/** A policy finding accepted on purpose, for one rule, on a construct and everything below it. */
export interface Acknowledgement {
  /** The rule whose findings it accepts. */
  readonly ruleId: string;
  /** Why the finding is acceptable here; shown in the synth output with the finding. */
  readonly reason: string;
  /** The construct it was made on. */
  readonly scope: IConstruct;
}

interface StoredAcknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * Accepts the findings of rule `ruleId` on `scope` and every construct below it, for `reason`. The findings
 * are still reported, as info (`[<rule>] ... Acknowledged on <path>: <reason>`), so the synth output shows
 * every accepted weakness and why.
 *
 * ```ts
 * acknowledge(role, "iam-broad-managed-policy", "Kept from the original so moving its state changes nothing.");
 * ```
 */
export function acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
  const problems = new Problems();
  if (!RULE_ID.test(ruleId)) {
    problems.add("ruleId", ruleId, "a policy rule id such as s3-bucket-tls-only");
  } else if (storedOn(scope).some((stored) => stored.ruleId === ruleId)) {
    problems.add("ruleId", ruleId, "a rule not yet acknowledged on this construct");
  }
  if (reason.trim().length < MIN_REASON_LENGTH) {
    problems.add("reason", reason, `a reason of at least ${MIN_REASON_LENGTH} characters`);
  }
  problems.throwIfAny(scope);
  scope.node.addMetadata(METADATA_TYPE, { ruleId, reason } satisfies StoredAcknowledgement);
}

/** The acknowledgement of `ruleId` that covers `construct`: on it, or on the nearest scope above it. */
export function acknowledgementFor(
  construct: IConstruct,
  ruleId: string,
): Acknowledgement | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const stored = storedOn(scope).find((candidate) => candidate.ruleId === ruleId);
    if (stored) return { ...stored, scope };
  }
  return undefined;
}

/** Every acknowledgement made on `root` or below it. */
export function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((scope) => storedOn(scope).map((s) => ({ ...s, scope })));
}

function storedOn(scope: IConstruct): StoredAcknowledgement[] {
  return scope.node.metadata
    .filter((entry) => entry.type === METADATA_TYPE)
    .map((entry) => entry.data as StoredAcknowledgement);
}
