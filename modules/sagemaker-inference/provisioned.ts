/**
 * Instance-based endpoints: their production and shadow variants with what the props resolve to, the checks of
 * the variants and of the endpoint as a whole, and the variants' blocks of the endpoint configuration.
 */
import type { SagemakerEndpointConfigurationProductionVariants } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import { inKeyOrder } from "../core/key-order";
import { knownKeys, type KeySet } from "../core/known-keys";
import { mapOf, NUMBER, optional, STRING } from "../core/kinds";
import {
  AUTO_SCALABLE_INSTANCE_TYPE,
  INSTANCE_TYPE,
  SAGEMAKER_NAME,
} from "../core/limits/sagemaker";
import { integerAtLeast, integerBetween, numberAtLeast } from "../core/rules";
import { isAllowed, isUnresolved, UniqueNames, type Problems } from "../core/validation";
import { ALARM_KEYS, resolveAlarms, validateAlarm, type ResolvedAlarm } from "./alarms";
import { ASYNC_KEYS, validateAsyncInference } from "./async-inference";
import {
  resolveAutoScaling,
  SCALING_KEYS,
  validateAutoScaling,
  type ResolvedAutoScaling,
} from "./auto-scaling";
import { CAPTURE_KEYS, validateDataCapture } from "./data-capture";
import { checkDuration, resolveDuration, type ResolvedDuration } from "./duration";
import type { EndpointRef } from "./endpoints";
import type {
  InstanceVariantProps,
  ProductionVariantProps,
  ProvisionedEndpointProps,
  ServerlessProps,
  ServerlessVariantProps,
  ShadowVariantProps,
} from "./props";
import type { ValidationContext } from "./validation-context";

/** ContainerStartupHealthCheckTimeoutInSeconds and ModelDataDownloadTimeoutInSeconds: 60-3600. */
const VARIANT_TIMEOUT = { min: 60, max: 3600 };
const MAX_PRODUCTION_VARIANTS = 10;

/** Why a provisioned endpoint refuses the setting of a serverless one. */
const NOT_PROVISIONED: Readonly<
  Record<Exclude<keyof ServerlessProps, keyof ProvisionedEndpointProps>, string>
> = {
  variant:
    "no variant: a provisioned endpoint has productionVariants, keyed by the name of the model each hosts (variant is a serverless endpoint's)",
};

/** A setting of serverless variants, refused on a variant on instances. */
function serverlessOnly(what: string): string {
  return `no ${what}: a setting of a serverless endpoint's variant (a variant on instances has instanceType and initialInstanceCount)`;
}

/** Why a variant on instances refuses each setting of a serverless variant it does not share. */
const NOT_INSTANCE_VARIANT: Readonly<
  Record<Exclude<keyof ServerlessVariantProps, keyof ProductionVariantProps>, string>
> = {
  modelName: "no modelName: the variant hosts the model its key names",
  maxConcurrency: serverlessOnly("maximum concurrency"),
  memorySizeInMB: serverlessOnly("memory size"),
  provisionedConcurrency: serverlessOnly("provisioned concurrency"),
};

/** Why a shadow variant refuses the settings only production variants have. */
const NOT_SHADOW_VARIANT: Readonly<
  Record<Exclude<keyof ProductionVariantProps, keyof ShadowVariantProps>, string>
> = {
  ...NOT_INSTANCE_VARIANT,
  autoScaling: "no auto scaling: this construct scales production variants only",
  cloudwatchAlarms: "no alarms: this construct puts alarms on production variants only",
};

/** The settings of a provisioned endpoint and of its variants (the variant maps are keyed by model name). */
const INSTANCE_VARIANT_SET: KeySet<InstanceVariantProps> = {
  instanceType: STRING,
  containerStartupTimeout: optional(STRING),
  initialInstanceCount: optional(NUMBER),
  initialWeight: optional(NUMBER),
  modelDataDownloadTimeout: optional(STRING),
  volumeSizeInGB: optional(NUMBER),
  variantName: optional(STRING),
};
const PRODUCTION_VARIANT_KEYS = knownKeys<ProductionVariantProps>(
  {
    ...INSTANCE_VARIANT_SET,
    autoScaling: optional(SCALING_KEYS),
    cloudwatchAlarms: optional(mapOf(ALARM_KEYS)),
  },
  NOT_INSTANCE_VARIANT,
);
const SHADOW_VARIANT_KEYS = knownKeys<ShadowVariantProps>(INSTANCE_VARIANT_SET, NOT_SHADOW_VARIANT);
export const PROVISIONED_KEYS = knownKeys<ProvisionedEndpointProps>(
  {
    productionVariants: mapOf(PRODUCTION_VARIANT_KEYS),
    asyncInvocationConfig: optional(ASYNC_KEYS),
    enableDataCapture: optional(CAPTURE_KEYS),
    shadowVariants: optional(mapOf(SHADOW_VARIANT_KEYS)),
  },
  NOT_PROVISIONED,
);

/** A production or shadow variant with its defaults resolved. */
export interface ResolvedInstanceVariant {
  /** The key of the model it hosts. */
  readonly modelKey: string;
  /** `<endpoint field>.provisioned.productionVariants.<model key>` (or `shadowVariants`) */
  readonly field: string;
  readonly props: InstanceVariantProps;
  /** `variantName`, else the model's key. */
  readonly name: string;
  readonly initialInstanceCount: number;
  readonly initialWeight: number;
  readonly containerStartupTimeout: ResolvedDuration;
  readonly modelDataDownloadTimeout: ResolvedDuration;
}

export interface ResolvedProductionVariant extends ResolvedInstanceVariant {
  readonly props: ProductionVariantProps;
  readonly autoScaling?: ResolvedAutoScaling;
  readonly alarms: readonly ResolvedAlarm[];
}

/** An instance-based endpoint with its variants resolved. */
export interface ResolvedProvisioned {
  /** `<endpoint field>.provisioned` */
  readonly field: string;
  readonly props: ProvisionedEndpointProps;
  readonly asyncInference: boolean;
  readonly productionVariants: readonly ResolvedProductionVariant[];
  readonly shadowVariants: readonly ResolvedInstanceVariant[];
}

export function resolveProvisioned(
  endpoint: EndpointRef,
  props: ProvisionedEndpointProps,
): ResolvedProvisioned {
  const field = `${endpoint.field}.provisioned`;
  const asyncInference = props.asyncInvocationConfig !== undefined;
  return {
    field,
    props,
    asyncInference,
    // As the module's `dynamic "production_variants"` writes them: in the order of their keys.
    productionVariants: inKeyOrder(props.productionVariants).map(([modelKey, variant]) => {
      const resolved = resolveInstanceVariant(
        `${field}.productionVariants.${modelKey}`,
        modelKey,
        variant,
      );
      const scaled = {
        endpointKey: endpoint.key,
        endpointName: endpoint.name,
        variantKey: modelKey,
        variantName: resolved.name,
        asyncInference,
      };
      return {
        ...resolved,
        props: variant,
        autoScaling: variant.autoScaling
          ? resolveAutoScaling(`${resolved.field}.autoScaling`, variant.autoScaling, {
              ...scaled,
              scales: "instances",
              defaultMaximum: 1,
            })
          : undefined,
        alarms: resolveAlarms(
          `${resolved.field}.cloudwatchAlarms`,
          variant.cloudwatchAlarms ?? {},
          scaled,
        ),
      };
    }),
    shadowVariants: inKeyOrder(props.shadowVariants ?? {}).map(([modelKey, variant]) =>
      resolveInstanceVariant(`${field}.shadowVariants.${modelKey}`, modelKey, variant),
    ),
  };
}

function resolveInstanceVariant(
  field: string,
  modelKey: string,
  props: InstanceVariantProps,
): ResolvedInstanceVariant {
  return {
    modelKey,
    field,
    props,
    name: props.variantName ?? modelKey,
    initialInstanceCount: props.initialInstanceCount ?? 1,
    initialWeight: props.initialWeight ?? 1,
    containerStartupTimeout: resolveDuration(props.containerStartupTimeout),
    modelDataDownloadTimeout: resolveDuration(props.modelDataDownloadTimeout),
  };
}

export function validateProvisioned(
  problems: Problems,
  provisioned: ResolvedProvisioned,
  context: ValidationContext,
): void {
  const { field, props, productionVariants: variants, shadowVariants: shadows } = provisioned;
  PROVISIONED_KEYS.check(problems, field, props, NOT_PROVISIONED);
  const variantsField = `${field}.productionVariants`;
  if (variants.length < 1 || variants.length > MAX_PRODUCTION_VARIANTS) {
    problems.add(
      variantsField,
      `${variants.length} variants`,
      `1 to ${MAX_PRODUCTION_VARIANTS} production variants`,
    );
  }

  const variantNames = new UniqueNames("a variant name no other variant of this endpoint uses");
  let totalWeight: number | undefined = 0;
  for (const variant of variants) {
    PRODUCTION_VARIANT_KEYS.check(problems, variant.field, variant.props, NOT_INSTANCE_VARIANT);
    checkModelReference(problems, variant.field, variant.modelKey, context);
    validateInstanceVariant(problems, variant, variantNames);
    // Only a sum of valid, known weights says something; a negative weight is reported on its own.
    const weight = variant.initialWeight;
    totalWeight =
      totalWeight === undefined || isUnresolved(weight) || !(weight >= 0)
        ? undefined
        : totalWeight + weight;
    if (variant.autoScaling) {
      // The instance type and autoScaling go together: the problem names the instance type, the field to change,
      // unless it is already reported as no instance type at all.
      const instanceType = variant.props.instanceType;
      if (isAllowed(instanceType, INSTANCE_TYPE)) {
        problems.check(`${variant.field}.instanceType`, instanceType, (value) => {
          const refused = AUTO_SCALABLE_INSTANCE_TYPE.rule(value);
          return refused && `${refused}, as the variant has autoScaling (or leave autoScaling out)`;
        });
      }
      validateAutoScaling(problems, variant.autoScaling, context);
    }
    for (const alarm of variant.alarms) validateAlarm(problems, alarm, context);
  }
  if (variants.length > 0 && totalWeight !== undefined && totalWeight <= 0) {
    problems.add(
      variantsField,
      `initial weights adding up to ${totalWeight}`,
      "initial weights adding up to more than 0 (each variant gets its weight's share of the traffic)",
    );
  }

  if (shadows.length > 0) {
    validateShadows(problems, provisioned, variantNames, context);
  }
  if (props.asyncInvocationConfig) {
    validateAsyncInference(problems, `${field}.asyncInvocationConfig`, props.asyncInvocationConfig);
  }
  if (props.enableDataCapture) {
    validateDataCapture(problems, `${field}.enableDataCapture`, props.enableDataCapture);
  }
}

/** A shadow test: one production and one shadow variant, on a real-time endpoint, of models it can test. */
function validateShadows(
  problems: Problems,
  provisioned: ResolvedProvisioned,
  variantNames: UniqueNames,
  context: ValidationContext,
): void {
  const {
    field,
    asyncInference,
    productionVariants: variants,
    shadowVariants: shadows,
  } = provisioned;
  const shadowsField = `${field}.shadowVariants`;
  if (shadows.length !== 1) {
    problems.add(shadowsField, `${shadows.length} variants`, "exactly one shadow variant");
  }
  if (variants.length !== 1) {
    problems.add(
      `${field}.productionVariants`,
      `${variants.length} variants`,
      "exactly one production variant when the endpoint has a shadow variant",
    );
  }
  if (asyncInference) {
    problems.add(
      shadowsField,
      shadows.map((shadow) => shadow.modelKey),
      "no shadow variant on an asynchronous endpoint (shadow tests exclude asynchronous inference)",
    );
  }
  for (const shadow of shadows) {
    SHADOW_VARIANT_KEYS.check(problems, shadow.field, shadow.props, NOT_SHADOW_VARIANT);
    checkModelReference(problems, shadow.field, shadow.modelKey, context);
    validateInstanceVariant(problems, shadow, variantNames);
  }
  for (const variant of [...variants, ...shadows]) checkShadowTestable(problems, variant, context);
}

/** Reports a variant whose model is not one of the construct's. */
export function checkModelReference(
  problems: Problems,
  field: string,
  modelKey: string,
  context: ValidationContext,
): void {
  if (!isUnresolved(modelKey) && !Object.hasOwn(context.models, modelKey)) {
    problems.add(field, modelKey, context.modelReference());
  }
}

function validateInstanceVariant(
  problems: Problems,
  variant: ResolvedInstanceVariant,
  variantNames: UniqueNames,
): void {
  const { field, props } = variant;
  problems.check(`${field}.instanceType`, props.instanceType, INSTANCE_TYPE);
  problems.check(`${field}.initialInstanceCount`, props.initialInstanceCount, integerAtLeast(1));
  problems.check(`${field}.initialWeight`, props.initialWeight, numberAtLeast(0));
  problems.check(`${field}.volumeSizeInGB`, props.volumeSizeInGB, integerBetween(1, 512, " (GB)"));
  // Correction (defect 9): the module types the shadow variants' timeouts as numbers but reads them as
  // durations; here both kinds of variant take durations.
  checkDuration(
    problems,
    `${field}.containerStartupTimeout`,
    props.containerStartupTimeout,
    VARIANT_TIMEOUT,
  );
  checkDuration(
    problems,
    `${field}.modelDataDownloadTimeout`,
    props.modelDataDownloadTimeout,
    VARIANT_TIMEOUT,
  );

  const nameField = props.variantName === undefined ? field : `${field}.variantName`;
  if (props.variantName !== undefined) problems.check(nameField, variant.name, SAGEMAKER_NAME);
  variantNames.claim(problems, nameField, variant.name);
}

/** Shadow tests exclude multi-container and multi-model endpoints, and Inf1 instances. */
function checkShadowTestable(
  problems: Problems,
  variant: ResolvedInstanceVariant,
  context: ValidationContext,
): void {
  const { field, modelKey, props } = variant;
  const model = Object.hasOwn(context.models, modelKey) ? context.models[modelKey] : undefined;
  const containers = model?.containers ?? [];
  if (containers.length > 1 || containers.some((c) => c.props.useMultipleModels)) {
    problems.add(
      field,
      modelKey,
      "a model with one container hosting one model (shadow tests exclude multi-container and multi-model endpoints)",
    );
  }
  if (!isUnresolved(props.instanceType) && props.instanceType.startsWith("ml.inf1.")) {
    problems.add(
      `${field}.instanceType`,
      props.instanceType,
      "an instance type other than ml.inf1 (shadow tests exclude Inf1 instances)",
    );
  }
}

/** The attributes production and shadow variants share. */
type InstanceVariantBlock = Pick<
  SagemakerEndpointConfigurationProductionVariants,
  | "variantName"
  | "modelName"
  | "instanceType"
  | "initialInstanceCount"
  | "initialVariantWeight"
  | "volumeSizeInGb"
  | "containerStartupHealthCheckTimeoutInSeconds"
  | "modelDataDownloadTimeoutInSeconds"
>;

/** A production or shadow variant on instances, hosting the model named `modelName`. */
export function instanceVariantBlock(
  variant: ResolvedInstanceVariant,
  modelName: string,
): InstanceVariantBlock {
  return {
    variantName: variant.name,
    modelName,
    instanceType: variant.props.instanceType,
    initialInstanceCount: variant.initialInstanceCount,
    initialVariantWeight: variant.initialWeight,
    volumeSizeInGb: variant.props.volumeSizeInGB,
    containerStartupHealthCheckTimeoutInSeconds: variant.containerStartupTimeout.seconds,
    modelDataDownloadTimeoutInSeconds: variant.modelDataDownloadTimeout.seconds,
  };
}
