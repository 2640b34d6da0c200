import { KMS_KEY_OR_ALIAS_ARN } from "../core/limits/kms";
import { s3Uri } from "../core/limits/s3";
import {
  INSTANCE_TYPE,
  SAGEMAKER_NAME,
  SERVERLESS_CONCURRENCY,
  SERVERLESS_MEMORY_SIZE,
} from "../core/limits/sagemaker";
import { SNS_TOPIC_ARN } from "../core/limits/sns";
import {
  atMost,
  integerAtLeast,
  integerBetween,
  matches,
  maxLength,
  numberAtLeast,
} from "../core/rules";
import { isUnresolved, UniqueNames, type Problems } from "../core/validation";
import { checkDuration } from "./duration";
import { endpointConfigurationNameOf, endpointNameOf, variantNameOf } from "./names";
import type {
  AsyncInvocationConfigProps,
  DataCaptureProps,
  EndpointProps,
  InstanceVariantProps,
  ModelProps,
  ProvisionedEndpointProps,
  ServerlessEndpointProps,
} from "./props";
import type { TagsFor } from "./tags";
import { validateAlarms } from "./validate-alarms";
import { validateAutoScaling } from "./validate-auto-scaling";
import { validateTagCount } from "./validate-models";

type Models = Readonly<Record<string, ModelProps>>;

/** ContainerStartupHealthCheckTimeoutInSeconds and ModelDataDownloadTimeoutInSeconds: 60-3600. */
const VARIANT_TIMEOUT = { min: 60, max: 3600 };
const MAX_PRODUCTION_VARIANTS = 10;
/** `CsvContentType` / `JsonContentType` (botocore): `type/subtype`, no parameters, at most 256 characters. */
const CONTENT_TYPE = matches(
  /^(?=.{1,256}$)[a-zA-Z0-9](-*[a-zA-Z0-9])*\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*$/,
  "a content type such as text/csv or application/json (no parameters, at most 256 characters)",
);

/** The endpoints' checks that need the whole construct: names that must be unique across it. */
interface Registry {
  readonly models: Models;
  readonly tagsFor: TagsFor;
  readonly endpointNames: UniqueNames;
  readonly configurationNames: UniqueNames;
  /** Alarm names are unique in an account and region. */
  readonly alarmNames: UniqueNames;
  /** "a model defined in models (a, b, c)", computed on first use. */
  modelReference(): string;
}

export function validateEndpoints(
  problems: Problems,
  models: Models,
  endpoints: Readonly<Record<string, EndpointProps>>,
  tagsFor: TagsFor,
): void {
  let modelReference: string | undefined;
  const registry: Registry = {
    models,
    tagsFor,
    endpointNames: new UniqueNames("an endpoint name no other endpoint uses"),
    configurationNames: new UniqueNames("an endpoint configuration name no other endpoint uses"),
    alarmNames: new UniqueNames("an alarm name no other alarm uses"),
    modelReference: () => (modelReference ??= describeModels(models)),
  };
  for (const [key, endpoint] of Object.entries(endpoints)) {
    validateEndpoint(problems, `endpoints.${key}`, key, endpoint, registry);
  }
}

function describeModels(models: Models): string {
  const names = Object.keys(models);
  if (names.length === 0) return "a model defined in models (there are none)";
  const shown = names.slice(0, 5).join(", ");
  const more = names.length > 5 ? ` and ${names.length - 5} more` : "";
  return `a model defined in models (${shown}${more})`;
}

function validateEndpoint(
  problems: Problems,
  field: string,
  key: string,
  endpoint: EndpointProps,
  registry: Registry,
): void {
  problems.check(field, key, SAGEMAKER_NAME);
  const endpointName = endpointNameOf(key, endpoint);
  if (endpoint.name !== undefined) problems.check(`${field}.name`, endpoint.name, SAGEMAKER_NAME);
  registry.endpointNames.claim(
    problems,
    endpoint.name === undefined ? field : `${field}.name`,
    endpointName,
  );

  const configurationName = endpointConfigurationNameOf(key, endpoint);
  const nameField =
    endpoint.endpointConfigurationName === undefined ? field : `${field}.endpointConfigurationName`;
  if (endpoint.endpointConfigurationName !== undefined) {
    problems.check(nameField, configurationName, SAGEMAKER_NAME);
  }
  registry.configurationNames.claim(problems, nameField, configurationName);

  problems.check(`${field}.encryptionKey`, endpoint.encryptionKey, KMS_KEY_OR_ALIAS_ARN);
  const { additionalTags } = endpoint;
  validateTagCount(problems, `${field}.additionalTags`, additionalTags, registry.tagsFor);
  validateTagCount(
    problems,
    `${field}.endpointConfigurationAdditionalTags`,
    endpoint.endpointConfigurationAdditionalTags,
    registry.tagsFor,
    additionalTags,
  );
  validateTagCount(
    problems,
    `${field}.endpointAdditionalTags`,
    endpoint.endpointAdditionalTags,
    registry.tagsFor,
    additionalTags,
  );

  if (endpoint.provisioned && endpoint.serverless) {
    problems.add(field, "provisioned and serverless", "exactly one of provisioned or serverless");
  } else if (!endpoint.provisioned && !endpoint.serverless) {
    problems.add(
      field,
      "neither provisioned nor serverless",
      "exactly one of provisioned or serverless",
    );
  }
  if (endpoint.provisioned) {
    validateProvisioned(
      problems,
      `${field}.provisioned`,
      endpointName,
      endpoint.provisioned,
      registry,
    );
  }
  if (endpoint.serverless) {
    validateServerless(
      problems,
      `${field}.serverless`,
      endpointName,
      endpoint.serverless,
      registry,
    );
  }
}

function validateProvisioned(
  problems: Problems,
  field: string,
  endpointName: string,
  provisioned: ProvisionedEndpointProps,
  registry: Registry,
): void {
  const variants = Object.entries(provisioned.productionVariants);
  const variantsField = `${field}.productionVariants`;
  if (variants.length < 1 || variants.length > MAX_PRODUCTION_VARIANTS) {
    problems.add(
      variantsField,
      `${variants.length} variants`,
      `1 to ${MAX_PRODUCTION_VARIANTS} production variants`,
    );
  }

  const asyncInference = provisioned.asyncInvocationConfig !== undefined;
  const variantNames = new UniqueNames("a variant name no other variant of this endpoint uses");
  let totalWeight: number | undefined = 0;
  for (const [modelKey, variant] of variants) {
    const variantField = `${variantsField}.${modelKey}`;
    checkModelReference(problems, variantField, modelKey, registry);
    validateInstanceVariant(problems, variantField, modelKey, variant, variantNames);
    // Only a sum of valid, known weights says something; a negative weight is reported on its own.
    const weight = variant.initialWeight ?? 1;
    totalWeight =
      totalWeight === undefined || isUnresolved(weight) || !(weight >= 0)
        ? undefined
        : totalWeight + weight;

    const variantName = variantNameOf(modelKey, variant);
    if (variant.autoScaling) {
      if (!isUnresolved(variant.instanceType) && variant.instanceType.startsWith("ml.t2.")) {
        problems.add(
          `${variantField}.autoScaling`,
          variant.instanceType,
          "an instance type that is not burstable (SageMaker cannot auto scale ml.t2 instances)",
        );
      }
      validateAutoScaling(
        problems,
        `${variantField}.autoScaling`,
        variant.autoScaling,
        registry.tagsFor,
        {
          scales: "instances",
          asyncInference,
          endpointName,
          variantName,
          defaultMaximum: 1,
        },
      );
    }
    validateAlarms(
      problems,
      `${variantField}.cloudwatchAlarms`,
      variant.cloudwatchAlarms ?? {},
      { endpointName, variantName, asyncInference },
      registry.alarmNames,
      registry.tagsFor,
    );
  }
  if (variants.length > 0 && totalWeight !== undefined && totalWeight <= 0) {
    problems.add(
      variantsField,
      `initial weights adding up to ${totalWeight}`,
      "initial weights adding up to more than 0 (each variant gets its weight's share of the traffic)",
    );
  }

  const shadows = Object.entries(provisioned.shadowVariants ?? {});
  if (shadows.length > 0) {
    const shadowsField = `${field}.shadowVariants`;
    if (shadows.length !== 1) {
      problems.add(shadowsField, `${shadows.length} variants`, "exactly one shadow variant");
    }
    if (variants.length !== 1) {
      problems.add(
        variantsField,
        `${variants.length} variants`,
        "exactly one production variant when the endpoint has a shadow variant",
      );
    }
    if (asyncInference) {
      problems.add(
        shadowsField,
        shadows.map(([modelKey]) => modelKey),
        "no shadow variant on an asynchronous endpoint (shadow tests exclude asynchronous inference)",
      );
    }
    for (const [modelKey, shadow] of shadows) {
      const shadowField = `${shadowsField}.${modelKey}`;
      checkModelReference(problems, shadowField, modelKey, registry);
      validateInstanceVariant(problems, shadowField, modelKey, shadow, variantNames);
    }
    for (const [modelKey, variant] of variants) {
      checkShadowTestable(problems, `${variantsField}.${modelKey}`, modelKey, variant, registry);
    }
    for (const [modelKey, shadow] of shadows) {
      checkShadowTestable(problems, `${shadowsField}.${modelKey}`, modelKey, shadow, registry);
    }
  }

  if (provisioned.asyncInvocationConfig) {
    validateAsync(problems, `${field}.asyncInvocationConfig`, provisioned.asyncInvocationConfig);
  }
  if (provisioned.enableDataCapture) {
    validateDataCapture(problems, `${field}.enableDataCapture`, provisioned.enableDataCapture);
  }
}

function checkModelReference(
  problems: Problems,
  field: string,
  modelKey: string,
  registry: Registry,
): void {
  if (!isUnresolved(modelKey) && !Object.hasOwn(registry.models, modelKey)) {
    problems.add(field, modelKey, registry.modelReference());
  }
}

function validateInstanceVariant(
  problems: Problems,
  field: string,
  modelKey: string,
  variant: InstanceVariantProps,
  variantNames: UniqueNames,
): void {
  problems.check(`${field}.instanceType`, variant.instanceType, INSTANCE_TYPE);
  problems.check(`${field}.initialInstanceCount`, variant.initialInstanceCount, integerAtLeast(1));
  problems.check(`${field}.initialWeight`, variant.initialWeight, numberAtLeast(0));
  problems.check(`${field}.volumeSize`, variant.volumeSize, integerBetween(1, 512, " (GB)"));
  // Correction (defect 9): the module types the shadow variants' timeouts as numbers but reads them as
  // durations; here both kinds of variant take durations.
  checkDuration(
    problems,
    `${field}.containerStartupTimeout`,
    variant.containerStartupTimeout,
    VARIANT_TIMEOUT,
  );
  checkDuration(
    problems,
    `${field}.modelDataDownloadTimeout`,
    variant.modelDataDownloadTimeout,
    VARIANT_TIMEOUT,
  );

  const name = variantNameOf(modelKey, variant);
  const nameField = variant.variantName === undefined ? field : `${field}.variantName`;
  if (variant.variantName !== undefined) problems.check(nameField, name, SAGEMAKER_NAME);
  variantNames.claim(problems, nameField, name);
}

/** Shadow tests exclude multi-container and multi-model endpoints, and Inf1 instances. */
function checkShadowTestable(
  problems: Problems,
  field: string,
  modelKey: string,
  variant: InstanceVariantProps,
  registry: Registry,
): void {
  const model = Object.hasOwn(registry.models, modelKey) ? registry.models[modelKey] : undefined;
  const containers = model ? Object.values(model.containerDefinitions) : [];
  if (containers.length > 1 || containers.some((c) => c.useMultipleModels)) {
    problems.add(
      field,
      modelKey,
      "a model with one container hosting one model (shadow tests exclude multi-container and multi-model endpoints)",
    );
  }
  if (!isUnresolved(variant.instanceType) && variant.instanceType.startsWith("ml.inf1.")) {
    problems.add(
      `${field}.instanceType`,
      variant.instanceType,
      "an instance type other than ml.inf1 (shadow tests exclude Inf1 instances)",
    );
  }
}

function validateAsync(
  problems: Problems,
  field: string,
  config: AsyncInvocationConfigProps,
): void {
  problems.check(`${field}.s3OutputPath`, config.s3OutputPath, s3Uri, maxLength(512));
  problems.check(`${field}.s3FailurePath`, config.s3FailurePath, s3Uri, maxLength(512));
  problems.check(`${field}.encryptionKey`, config.encryptionKey, KMS_KEY_OR_ALIAS_ARN);
  problems.check(
    `${field}.errorNotificationLocation`,
    config.errorNotificationLocation,
    SNS_TOPIC_ARN,
  );
  problems.check(
    `${field}.successNotificationLocation`,
    config.successNotificationLocation,
    SNS_TOPIC_ARN,
  );
  problems.check(
    `${field}.maxConcurrentInvocationsPerInstance`,
    config.maxConcurrentInvocationsPerInstance,
    integerBetween(1, 1000),
  );
}

function validateDataCapture(problems: Problems, field: string, capture: DataCaptureProps): void {
  problems.check(
    `${field}.s3LocationToStoreDataCollected`,
    capture.s3LocationToStoreDataCollected,
    s3Uri,
    maxLength(512),
  );
  problems.check(
    `${field}.samplingPercentage`,
    capture.samplingPercentage,
    integerBetween(0, 100, " (percent)"),
  );
  problems.check(`${field}.encryptionKey`, capture.encryptionKey, KMS_KEY_OR_ALIAS_ARN);

  const contentTypes = capture.captureContentType;
  if (contentTypes) {
    const typesField = `${field}.captureContentType`;
    if (contentTypes.csvText === undefined && contentTypes.json === undefined) {
      problems.add(typesField, contentTypes, "at least one of csvText or json");
    }
    checkContentTypes(problems, `${typesField}.csvText`, contentTypes.csvText);
    checkContentTypes(problems, `${typesField}.json`, contentTypes.json);
  }

  const options = capture.dataCaptureOptions;
  if (options?.predictionRequest === false && options.predictionResponse === false) {
    problems.add(
      `${field}.dataCaptureOptions`,
      options,
      "at least one of predictionRequest or predictionResponse left true",
    );
  }
}

function checkContentTypes(
  problems: Problems,
  field: string,
  types: readonly string[] | undefined,
): void {
  if (types === undefined) return;
  if (types.length < 1 || types.length > 10) {
    problems.add(field, `${types.length} content types`, "1 to 10 content types");
  }
  types.forEach((type, index) => problems.check(`${field}.${index}`, type, CONTENT_TYPE));
}

function validateServerless(
  problems: Problems,
  field: string,
  endpointName: string,
  serverless: ServerlessEndpointProps,
  registry: Registry,
): void {
  const variant = serverless.variant;
  const variantField = `${field}.variant`;
  const maxConcurrency = variant.maxConcurrency ?? 20;
  problems.check(`${variantField}.maxConcurrency`, maxConcurrency, SERVERLESS_CONCURRENCY);
  problems.check(`${variantField}.memorySize`, variant.memorySize, SERVERLESS_MEMORY_SIZE);
  problems.check(
    `${variantField}.provisionedConcurrency`,
    variant.provisionedConcurrency,
    SERVERLESS_CONCURRENCY,
    atMost(maxConcurrency, "maxConcurrency"),
  );
  problems.check(`${variantField}.variantName`, variant.variantName, SAGEMAKER_NAME);

  const modelField = `${variantField}.modelName`;
  checkModelReference(problems, modelField, variant.modelName, registry);
  const model = Object.hasOwn(registry.models, variant.modelName)
    ? registry.models[variant.modelName]
    : undefined;
  const excluded = model ? serverlessExclusions(model) : [];
  if (excluded.length > 0) {
    problems.add(
      modelField,
      variant.modelName,
      "a model a serverless endpoint can host: one container with a CPU image and compressed model data, " +
        `no multi-model hosting, no VPC, no network isolation (${excluded.join("; ")})`,
    );
  }

  if (variant.autoScaling) {
    if (variant.provisionedConcurrency === undefined) {
      problems.add(
        `${variantField}.provisionedConcurrency`,
        undefined,
        "a provisioned concurrency (1-200) for autoScaling to scale",
      );
    }
    validateAutoScaling(
      problems,
      `${variantField}.autoScaling`,
      variant.autoScaling,
      registry.tagsFor,
      {
        scales: "provisioned-concurrency",
        asyncInference: false,
        endpointName,
        variantName: variantNameOf(variant.modelName, variant),
        defaultMaximum: variant.provisionedConcurrency,
        capacityLimit: { value: maxConcurrency, name: "maxConcurrency" },
      },
    );
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
function serverlessExclusions(model: ModelProps): string[] {
  const reasons: string[] = [];
  const containers = Object.entries(model.containerDefinitions);
  if (containers.length > 1) reasons.push(`it has ${containers.length} containers`);
  for (const [hostname, container] of containers) {
    if (container.useMultipleModels) reasons.push(`container ${hostname} hosts multiple models`);
    if (container.compressionType === "UncompressedModel") {
      reasons.push(`container ${hostname} uses uncompressed model data`);
    }
    if (!isUnresolved(container.image) && isGpuImage(container.image)) {
      reasons.push(`container ${hostname} runs a GPU image`);
    }
  }
  if (model.vpcConfig) reasons.push("it has a VPC configuration");
  if (model.enableNetworkIsolation === true) reasons.push("it enables network isolation");
  return reasons;
}
