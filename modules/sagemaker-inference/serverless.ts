/**
 * Serverless endpoints: their single variant with what the props resolve to, its checks (AWS's limits and the
 * features a serverless endpoint excludes), and its block of the endpoint configuration.
 */
import type { SagemakerEndpointConfigurationProductionVariants } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import {
  SAGEMAKER_NAME,
  SERVERLESS_CONCURRENCY,
  SERVERLESS_EXCLUDES,
  SERVERLESS_MEMORY_SIZE,
} from "../core/limits/sagemaker";
import { knownKeys } from "../core/known-keys";
import { describedAs, NUMBER, nullable, optional, STRING, type Kind } from "../core/kinds";
import { atMost } from "../core/rules";
import { isAllowed, isUnresolved, type Problems } from "../core/validation";
import {
  resolveAutoScaling,
  SCALING_KEYS,
  validateAutoScaling,
  type ResolvedAutoScaling,
} from "./auto-scaling";
import type { ResolvedModel } from "./models";
import type {
  ProductionVariantProps,
  ProvisionedEndpointProps,
  ServerlessProps,
  ServerlessVariantProps,
} from "./props";
import type { EndpointRef, ResolvedEndpoint } from "./endpoints";
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

/** Why a serverless endpoint refuses each setting of a provisioned one (it has its `variant` only). */
const NOT_SERVERLESS: Readonly<Record<keyof ProvisionedEndpointProps, string>> = {
  enableDataCapture: `no data capture (${SERVERLESS_EXCLUDES.dataCapture}; a provisioned endpoint captures data)`,
  shadowVariants: `no shadow variant (${SERVERLESS_EXCLUDES.variants}; a provisioned endpoint runs shadow tests)`,
  productionVariants: `no production variants besides its one variant (${SERVERLESS_EXCLUDES.variants})`,
  asyncInvocationConfig:
    "no asynchronous inference (it runs on the instances of a provisioned endpoint)",
};

/** A setting of variants on instances, refused on a serverless variant. */
function onInstances(what: string): string {
  return `no ${what}: a setting of a provisioned endpoint's variants, on instances (a serverless variant has memorySizeInMB and maxConcurrency)`;
}

/** Why a serverless variant refuses each setting of a production variant it does not share. */
export const NOT_SERVERLESS_VARIANT: Readonly<
  Record<Exclude<keyof ProductionVariantProps, keyof ServerlessVariantProps>, string>
> = {
  instanceType: onInstances("instance type"),
  initialInstanceCount: onInstances("instance count"),
  volumeSizeInGB: onInstances("storage volume size"),
  containerStartupTimeout: onInstances("container startup timeout"),
  modelDataDownloadTimeout: onInstances("model data download timeout"),
  initialWeight: "no weight: a serverless endpoint has one variant, which takes all the traffic",
  cloudwatchAlarms: "no alarms: alarms belong to the production variants of provisioned endpoints",
};

/** The settings of a serverless endpoint and of its variant. */
export const SERVERLESS_VARIANT_KEYS = knownKeys<ServerlessVariantProps>(
  {
    modelName: STRING,
    maxConcurrency: optional(NUMBER),
    memorySizeInMB: optional(NUMBER),
    provisionedConcurrency: optional(NUMBER),
    variantName: optional(nullable(STRING)),
    autoScaling: optional(SCALING_KEYS),
  },
  NOT_SERVERLESS_VARIANT,
);
/** The one variant: a map of variants (a provisioned endpoint's form) is refused as that, not key by key. */
const ONE_VARIANT: Kind<ServerlessVariantProps> = {
  ...describedAs(SERVERLESS_VARIANT_KEYS, "the endpoint's one variant, { modelName, ... }"),
  checkInside(shape, field, value) {
    const variants = variantsMap(value as Record<string, unknown>);
    if (variants === undefined) SERVERLESS_VARIANT_KEYS.checkInside(shape, field, value);
    else
      shape.wrongKind(
        field,
        `${variants.length} variants (${variants.join(", ")})`,
        `the endpoint's one variant, { modelName, ... } (${SERVERLESS_EXCLUDES.variants})`,
      );
  },
};
export const SERVERLESS_KEYS = knownKeys<ServerlessProps>({ variant: ONE_VARIANT }, NOT_SERVERLESS);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A map of variants where the one variant belongs, as a module's `production_variants` is written. */
function variantsMap(variant: Record<string, unknown>): string[] | undefined {
  const keys = Object.keys(variant);
  const isMap =
    keys.length > 0 && !("modelName" in variant) && Object.values(variant).every(isObject);
  return isMap ? keys : undefined;
}

/**
 * The variant of a serverless endpoint, when `serverless.variant` is one (not missing, not a map of variants);
 * otherwise `checkServerlessShape` reports what it is.
 */
export function singleVariant(serverless: ServerlessProps): ServerlessVariantProps | undefined {
  const variant: unknown = serverless.variant;
  if (!isObject(variant) || variantsMap(variant)) return undefined;
  return serverless.variant;
}

/**
 * What the types exclude, refused when props come from JSON, JavaScript or a cast: settings of provisioned
 * endpoints on a serverless one (they would be dropped without a word), a missing variant, a map of variants, and
 * settings a serverless variant does not have, each with why where it is a setting of provisioned endpoints.
 */
export function checkServerlessShape(
  problems: Problems,
  field: string,
  props: ServerlessProps,
): void {
  SERVERLESS_KEYS.check(problems, field, props, NOT_SERVERLESS);
  const variant: unknown = props.variant;
  const variantField = `${field}.variant`;
  if (!isObject(variant)) {
    problems.add(variantField, variant, "the endpoint's one variant, { modelName, ... }");
    return;
  }
  const variants = variantsMap(variant);
  if (variants) {
    problems.add(
      variantField,
      `${variants.length} variants (${variants.join(", ")})`,
      `the endpoint's one variant, { modelName, ... } (${SERVERLESS_EXCLUDES.variants})`,
    );
    return;
  }
  SERVERLESS_VARIANT_KEYS.check(problems, variantField, props.variant, NOT_SERVERLESS_VARIANT);
}

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
    // No advice from a maxConcurrency that is itself reported.
    ...(isAllowed(maxConcurrency, SERVERLESS_CONCURRENCY)
      ? [atMost(maxConcurrency, "maxConcurrency")]
      : []),
  );
  if (props.variantName !== null) {
    problems.check(`${field}.variantName`, props.variantName, SAGEMAKER_NAME);
  }

  checkModelReference(problems, `${field}.modelName`, variant.modelKey, context);

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
 * What keeps a model off a serverless endpoint, each reported on the model's field to change, with its value: more
 * than one container, multi-model hosting, uncompressed model data, a GPU image, a VPC, network isolation.
 * `servedBy` are the serverless endpoints that serve the model; none, no check.
 */
export function checkServerlessModel(
  problems: Problems,
  model: ResolvedModel,
  servedBy: readonly ResolvedEndpoint[],
): void {
  if (servedBy.length === 0) return;
  const shown = servedBy.map((endpoint) =>
    JSON.stringify(isUnresolved(endpoint.name) ? endpoint.key : endpoint.name),
  );
  const serves = `${servedBy.length === 1 ? "endpoint" : "endpoints"} ${shown.join(", ")} ${
    servedBy.length === 1 ? "serves" : "serve"
  } it`;
  const refuse = (field: string, value: unknown, allowed: string, reason: string) =>
    problems.add(
      field,
      value,
      `${allowed}, for a model a serverless endpoint serves (${reason}; ${serves})`,
    );

  const { containers, props } = model;
  if (containers.length > 1) {
    refuse(
      `${model.field}.containerDefinitions`,
      `${containers.length} containers`,
      "one container",
      SERVERLESS_EXCLUDES.pipeline,
    );
  }
  for (const { field, props: container, compressionType } of containers) {
    if (container.useMultipleModels) {
      refuse(
        `${field}.useMultipleModels`,
        container.useMultipleModels,
        "not set",
        SERVERLESS_EXCLUDES.multiModel,
      );
    }
    if (compressionType === "UncompressedModel") {
      refuse(
        `${field}.compressionType`,
        container.compressionType,
        '"CompressedModel"',
        SERVERLESS_EXCLUDES.uncompressedModel,
      );
    }
    if (!isUnresolved(container.image) && isGpuImage(container.image)) {
      refuse(`${field}.image`, container.image, "a CPU image", SERVERLESS_EXCLUDES.gpu);
    }
  }
  if (props.vpcConfig) {
    refuse(`${model.field}.vpcConfig`, props.vpcConfig, "not set", SERVERLESS_EXCLUDES.vpc);
  }
  if (props.enableNetworkIsolation === true) {
    refuse(
      `${model.field}.enableNetworkIsolation`,
      true,
      "false or not set",
      SERVERLESS_EXCLUDES.networkIsolation,
    );
  }
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
