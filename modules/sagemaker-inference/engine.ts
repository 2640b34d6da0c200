/**
 * The engine behind `SagemakerInference` and `ServerlessEndpoint`: the props are resolved once (every default
 * filled in, every name and duration worked out, every expression parsed), then checked, then built, all from that
 * one result. Each concern (models, endpoints, provisioned and serverless variants, auto scaling, alarms) has its
 * resolution, checks and Terraform blocks in its own file.
 */
import type { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import type { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { Annotations } from "cdktf";
import type { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN, mapOf, optional, STRING, TAGS } from "../core/kinds";
import { checkTags } from "../core/limits/tags";
import { Problems, UniqueNames, type Warning } from "../core/validation";
import { acknowledge } from "../policy/acknowledgements";
import { createAlarm } from "./alarms";
import { createAutoScaling, scalingWarnings } from "./auto-scaling";
import { applyDeployment } from "./deployment";
import {
  createEndpoint,
  ENDPOINT_KEYS,
  resolveEndpoint,
  validateEndpoint,
  type ResolvedEndpoint,
} from "./endpoints";
import type { InferenceLayout } from "./layout";
import { moduleNameWarnings, validateModuleMigration, writeModuleMoves } from "./module-moves";
import {
  createModel,
  MODEL_KEYS,
  modelWarnings,
  resolveModel,
  validateModel,
  type ResolvedModel,
} from "./models";
import type { SagemakerInferenceProps } from "./props";
import { checkServerlessModel, SERVERLESS_NETWORK_ISOLATION_REASON } from "./serverless";
import { tagsFor, type TagsFor } from "./tags";

/** The props with every default resolved: what the checks and the builders both read. */
export interface ResolvedInference {
  readonly props: SagemakerInferenceProps;
  readonly tags: TagsFor;
  readonly models: readonly ResolvedModel[];
  readonly endpoints: readonly ResolvedEndpoint[];
}

export function resolveInference(props: SagemakerInferenceProps): ResolvedInference {
  return {
    props,
    tags: tagsFor(props.additionalTagsAll, props.managedByTag ?? true, props.nameTag ?? false),
    models: Object.entries(props.models).map(([key, model]) => resolveModel(key, model)),
    endpoints: Object.entries(props.endpoints ?? {}).map(([key, endpoint]) =>
      resolveEndpoint(key, endpoint),
    ),
  };
}

/** The construct's own settings. The keys of `models` and `endpoints` are the user's names: only their values have sets. */
const INFERENCE_KEYS = knownKeys<SagemakerInferenceProps>({
  models: mapOf(MODEL_KEYS),
  endpoints: optional(mapOf(ENDPOINT_KEYS)),
  additionalTagsAll: optional(TAGS),
  managedByTag: optional(BOOLEAN),
  nameTag: optional(BOOLEAN),
  migrateFromModule: optional(STRING),
});

/** Every problem of the props, in the order of the props: unknown settings, tags for all, models, endpoints. */
export function validateInference(inference: ResolvedInference): Problems {
  const problems = new Problems();
  INFERENCE_KEYS.check(problems, "", inference.props);
  checkTags(problems, "additionalTagsAll", inference.props.additionalTagsAll);
  const models = Object.fromEntries(inference.models.map((model) => [model.key, model]));
  let modelReference: string | undefined;
  const context = {
    models,
    tags: inference.tags,
    modelNames: new UniqueNames("a model name no other model uses"),
    endpointNames: new UniqueNames("an endpoint name no other endpoint uses"),
    configurationNames: new UniqueNames("an endpoint configuration name no other endpoint uses"),
    alarmNames: new UniqueNames("an alarm name no other alarm uses"),
    modelReference: () =>
      (modelReference ??= describeModels(inference.models.map((model) => model.key))),
  };
  for (const model of inference.models) {
    validateModel(problems, model, context);
    const servedBy = inference.endpoints.filter(
      (endpoint) => endpoint.serverless?.modelKey === model.key,
    );
    checkServerlessModel(problems, model, servedBy);
  }
  for (const endpoint of inference.endpoints) validateEndpoint(problems, endpoint, context);
  validateModuleMigration(problems, inference);
  return problems;
}

/** What the props are accepted with that their author should know, in the order of the props. */
export function inferenceWarnings(inference: ResolvedInference): Warning[] {
  return [
    ...moduleNameWarnings(inference),
    ...inference.models.flatMap(modelWarnings),
    ...inference.endpoints.flatMap((endpoint) =>
      [
        endpoint.serverless?.autoScaling,
        ...(endpoint.provisioned?.productionVariants ?? []).map((variant) => variant.autoScaling),
      ].flatMap((scaling) => (scaling ? scalingWarnings(scaling) : [])),
    ),
  ];
}

function describeModels(names: readonly string[]): string {
  if (names.length === 0) return "a model defined in models (there are none)";
  const shown = names.slice(0, 5).join(", ");
  const more = names.length > 5 ? ` and ${names.length - 5} more` : "";
  return `a model defined in models (${shown}${more})`;
}

/** What the engine created, by key (see `SagemakerInference` for the keys). */
export interface CreatedInference {
  readonly models: Record<string, SagemakerModel>;
  readonly endpointConfigurations: Record<string, SagemakerEndpointConfiguration>;
  readonly endpoints: Record<string, SagemakerEndpoint>;
  readonly scalingTargets: Record<string, AppautoscalingTarget>;
  readonly scalingPolicies: Record<string, AppautoscalingPolicy>;
  readonly alarms: Record<string, CloudwatchMetricAlarm>;
}

/**
 * Resolves, checks and builds the props in `scope`, placed and named by `layout`. Every problem is thrown at once,
 * naming `scope`'s path and the fields as `layout` reads them, after `own`: problems the construct in front found
 * in its own props, already named as it names them; each warning is a warning annotation on `scope`.
 */
export function createInference(
  scope: Construct,
  props: SagemakerInferenceProps,
  layout: InferenceLayout,
  own: Problems = new Problems(),
): CreatedInference {
  // The shape first: resolving and checking read the values as their types say, and may not meet another kind.
  const shape = INFERENCE_KEYS.shapeProblems("", props);
  if (shape) own.merge("", shape.renamed(layout.field)).throwIfAny(scope);
  const inference = resolveInference(props);
  own.merge("", validateInference(inference).renamed(layout.field)).throwIfAny(scope);
  for (const warning of inferenceWarnings(inference)) {
    Annotations.of(scope).addWarning(`${layout.field(warning.field)}: ${warning.message}`);
  }
  return buildInference(scope, inference, layout);
}

function buildInference(
  scope: Construct,
  inference: ResolvedInference,
  layout: InferenceLayout,
): CreatedInference {
  const { tags } = inference;
  const created: CreatedInference = {
    models: {},
    endpointConfigurations: {},
    endpoints: {},
    scalingTargets: {},
    scalingPolicies: {},
    alarms: {},
  };
  for (const model of inference.models) {
    created.models[model.key] = createModel(scope, model, tags, layout);
  }
  for (const endpoint of inference.endpoints) {
    const { configuration, endpoint: resource } = createEndpoint(
      scope,
      endpoint,
      created.models,
      tags,
      layout,
    );
    created.endpointConfigurations[endpoint.key] = configuration;
    created.endpoints[endpoint.key] = resource;

    // Correction (defect 8): alarms belong to production variants of provisioned endpoints only; the
    // module also walks serverless endpoints and fails on them.
    const variants = [
      ...(endpoint.serverless
        ? [
            {
              key: endpoint.serverless.modelKey,
              scaling: endpoint.serverless.autoScaling,
              alarms: [],
            },
          ]
        : []),
      ...(endpoint.provisioned?.productionVariants ?? []).map((variant) => ({
        key: variant.modelKey,
        scaling: variant.autoScaling,
        alarms: variant.alarms,
      })),
    ];
    for (const { key, scaling, alarms } of variants) {
      const variantPath = `${endpoint.key}/${key}`;
      if (scaling) {
        const { target, policies } = createAutoScaling(scope, scaling, resource, tags, layout);
        created.scalingTargets[variantPath] = target;
        for (const [policyKey, policy] of Object.entries(policies)) {
          created.scalingPolicies[`${variantPath}/${policyKey}`] = policy;
        }
      }
      for (const alarm of alarms ?? []) {
        created.alarms[`${variantPath}/${alarm.key}`] = createAlarm(scope, alarm, tags, layout);
      }
    }
    // After the alarms: the rollback alarms are named by reference, so Terraform creates them first.
    applyDeployment(resource, endpoint.deployment, created.alarms);
  }
  // A model a serverless endpoint serves cannot be isolated (validation refuses it): the finding is AWS's limit.
  const servedServerless = new Set(
    inference.endpoints.flatMap((endpoint) =>
      endpoint.serverless ? [endpoint.serverless.modelKey] : [],
    ),
  );
  for (const modelKey of servedServerless) {
    acknowledge(
      created.models[modelKey]!,
      "sagemaker-model-network-isolation",
      SERVERLESS_NETWORK_ISOLATION_REASON,
    );
  }
  writeModuleMoves(scope, inference, created, layout);
  return created;
}
