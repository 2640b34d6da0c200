import { integerAtLeast, integerBetween, matches } from "../core/rules";
import { isUnresolved, type Problems } from "../core/validation";
import { checkDuration, KNOWN_AT_SYNTH } from "./duration";
import {
  parseScalingExpression,
  SCALING_GRAMMAR,
  type ScalingContext,
} from "./expressions/scaling-expression";
import { describeProblem } from "./expressions/tokens";
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
  problems.check(`${field}.minimumCapacity`, minimum, capacityRule);
  problems.check(`${field}.maximumCapacity`, maximum, capacityRule, (value) => {
    const limit = variant.capacityLimit;
    return limit === undefined || isUnresolved(limit.value) || value <= limit.value
      ? undefined
      : `at most ${limit.name} (${limit.value})`;
  });
  if (
    maximum !== undefined &&
    !isUnresolved(maximum) &&
    !isUnresolved(minimum) &&
    minimum > maximum
  ) {
    problems.add(`${field}.minimumCapacity`, minimum, `at most maximumCapacity (${maximum})`);
  }

  const policyNames = new Set<string>();
  for (const [key, policy] of Object.entries(autoScaling.policies)) {
    const policyField = `${field}.policies.${key}`;
    const expressionField = `${policyField}.expression`;
    if (isUnresolved(policy.expression)) {
      problems.add(expressionField, policy.expression, KNOWN_AT_SYNTH);
    } else {
      const parsed = parseScalingExpression(policy.expression, variant);
      if (!parsed.ok) {
        problems.add(
          expressionField,
          policy.expression,
          describeProblem(SCALING_GRAMMAR, parsed.problem),
        );
      }
    }
    checkDuration(problems, `${policyField}.scaleInCooldownPeriod`, policy.scaleInCooldownPeriod, {
      min: 0,
    });
    checkDuration(
      problems,
      `${policyField}.scaleOutCooldownPeriod`,
      policy.scaleOutCooldownPeriod,
      {
        min: 0,
      },
    );

    const name = scalingPolicyNameOf(variant.endpointKey, variant.variantName, key, policy);
    const nameField = policy.policyName === undefined ? policyField : `${policyField}.policyName`;
    problems.check(nameField, name, POLICY_NAME);
    if (!isUnresolved(name)) {
      if (policyNames.has(name)) {
        problems.add(nameField, name, "a policy name no other policy of this variant uses");
      }
      policyNames.add(name);
    }
  }
}
