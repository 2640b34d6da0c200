/**
 * Serverless endpoints: their single variant with what the props resolve to, its checks (AWS's limits and the
 * features a serverless endpoint excludes), and its block of the endpoint configuration.
 */
import type { SagemakerEndpointConfigurationProductionVariants } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import {
  SAGEMAKER_NAME,
  SERVERLESS_CONCURRENCY,
  SERVERLESS_MEMORY_SIZE,
} from "../core/limits/sagemaker";
import { atMost } from "../core/rules";
import { isUnresolved, type Problems } from "../core/validation";
import { resolveAutoScaling, validateAutoScaling, type ResolvedAutoScaling } from "./auto-scaling";
import type { ResolvedModel } from "./models";
import type { ServerlessVariantProps } from "./props";
import type { EndpointRef } from "./endpoints";
import { checkModelReference } from "./provisioned";
import type { ValidationContext } from "./validation-context";

/**
 * Why a serverless endpoint's model runs without network isolation: AWS does not offer it there (SageMaker
 * Developer Guide, Serverless Inference, feature exclusions: "... VPC configuration, network isolation, data
 * capture ...").
 */
export const SERVERLESS_NETWORK_ISOLATION_REASON =
  "Serverless endpoints do not support network isolation (SageMaker Developer Guide, Serverless Inference, " +
  "feature exclusions); serve the model from instances (SagemakerInference, provisioned) to isolate it.";

/** The variant of a serverless endpoint with its defaults resolved. */
export interface ResolvedServerlessVariant {
  /** The key of the model it hosts. */
  readonly modelKey: string;
  /** `<endpoint field>.serverless.variant` */
  readonly field: string;
  readonly props: ServerlessVariantProps;
  /** `variantName`, else the model's key; `undefined` when `variantName` is null (left to the AWS provider). */
  readonly name: string | undefined;
  readonly memorySizeInMB: number;
  readonly maxConcurrency: number;
  readonly autoScaling?: ResolvedAutoScaling;
}

export function resolveServerless(
  endpoint: EndpointRef,
  props: ServerlessVariantProps,
): ResolvedServerlessVariant {
  const field = `${endpoint.field}.serverless.variant`;
  const name = props.variantName === null ? undefined : (props.variantName ?? props.modelName);
  const maxConcurrency = props.maxConcurrency ?? 20;
  return {
    modelKey: props.modelName,
    field,
    props,
    name,
    memorySizeInMB: props.memorySizeInMB ?? 1024,
    maxConcurrency,
    autoScaling: props.autoScaling
      ? resolveAutoScaling(`${field}.autoScaling`, props.autoScaling, {
          endpointKey: endpoint.key,
          endpointName: endpoint.name,
          variantKey: props.modelName,
          variantName: name ?? props.modelName,
          scales: "provisioned-concurrency",
          asyncInference: false,
          defaultMaximum: props.provisionedConcurrency,
          capacityLimit: { value: maxConcurrency, name: "maxConcurrency" },
        })
      : undefined,
  };
}

export function validateServerless(
  problems: Problems,
  variant: ResolvedServerlessVariant,
  context: ValidationContext,
): void {
  const { field, props, maxConcurrency } = variant;
  problems.check(`${field}.memorySizeInMB`, props.memorySizeInMB, SERVERLESS_MEMORY_SIZE);
  problems.check(`${field}.maxConcurrency`, maxConcurrency, SERVERLESS_CONCURRENCY);
  problems.check(
    `${field}.provisionedConcurrency`,
    props.provisionedConcurrency,
    SERVERLESS_CONCURRENCY,
    atMost(maxConcurrency, "maxConcurrency"),
  );
  if (props.variantName !== null) {
    problems.check(`${field}.variantName`, props.variantName, SAGEMAKER_NAME);
  }

  const modelField = `${field}.modelName`;
  checkModelReference(problems, modelField, variant.modelKey, context);
  const model = Object.hasOwn(context.models, variant.modelKey)
    ? context.models[variant.modelKey]
    : undefined;
  const excluded = model ? serverlessExclusions(model) : [];
  if (excluded.length > 0) {
    problems.add(
      modelField,
      variant.modelKey,
      "a model a serverless endpoint can host: one container with a CPU image and compressed model data, " +
        `no multi-model hosting, no VPC, no network isolation (${excluded.join("; ")})`,
    );
  }

  if (variant.autoScaling) {
    if (props.provisionedConcurrency === undefined) {
      problems.add(
        `${field}.provisionedConcurrency`,
        undefined,
        "a provisioned concurrency (1-200) for autoScaling to scale",
      );
    }
    if (props.variantName === null) {
      problems.add(
        `${field}.variantName`,
        null,
        "a variant name for autoScaling, which scales the variant by its name",
      );
    }
    validateAutoScaling(problems, variant.autoScaling, context);
  }
}

/** A GPU image's tag, e.g. `2.1.0-gpu-py310-cu118-ubuntu20.04`. */
const GPU_TAG = /(^|[-_.])gpu([-_.]|$)/i;

function isGpuImage(image: string): boolean {
  const tag = image.slice(image.lastIndexOf("/") + 1).split(":")[1];
  return tag !== undefined && GPU_TAG.test(tag);
}

/**
 * What keeps a model off a serverless endpoint: "GPUs, ..., Multi-Model Endpoints, VPC configuration,
 * network isolation, ... and inference pipelines" (SageMaker guide), and ModelDataSource.
 */
function serverlessExclusions(model: ResolvedModel): string[] {
  const reasons: string[] = [];
  const { containers } = model;
  if (containers.length > 1) reasons.push(`it has ${containers.length} containers`);
  for (const { hostname, props: container, compressionType } of containers) {
    const which = containers.length === 1 ? "its container" : `container ${hostname}`;
    if (container.useMultipleModels) reasons.push(`${which} hosts multiple models`);
    if (compressionType === "UncompressedModel") {
      reasons.push(`${which} uses uncompressed model data`);
    }
    if (!isUnresolved(container.image) && isGpuImage(container.image)) {
      reasons.push(`${which} runs a GPU image`);
    }
  }
  if (model.props.vpcConfig) reasons.push("it has a VPC configuration");
  if (model.props.enableNetworkIsolation === true) reasons.push("it enables network isolation");
  return reasons;
}

/** The serverless variant, hosting the model named `modelName`. */
export function serverlessVariantBlock(
  variant: ResolvedServerlessVariant,
  modelName: string,
): SagemakerEndpointConfigurationProductionVariants {
  return {
    variantName: variant.name,
    modelName,
    serverlessConfig: {
      maxConcurrency: variant.maxConcurrency,
      memorySizeInMb: variant.memorySizeInMB,
      provisionedConcurrency: variant.props.provisionedConcurrency,
    },
  };
}
