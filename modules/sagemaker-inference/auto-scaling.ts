/**
 * Target-tracking auto scaling of a variant: what its props resolve to, its checks, and the
 * `aws_appautoscaling_target` with one `aws_appautoscaling_policy` per policy.
 */
import {
  AppautoscalingPolicy,
  type AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration,
} from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN, mapOf, NUMBER, optional, STRING, TAGS } from "../core/kinds";
import { SERVERLESS_CONCURRENCY } from "../core/limits/sagemaker";
import { atMost, integerAtLeast, matches } from "../core/rules";
import { isAllowed, UniqueNames, type Problems, type Warning } from "../core/validation";
import { checkDuration, resolveDuration, type ResolvedDuration } from "./duration";
import { checkExpression } from "./expressions/check-expression";
import {
  ignoredStatisticWarning,
  parseScalingExpression,
  SCALING_GRAMMAR,
  type ScaledVariant,
  type ScalingExpression,
} from "./expressions/scaling-expression";
import { acceptedValue, type Parsed } from "./expressions/tokens";
import { named, type InferenceLayout } from "./layout";
import type { AutoScalingProps, ScalingPolicyProps } from "./props";
import { validateTagCount, type TagsFor } from "./tags";
import type { ValidationContext } from "./validation-context";

/** Application Auto Scaling `PolicyName`: 1-256 printable characters. */
const POLICY_NAME = matches(/^[^\p{Cc}]{1,256}$/u, "a policy name of 1-256 printable characters");

const SCALABLE_DIMENSIONS: Readonly<Record<ScaledVariant, string>> = {
  instances: "sagemaker:variant:DesiredInstanceCount",
  "provisioned-concurrency": "sagemaker:variant:DesiredProvisionedConcurrency",
};
const DEFAULT_COOLDOWN = "5 minutes";
const COOLDOWNS = { min: 0 };

/** The variant to scale: what it scales and within which limits. */
export interface ScaledVariantRef {
  readonly endpointKey: string;
  readonly endpointName: string;
  readonly variantKey: string;
  readonly variantName: string;
  readonly scales: ScaledVariant;
  /** The endpoint is asynchronous: it does not publish every invocation metric. */
  readonly asyncInference: boolean;
  /** The default of `maximumCapacity`. */
  readonly defaultMaximum: number | undefined;
  /** The largest capacity AWS allows (a serverless endpoint's maxConcurrency), if any. */
  readonly capacityLimit?: { readonly value: number; readonly name: string };
}

/** Auto scaling with its defaults resolved and its expressions parsed. */
export interface ResolvedAutoScaling {
  /** `<variant field>.autoScaling` */
  readonly field: string;
  readonly props: AutoScalingProps;
  readonly variant: ScaledVariantRef;
  readonly minimumCapacity: number;
  readonly maximumCapacity: number | undefined;
  readonly policies: readonly ResolvedScalingPolicy[];
}

export interface ResolvedScalingPolicy {
  readonly key: string;
  /** `<auto scaling field>.policies.<key>` */
  readonly field: string;
  readonly props: ScalingPolicyProps;
  /** `policyName`, else `<endpoint name>/<variant>/<policy key>`. */
  readonly name: string;
  readonly expression: Parsed<ScalingExpression>;
  readonly scaleInCooldown: ResolvedDuration;
  readonly scaleOutCooldown: ResolvedDuration;
}

export function resolveAutoScaling(
  field: string,
  props: AutoScalingProps,
  variant: ScaledVariantRef,
): ResolvedAutoScaling {
  return {
    field,
    props,
    variant,
    minimumCapacity: props.minimumCapacity ?? 1,
    maximumCapacity: props.maximumCapacity ?? variant.defaultMaximum,
    policies: Object.entries(props.policies).map(([key, policy]) => ({
      key,
      field: `${field}.policies.${key}`,
      props: policy,
      name: policy.policyName ?? `${variant.endpointName}/${variant.variantName}/${key}`,
      expression: parseScalingExpression(policy.expression, variant),
      scaleInCooldown: resolveDuration(policy.scaleInCooldownPeriod, DEFAULT_COOLDOWN),
      scaleOutCooldown: resolveDuration(policy.scaleOutCooldownPeriod, DEFAULT_COOLDOWN),
    })),
  };
}

/** The settings of auto scaling and of a policy (`policies` is keyed by policy key). */
const POLICY_KEYS = knownKeys<ScalingPolicyProps>({
  expression: STRING,
  enableScaleIn: optional(BOOLEAN),
  scaleInCooldownPeriod: optional(STRING),
  scaleOutCooldownPeriod: optional(STRING),
  policyName: optional(STRING),
});
export const SCALING_KEYS = knownKeys<AutoScalingProps>({
  policies: mapOf(POLICY_KEYS),
  maximumCapacity: optional(NUMBER),
  minimumCapacity: optional(NUMBER),
  additionalTags: optional(TAGS),
});

export function validateAutoScaling(
  problems: Problems,
  scaling: ResolvedAutoScaling,
  context: ValidationContext,
): void {
  const { field, props, variant, minimumCapacity: minimum, maximumCapacity: maximum } = scaling;
  SCALING_KEYS.check(problems, field, props);
  validateTagCount(problems, `${field}.additionalTags`, props.additionalTags, context.tags);
  const capacity =
    variant.scales === "provisioned-concurrency" ? SERVERLESS_CONCURRENCY : integerAtLeast(1);
  // No advice from a value that is itself reported: a maximum or a maxConcurrency out of range bounds nothing, and
  // a maximum that defaults to an invalid provisionedConcurrency is that prop's problem.
  const limit = variant.capacityLimit;
  const validLimit = limit !== undefined && isAllowed(limit.value, capacity) ? limit : undefined;
  const validMaximum = isAllowed(maximum, capacity) ? maximum : undefined;
  problems.check(
    `${field}.minimumCapacity`,
    minimum,
    capacity,
    ...(validMaximum === undefined ? [] : [atMost(validMaximum, "maximumCapacity")]),
  );
  if (props.maximumCapacity !== undefined || validMaximum !== undefined) {
    problems.check(
      `${field}.maximumCapacity`,
      maximum,
      capacity,
      ...(validLimit === undefined ? [] : [atMost(validLimit.value, validLimit.name)]),
    );
  }

  const policyNames = new UniqueNames("a policy name no other policy of this variant uses");
  for (const policy of scaling.policies) {
    POLICY_KEYS.check(problems, policy.field, policy.props);
    checkExpression(
      problems,
      `${policy.field}.expression`,
      policy.props.expression,
      SCALING_GRAMMAR,
      policy.expression,
    );
    checkDuration(
      problems,
      `${policy.field}.scaleInCooldownPeriod`,
      policy.props.scaleInCooldownPeriod,
      COOLDOWNS,
    );
    checkDuration(
      problems,
      `${policy.field}.scaleOutCooldownPeriod`,
      policy.props.scaleOutCooldownPeriod,
      COOLDOWNS,
    );
    const nameField =
      policy.props.policyName === undefined ? policy.field : `${policy.field}.policyName`;
    problems.check(nameField, policy.name, POLICY_NAME);
    policyNames.claim(problems, nameField, policy.name);
  }
}

/** The statistics written after predefined metrics, which ignore them. */
export function scalingWarnings(scaling: ResolvedAutoScaling): Warning[] {
  return scaling.policies.flatMap((policy) => {
    const parsed = policy.expression;
    if (!parsed.ok || parsed.value.ignoredStatistic === undefined) return [];
    const { metric, ignoredStatistic } = parsed.value;
    const metricName =
      metric.type === "predefined" ? metric.predefinedMetricType : metric.metricName;
    return [
      {
        field: `${policy.field}.expression`,
        message: ignoredStatisticWarning(metricName, ignoredStatistic),
      },
    ];
  });
}

export interface CreatedAutoScaling {
  readonly target: AppautoscalingTarget;
  /** By policy key. */
  readonly policies: Readonly<Record<string, AppautoscalingPolicy>>;
}

/**
 * A scalable target for the variant (after its endpoint exists) and one target-tracking policy per
 * expression. The policies read the target's attributes, so Terraform registers the target first.
 */
export function createAutoScaling(
  scope: Construct,
  scaling: ResolvedAutoScaling,
  endpoint: SagemakerEndpoint,
  tags: TagsFor,
  layout: InferenceLayout,
): CreatedAutoScaling {
  const { variant } = scaling;
  const targetId = layout.ids.scalingTarget(variant.endpointKey, variant.variantKey);
  const target = named(
    new AppautoscalingTarget(scope, targetId.id, {
      serviceNamespace: "sagemaker",
      resourceId: `endpoint/${variant.endpointName}/variant/${variant.variantName}`,
      scalableDimension: SCALABLE_DIMENSIONS[variant.scales],
      minCapacity: scaling.minimumCapacity,
      maxCapacity: scaling.maximumCapacity!,
      tags: tags(undefined, scaling.props.additionalTags),
      dependsOn: [endpoint],
    }),
    targetId,
  );

  const policies: Record<string, AppautoscalingPolicy> = {};

  for (const policy of scaling.policies) {
    const expression = acceptedValue(policy.expression, policy.props.expression);
    const policyId = layout.ids.scalingPolicy(variant.endpointKey, variant.variantKey, policy.key);
    policies[policy.key] = named(
      new AppautoscalingPolicy(scope, policyId.id, {
        name: policy.name,
        policyType: "TargetTrackingScaling",
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        serviceNamespace: target.serviceNamespace,
        targetTrackingScalingPolicyConfiguration: {
          ...metricSpecification(expression, variant),
          targetValue: expression.targetValue,
          disableScaleIn: !(policy.props.enableScaleIn ?? true),
          scaleInCooldown: policy.scaleInCooldown.seconds,
          scaleOutCooldown: policy.scaleOutCooldown.seconds,
        },
      }),
      policyId,
    );
  }
  return { target, policies };
}

function metricSpecification(
  expression: ScalingExpression,
  variant: ScaledVariantRef,
): Partial<AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration> {
  const metric = expression.metric;
  if (metric.type === "predefined") {
    return { predefinedMetricSpecification: { predefinedMetricType: metric.predefinedMetricType } };
  }
  return {
    customizedMetricSpecification: {
      metricName: metric.metricName,
      namespace: metric.namespace,
      statistic: metric.statistic,
      dimensions: [
        { name: "EndpointName", value: variant.endpointName },
        { name: "VariantName", value: variant.variantName },
      ],
    },
  };
}
