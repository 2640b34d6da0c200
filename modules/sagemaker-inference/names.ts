/**
 * The names the construct gives what it creates, and the construct ids it creates them under. Validation
 * and the builders both use these, so they agree on every default.
 */
import type {
  AlarmProps,
  EndpointProps,
  InstanceVariantProps,
  ScalingPolicyProps,
  ServerlessVariantProps,
} from "./props";

/** The endpoint configuration's name: `endpointConfigurationName`, else the endpoint's key. */
export function endpointConfigurationNameOf(endpointKey: string, endpoint: EndpointProps): string {
  return endpoint.endpointConfigurationName ?? endpointKey;
}

/** A variant's name: `variantName`, else the name of the model it hosts. */
export function variantNameOf(
  modelKey: string,
  variant: InstanceVariantProps | ServerlessVariantProps,
): string {
  return variant.variantName ?? modelKey;
}

/** A scaling policy's name: `policyName`, else `<endpoint>/<variant>/<policy key>`. */
export function scalingPolicyNameOf(
  endpointKey: string,
  variantName: string,
  policyKey: string,
  policy: ScalingPolicyProps,
): string {
  return policy.policyName ?? `${endpointKey}/${variantName}/${policyKey}`;
}

/** An alarm's name: `alarmName`, else `<endpoint>/<variant>/<alarm key>`. */
export function alarmNameOf(
  endpointKey: string,
  variantName: string,
  alarmKey: string,
  alarm: AlarmProps,
): string {
  return alarm.alarmName ?? `${endpointKey}/${variantName}/${alarmKey}`;
}

/**
 * Construct ids: the kind of resource, then the keys that lead to it, joined by `_`. SageMaker names
 * cannot contain `_`, so `endpoint_a-b_c` and `endpoint_a_b-c` never collide, and cdktf keeps `_` and `-`
 * in the Terraform address (`<construct id>_scaling-target_realtime_demo-model_<hash>`).
 */
export const constructIds = {
  model: (model: string) => `model_${model}`,
  endpointConfiguration: (endpoint: string) => `endpoint-configuration_${endpoint}`,
  endpoint: (endpoint: string) => `endpoint_${endpoint}`,
  scalingTarget: (endpoint: string, variant: string) => `scaling-target_${endpoint}_${variant}`,
  scalingPolicy: (endpoint: string, variant: string, policy: string) =>
    `scaling-policy_${endpoint}_${variant}_${policy}`,
  alarm: (endpoint: string, variant: string, alarm: string) =>
    `alarm_${endpoint}_${variant}_${alarm}`,
};
