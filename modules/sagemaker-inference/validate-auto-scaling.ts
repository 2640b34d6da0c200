import { atMost, integerAtLeast, integerBetween, matches } from "../core/rules";
import { UniqueNames, type Problems } from "../core/validation";
import { checkDuration } from "./duration";
import { checkExpression } from "./expressions/check-expression";
import {
  parseScalingExpression,
  SCALING_GRAMMAR,
  type ScalingContext,
} from "./expressions/scaling-expression";
import { scalingPolicyNameOf } from "./names";
import type { AutoScalingProps } from "./props";

/** Application Auto Scaling `PolicyName`: 1-256 printable characters. */
const POLICY_NAME = matches(/^[^\p{Cc}]{1,256}$/u, "a policy name of 1-256 printable characters");

/** The scalable target a policy belongs to: what it scales and within which limits. */
export interface ScalableVariant extends ScalingContext {
  readonly endpointKey: string;
  readonly variantName: string;
  /** The default of `maximumCapacity`. */
  readonly defaultMaximum: number | undefined;
  /** The largest capacity AWS allows (a serverless endpoint's maxConcurrency), if any. */
  readonly capacityLimit?: { readonly value: number; readonly name: string };
}

export function validateAutoScaling(
  problems: Problems,
  field: string,
  autoScaling: AutoScalingProps,
  variant: ScalableVariant,
): void {
  const minimum = autoScaling.minimumCapacity ?? 1;
  const maximum = autoScaling.maximumCapacity ?? variant.defaultMaximum;
  const capacityRule =
    variant.scales === "provisioned-concurrency" ? integerBetween(1, 200) : integerAtLeast(1);
  const limit = variant.capacityLimit;
  problems.check(
    `${field}.minimumCapacity`,
    minimum,
    capacityRule,
    ...(maximum === undefined ? [] : [atMost(maximum, "maximumCapacity")]),
  );
  problems.check(
    `${field}.maximumCapacity`,
    maximum,
    capacityRule,
    ...(limit === undefined ? [] : [atMost(limit.value, limit.name)]),
  );

  const policyNames = new UniqueNames("a policy name no other policy of this variant uses");
  for (const [key, policy] of Object.entries(autoScaling.policies)) {
    const policyField = `${field}.policies.${key}`;
    checkExpression(
      problems,
      `${policyField}.expression`,
      policy.expression,
      SCALING_GRAMMAR,
      (text) => parseScalingExpression(text, variant),
    );
    const cooldowns = { min: 0 };
    checkDuration(
      problems,
      `${policyField}.scaleInCooldownPeriod`,
      policy.scaleInCooldownPeriod,
      cooldowns,
    );
    checkDuration(
      problems,
      `${policyField}.scaleOutCooldownPeriod`,
      policy.scaleOutCooldownPeriod,
      cooldowns,
    );

    const name = scalingPolicyNameOf(variant.endpointKey, variant.variantName, key, policy);
    const nameField = policy.policyName === undefined ? policyField : `${policyField}.policyName`;
    problems.check(nameField, name, POLICY_NAME);
    policyNames.claim(problems, nameField, name);
  }
}
