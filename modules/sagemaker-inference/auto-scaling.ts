import {
  AppautoscalingPolicy,
  type AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration,
} from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { Construct } from "constructs";
import { durationSeconds } from "./duration";
import {
  parseScalingExpression,
  type ScaledVariant,
  type ScalingExpression,
} from "./expressions/scaling-expression";
import { acceptedValue } from "./expressions/tokens";
import { nameAfter } from "../core/terraform-names";
import { constructIds, scalingPolicyNameOf } from "./names";
import type { AutoScalingProps } from "./props";

const SCALABLE_DIMENSIONS: Readonly<Record<ScaledVariant, string>> = {
  instances: "sagemaker:variant:DesiredInstanceCount",
  "provisioned-concurrency": "sagemaker:variant:DesiredProvisionedConcurrency",
};
const DEFAULT_COOLDOWN = "5 minutes";

/** The variant to scale. */
export interface ScaledVariantRef {
  readonly endpointKey: string;
  readonly endpointName: string;
  readonly variantKey: string;
  readonly variantName: string;
  readonly endpoint: SagemakerEndpoint;
  readonly scales: ScaledVariant;
  readonly asyncInference: boolean;
  readonly defaultMaximum: number;
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
  variant: ScaledVariantRef,
  autoScaling: AutoScalingProps,
  tags: Record<string, string> | undefined,
): CreatedAutoScaling {
  const target = nameAfter(
    new AppautoscalingTarget(
      scope,
      constructIds.scalingTarget(variant.endpointKey, variant.variantKey),
      {
        serviceNamespace: "sagemaker",
        resourceId: `endpoint/${variant.endpointName}/variant/${variant.variantName}`,
        scalableDimension: SCALABLE_DIMENSIONS[variant.scales],
        minCapacity: autoScaling.minimumCapacity ?? 1,
        maxCapacity: autoScaling.maximumCapacity ?? variant.defaultMaximum,
        tags,
        dependsOn: [variant.endpoint],
      },
    ),
    variant.endpointKey,
    variant.variantKey,
  );

  const policies: Record<string, AppautoscalingPolicy> = {};
  for (const [key, policy] of Object.entries(autoScaling.policies)) {
    const expression = acceptedValue(
      parseScalingExpression(policy.expression, variant),
      policy.expression,
    );
    policies[key] = nameAfter(
      new AppautoscalingPolicy(
        scope,
        constructIds.scalingPolicy(variant.endpointKey, variant.variantKey, key),
        {
          name: scalingPolicyNameOf(variant.endpointName, variant.variantName, key, policy),
          policyType: "TargetTrackingScaling",
          resourceId: target.resourceId,
          scalableDimension: target.scalableDimension,
          serviceNamespace: target.serviceNamespace,
          targetTrackingScalingPolicyConfiguration: {
            ...metricSpecification(expression, variant),
            targetValue: expression.targetValue,
            disableScaleIn: !(policy.enableScaleIn ?? true),
            scaleInCooldown: durationSeconds(policy.scaleInCooldownPeriod ?? DEFAULT_COOLDOWN),
            scaleOutCooldown: durationSeconds(policy.scaleOutCooldownPeriod ?? DEFAULT_COOLDOWN),
          },
        },
      ),
      variant.endpointKey,
      variant.variantKey,
      key,
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
