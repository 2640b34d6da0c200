/**
 * The names the construct gives what it creates, and the construct ids it creates them under. Validation
 * and the builders both use these, so they agree on every default.
 */
import type {
  AlarmProps,
  EndpointProps,
  InstanceVariantProps,
  ModelProps,
  ScalingPolicyProps,
  ServerlessVariantProps,
} from "./props";

/** A model's name: `name`, else its key. */
export function modelNameOf(modelKey: string, model: ModelProps): string {
  return model.name ?? modelKey;
}

/** An endpoint's name: `name`, else its key. */
export function endpointNameOf(endpointKey: string, endpoint: EndpointProps): string {
  return endpoint.name ?? endpointKey;
}

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

/** A scaling policy's name: `policyName`, else `<endpoint name>/<variant>/<policy key>`. */
export function scalingPolicyNameOf(
  endpointName: string,
  variantName: string,
  policyKey: string,
  policy: ScalingPolicyProps,
): string {
  return policy.policyName ?? `${endpointName}/${variantName}/${policyKey}`;
}

/** An alarm's name: `alarmName`, else `<endpoint name>/<variant>/<alarm key>`. */
export function alarmNameOf(
  endpointName: string,
  variantName: string,
  alarmKey: string,
  alarm: AlarmProps,
): string {
  return alarm.alarmName ?? `${endpointName}/${variantName}/${alarmKey}`;
}

/**
 * Construct ids: the kind of resource, then the keys that lead to it, joined by `_`. SageMaker names
 * cannot contain `_`, so `endpoint_a-b_c` and `endpoint_a_b-c` never collide. In a ProjectStack the Terraform
 * name is the keys alone (`nameAfter`, modules/core/terraform-names.ts): `aws_appautoscaling_target.realtime_demo_model`;
 * in a plain TerraformStack cdktf's path and hash (`<construct id>_scaling-target_realtime_demo-model_<hash>`).
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
