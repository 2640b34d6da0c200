import type { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import type { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { Construct } from "constructs";
import { createInference } from "./engine";
import { KEYED_LAYOUT } from "./layout";
import type { SagemakerInferenceProps } from "./props";

export type * from "./props";

/**
 * SageMaker models and endpoints, as the FriendsOfTerraform `aws-sagemaker-inference` module creates them:
 * models, endpoint configurations, endpoints (provisioned or serverless), auto scaling targets with
 * target-tracking policies, and CloudWatch alarms, from maps keyed by name.
 *
 * Every prop is checked when the construct is created; all problems are thrown together in one error.
 * See the README ("SagemakerInference") for the created resources, their construct ids and the grammar of
 * the auto-scaling and alarm expressions. One model on one serverless endpoint: `ServerlessEndpoint`, the same
 * engine (`engine.ts`).
 */
export class SagemakerInference extends Construct {
  /** The models, by model key. */
  public readonly models: Readonly<Record<string, SagemakerModel>>;
  /** The endpoint configurations, by endpoint key. */
  public readonly endpointConfigurations: Readonly<Record<string, SagemakerEndpointConfiguration>>;
  /** The endpoints, by endpoint key. */
  public readonly endpoints: Readonly<Record<string, SagemakerEndpoint>>;
  /** The auto-scaling targets, by `<endpoint key>/<variant key>` (a variant's key is its model's key). */
  public readonly scalingTargets: Readonly<Record<string, AppautoscalingTarget>>;
  /** The target-tracking policies, by `<endpoint key>/<variant key>/<policy key>`. */
  public readonly scalingPolicies: Readonly<Record<string, AppautoscalingPolicy>>;
  /** The CloudWatch alarms, by `<endpoint key>/<variant key>/<alarm key>`. */
  public readonly alarms: Readonly<Record<string, CloudwatchMetricAlarm>>;

  public constructor(scope: Construct, id: string, props: SagemakerInferenceProps) {
    super(scope, id);
    const created = createInference(this, props, KEYED_LAYOUT);
    this.models = created.models;
    this.endpointConfigurations = created.endpointConfigurations;
    this.endpoints = created.endpoints;
    this.scalingTargets = created.scalingTargets;
    this.scalingPolicies = created.scalingPolicies;
    this.alarms = created.alarms;
  }

  /** The name of the model `model` (a reference, so whatever uses it waits for the model). */
  public modelName(model: string): string {
    return this.find(this.models, "model", model).name;
  }

  /** The ARN of the model `model`. */
  public modelArn(model: string): string {
    return this.find(this.models, "model", model).arn;
  }

  /** The name of the endpoint `endpoint`. */
  public endpointName(endpoint: string): string {
    return this.find(this.endpoints, "endpoint", endpoint).name;
  }

  /** The ARN of the endpoint `endpoint`. */
  public endpointArn(endpoint: string): string {
    return this.find(this.endpoints, "endpoint", endpoint).arn;
  }

  /** The name of the configuration of the endpoint `endpoint`. */
  public endpointConfigurationName(endpoint: string): string {
    return this.find(this.endpointConfigurations, "endpoint configuration", endpoint).name;
  }

  /** The ARN of the configuration of the endpoint `endpoint`. */
  public endpointConfigurationArn(endpoint: string): string {
    return this.find(this.endpointConfigurations, "endpoint configuration", endpoint).arn;
  }

  /** The ARN of a target-tracking policy, by endpoint key, variant (model) key and policy key. */
  public scalingPolicyArn(endpoint: string, variant: string, policy: string): string {
    return this.find(this.scalingPolicies, "scaling policy", `${endpoint}/${variant}/${policy}`)
      .arn;
  }

  /** The ARN of an alarm, by endpoint key, variant (model) key and alarm key. */
  public alarmArn(endpoint: string, variant: string, alarm: string): string {
    return this.find(this.alarms, "alarm", `${endpoint}/${variant}/${alarm}`).arn;
  }

  private find<T>(resources: Readonly<Record<string, T>>, kind: string, key: string): T {
    if (Object.hasOwn(resources, key)) return resources[key]!;
    const known = Object.keys(resources);
    const shown = known.length > 0 ? known.slice(0, 10).join(", ") : "none";
    throw new Error(
      `SagemakerInference '${this.node.path}' has no ${kind} '${key}' (${kind} keys: ${shown}${known.length > 10 ? ", ..." : ""})`,
    );
  }
}
