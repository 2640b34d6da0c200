import type { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import type { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { Construct } from "constructs";
import { acknowledge } from "../policy/acknowledgements";
import { SERVERLESS_NETWORK_ISOLATION_REASON } from "../serverless-endpoint/serverless-endpoint";
import { createAlarms } from "./alarms";
import { createAutoScaling, type CreatedAutoScaling } from "./auto-scaling";
import { createEndpoint } from "./endpoints";
import { createModel } from "./models";
import { endpointNameOf, variantNameOf } from "./names";
import type { EndpointProps, SagemakerInferenceProps } from "./props";
import { tagsFor, type TagsFor } from "./tags";
import { validateInference } from "./validate";

export type * from "./props";

/**
 * SageMaker models and endpoints, as the FriendsOfTerraform `aws-sagemaker-inference` module creates them:
 * models, endpoint configurations, endpoints (provisioned or serverless), auto scaling targets with
 * target-tracking policies, and CloudWatch alarms, from maps keyed by name.
 *
 * Every prop is checked when the construct is created; all problems are thrown together in one error.
 * See the README ("SagemakerInference") for the created resources, their construct ids and the grammar of
 * the auto-scaling and alarm expressions.
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
    const tags = tagsFor(props.additionalTagsAll, props.managedByTag ?? true);
    validateInference(props, tags).throwIfAny(this);

    const models: Record<string, SagemakerModel> = {};
    for (const [key, model] of Object.entries(props.models)) {
      models[key] = createModel(this, key, model, tags);
    }
    this.models = models;

    const configurations: Record<string, SagemakerEndpointConfiguration> = {};
    const endpoints: Record<string, SagemakerEndpoint> = {};
    const created: Created = { scalingTargets: {}, scalingPolicies: {}, alarms: {} };
    for (const [key, endpoint] of Object.entries(props.endpoints ?? {})) {
      const { configuration, endpoint: resource } = createEndpoint(
        this,
        key,
        endpoint,
        models,
        tags,
      );
      configurations[key] = configuration;
      endpoints[key] = resource;
      this.createVariantResources(key, endpoint, resource, tags, created);
    }
    // A model a serverless endpoint serves cannot be isolated (validation refuses it): the finding is AWS's limit.
    const servedServerless = new Set(
      Object.values(props.endpoints ?? {}).flatMap((endpoint) =>
        endpoint.serverless ? [endpoint.serverless.variant.modelName] : [],
      ),
    );
    for (const modelKey of servedServerless) {
      acknowledge(
        models[modelKey]!,
        "sagemaker-model-network-isolation",
        SERVERLESS_NETWORK_ISOLATION_REASON,
      );
    }
    this.endpointConfigurations = configurations;
    this.endpoints = endpoints;
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

  private createVariantResources(
    endpointKey: string,
    endpoint: EndpointProps,
    resource: SagemakerEndpoint,
    tags: TagsFor,
    created: Created,
  ): void {
    const endpointName = endpointNameOf(endpointKey, endpoint);
    const serverless = endpoint.serverless?.variant;
    if (serverless?.autoScaling) {
      const variantKey = serverless.modelName;
      const scaling = createAutoScaling(
        this,
        {
          endpointKey,
          endpointName,
          variantKey,
          variantName: variantNameOf(variantKey, serverless),
          endpoint: resource,
          scales: "provisioned-concurrency",
          asyncInference: false,
          defaultMaximum: serverless.provisionedConcurrency!,
        },
        serverless.autoScaling,
        tags(serverless.autoScaling.additionalTags),
      );
      collect(created, `${endpointKey}/${variantKey}`, scaling);
    }

    const provisioned = endpoint.provisioned;
    if (!provisioned) return;
    const asyncInference = provisioned.asyncInvocationConfig !== undefined;
    for (const [variantKey, variant] of Object.entries(provisioned.productionVariants)) {
      const variantName = variantNameOf(variantKey, variant);
      if (variant.autoScaling) {
        const scaling = createAutoScaling(
          this,
          {
            endpointKey,
            endpointName,
            variantKey,
            variantName,
            endpoint: resource,
            scales: "instances",
            asyncInference,
            defaultMaximum: 1,
          },
          variant.autoScaling,
          tags(variant.autoScaling.additionalTags),
        );
        collect(created, `${endpointKey}/${variantKey}`, scaling);
      }
      // Correction (defect 8): alarms belong to production variants of provisioned endpoints only; the
      // module also walks serverless endpoints and fails on them.
      const alarms = createAlarms(
        this,
        { endpointKey, endpointName, variantKey, variantName, asyncInference },
        variant.cloudwatchAlarms ?? {},
        tags,
      );
      for (const [alarmKey, alarm] of Object.entries(alarms)) {
        created.alarms[`${endpointKey}/${variantKey}/${alarmKey}`] = alarm;
      }
    }
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

interface Created {
  readonly scalingTargets: Record<string, AppautoscalingTarget>;
  readonly scalingPolicies: Record<string, AppautoscalingPolicy>;
  readonly alarms: Record<string, CloudwatchMetricAlarm>;
}

function collect(created: Created, variantPath: string, scaling: CreatedAutoScaling): void {
  created.scalingTargets[variantPath] = scaling.target;
  for (const [policyKey, policy] of Object.entries(scaling.policies)) {
    created.scalingPolicies[`${variantPath}/${policyKey}`] = policy;
  }
}
