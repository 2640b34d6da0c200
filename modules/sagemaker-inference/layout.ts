/**
 * Where the engine puts what it creates: the construct id of each resource, the keys its Terraform name is made of
 * in a ProjectStack (`nameAfter`, modules/core/terraform-names.ts), and how a prop path of the engine reads in the
 * props of the construct in front of it. `SagemakerInference` uses {@link KEYED_LAYOUT}; `ServerlessEndpoint`, one
 * model on one endpoint, a layout of its own.
 */

import type { IConstruct } from "constructs";
import { nameAfter } from "../core/terraform-names";

/** A resource's construct id, and the keys its Terraform name is made of, if not the construct ids on its path. */
export interface ResourceId {
  readonly id: string;
  readonly nameAfter?: readonly string[];
}

export interface ConstructIds {
  readonly model: (model: string) => ResourceId;
  /** The local holding what the model's name is derived from (content-names.ts). */
  readonly modelContent: (model: string) => ResourceId;
  readonly endpointConfiguration: (endpoint: string) => ResourceId;
  /** The local holding what the endpoint configuration's name is derived from. */
  readonly endpointConfigurationContent: (endpoint: string) => ResourceId;
  readonly endpoint: (endpoint: string) => ResourceId;
  readonly scalingTarget: (endpoint: string, variant: string) => ResourceId;
  readonly scalingPolicy: (endpoint: string, variant: string, policy: string) => ResourceId;
  readonly alarm: (endpoint: string, variant: string, alarm: string) => ResourceId;
}

export interface InferenceLayout {
  readonly ids: ConstructIds;
  /** The field a problem names, for a prop path of `SagemakerInferenceProps` (`endpoints.e.encryptionKeyArn`). */
  readonly field: (path: string) => string;
}

/**
 * The kind of resource, then the keys that lead to it, joined by `_`. SageMaker names cannot contain `_`, so
 * `endpoint_a-b_c` and `endpoint_a_b-c` never collide. In a ProjectStack the Terraform name is the keys alone:
 * `aws_appautoscaling_target.realtime_demo_model`; in a plain TerraformStack cdktf's path and hash
 * (`<construct id>_scaling-target_realtime_demo-model_<hash>`).
 */
export const KEYED_IDS: ConstructIds = {
  model: (model) => ({ id: `model_${model}`, nameAfter: [model] }),
  // Locals have no type to tell them apart: their names start with what they are.
  modelContent: (model) => ({
    id: `model-content_${model}`,
    nameAfter: ["model_content", model],
  }),
  endpointConfiguration: (endpoint) => ({
    id: `endpoint-configuration_${endpoint}`,
    nameAfter: [endpoint],
  }),
  endpointConfigurationContent: (endpoint) => ({
    id: `endpoint-configuration-content_${endpoint}`,
    nameAfter: ["endpoint_configuration_content", endpoint],
  }),
  endpoint: (endpoint) => ({ id: `endpoint_${endpoint}`, nameAfter: [endpoint] }),
  scalingTarget: (endpoint, variant) => ({
    id: `scaling-target_${endpoint}_${variant}`,
    nameAfter: [endpoint, variant],
  }),
  scalingPolicy: (endpoint, variant, policy) => ({
    id: `scaling-policy_${endpoint}_${variant}_${policy}`,
    nameAfter: [endpoint, variant, policy],
  }),
  alarm: (endpoint, variant, alarm) => ({
    id: `alarm_${endpoint}_${variant}_${alarm}`,
    nameAfter: [endpoint, variant, alarm],
  }),
};

export const KEYED_LAYOUT: InferenceLayout = { ids: KEYED_IDS, field: (path) => path };

/** `element`, named after the keys of `id` where it has them. */
export function named<T extends IConstruct>(element: T, id: ResourceId): T {
  return id.nameAfter ? nameAfter(element, ...id.nameAfter) : element;
}
