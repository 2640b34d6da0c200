import { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import {
  SagemakerEndpointConfiguration,
  type SagemakerEndpointConfigurationAsyncInferenceConfig,
  type SagemakerEndpointConfigurationDataCaptureConfig,
  type SagemakerEndpointConfigurationProductionVariants,
} from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import type { Construct } from "constructs";
import { nameAfter } from "../core/terraform-names";
import { settableThrough } from "../policy/construct-props";
import { durationSeconds } from "./duration";
import { constructIds, endpointConfigurationNameOf, endpointNameOf, variantNameOf } from "./names";
import type {
  AsyncInvocationConfigProps,
  DataCaptureProps,
  EndpointProps,
  InstanceVariantProps,
  ServerlessVariantProps,
} from "./props";
import type { TagsFor } from "./tags";

/** An endpoint and the endpoint configuration it runs. */
export interface CreatedEndpoint {
  readonly configuration: SagemakerEndpointConfiguration;
  readonly endpoint: SagemakerEndpoint;
}

/** The endpoint `key` and its configuration, both named by the key unless told otherwise. */
export function createEndpoint(
  scope: Construct,
  key: string,
  endpoint: EndpointProps,
  models: Readonly<Record<string, SagemakerModel>>,
  tagsFor: TagsFor,
): CreatedEndpoint {
  const provisioned = endpoint.provisioned;
  const modelName = (modelKey: string) => models[modelKey]!.name;

  const configuration = nameAfter(
    new SagemakerEndpointConfiguration(scope, constructIds.endpointConfiguration(key), {
      name: endpointConfigurationNameOf(key, endpoint),
      kmsKeyArn: endpoint.encryptionKey,
      productionVariants: provisioned
        ? Object.entries(provisioned.productionVariants).map(([modelKey, variant]) =>
            instanceVariant(modelKey, modelName(modelKey), variant),
          )
        : [
            serverlessVariant(
              modelName(endpoint.serverless!.variant.modelName),
              endpoint.serverless!.variant,
            ),
          ],
      shadowProductionVariants: provisioned?.shadowVariants
        ? Object.entries(provisioned.shadowVariants).map(([modelKey, variant]) =>
            instanceVariant(modelKey, modelName(modelKey), variant),
          )
        : undefined,
      asyncInferenceConfig: provisioned?.asyncInvocationConfig
        ? asyncInferenceConfig(provisioned.asyncInvocationConfig)
        : undefined,
      dataCaptureConfig: provisioned?.enableDataCapture
        ? dataCaptureConfig(provisioned.enableDataCapture, endpoint.encryptionKey)
        : undefined,
      tags: tagsFor(endpoint.additionalTags, endpoint.endpointConfigurationAdditionalTags),
    }),
    key,
  );
  settableThrough(configuration, scope, {
    kms_key_arn: `endpoints.${key}.encryptionKey`,
    "data_capture_config.kms_key_id": `endpoints.${key}.provisioned.enableDataCapture.encryptionKey`,
  });

  return {
    configuration,
    endpoint: nameAfter(
      new SagemakerEndpoint(scope, constructIds.endpoint(key), {
        name: endpointNameOf(key, endpoint),
        endpointConfigName: configuration.name,
        tags: tagsFor(endpoint.additionalTags, endpoint.endpointAdditionalTags),
      }),
      key,
    ),
  };
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

/** A production or shadow variant on instances. */
function instanceVariant(
  modelKey: string,
  modelName: string,
  variant: InstanceVariantProps,
): InstanceVariantBlock {
  return {
    variantName: variantNameOf(modelKey, variant),
    modelName,
    instanceType: variant.instanceType,
    initialInstanceCount: variant.initialInstanceCount ?? 1,
    initialVariantWeight: variant.initialWeight ?? 1,
    volumeSizeInGb: variant.volumeSize,
    containerStartupHealthCheckTimeoutInSeconds: secondsOrUndefined(
      variant.containerStartupTimeout,
    ),
    modelDataDownloadTimeoutInSeconds: secondsOrUndefined(variant.modelDataDownloadTimeout),
  };
}

function serverlessVariant(
  modelName: string,
  variant: ServerlessVariantProps,
): SagemakerEndpointConfigurationProductionVariants {
  return {
    variantName: variantNameOf(variant.modelName, variant),
    modelName,
    serverlessConfig: {
      maxConcurrency: variant.maxConcurrency ?? 20,
      memorySizeInMb: variant.memorySize ?? 1024,
      provisionedConcurrency: variant.provisionedConcurrency,
    },
  };
}

function secondsOrUndefined(duration: string | undefined): number | undefined {
  return duration === undefined ? undefined : durationSeconds(duration);
}

/**
 * Output paths, key and notification topics; the inference response is included in each notification
 * that has a topic.
 */
function asyncInferenceConfig(
  config: AsyncInvocationConfigProps,
): SagemakerEndpointConfigurationAsyncInferenceConfig {
  const success = config.successNotificationLocation;
  const error = config.errorNotificationLocation;
  const includeIn = [
    ...(success !== undefined ? ["SUCCESS_NOTIFICATION_TOPIC"] : []),
    ...(error !== undefined ? ["ERROR_NOTIFICATION_TOPIC"] : []),
  ];
  return {
    outputConfig: {
      s3OutputPath: config.s3OutputPath,
      s3FailurePath: config.s3FailurePath,
      kmsKeyId: config.encryptionKey,
      notificationConfig:
        includeIn.length > 0
          ? { successTopic: success, errorTopic: error, includeInferenceResponseIn: includeIn }
          : undefined,
    },
    clientConfig:
      config.maxConcurrentInvocationsPerInstance !== undefined
        ? { maxConcurrentInvocationsPerInstance: config.maxConcurrentInvocationsPerInstance }
        : undefined,
  };
}

function dataCaptureConfig(
  capture: DataCaptureProps,
  endpointEncryptionKey: string | undefined,
): SagemakerEndpointConfigurationDataCaptureConfig {
  const contentTypes = capture.captureContentType;
  return {
    // Correction: the module leaves enable_capture out, and the AWS provider then sends EnableCapture = false:
    // the endpoint would capture nothing.
    enableCapture: true,
    initialSamplingPercentage: capture.samplingPercentage ?? 30,
    destinationS3Uri: capture.s3LocationToStoreDataCollected,
    kmsKeyId: capture.encryptionKey ?? endpointEncryptionKey,
    captureContentTypeHeader: contentTypes
      ? {
          csvContentTypes: contentTypes.csvText ? [...contentTypes.csvText] : undefined,
          jsonContentTypes: contentTypes.json ? [...contentTypes.json] : undefined,
        }
      : undefined,
    captureOptions: captureModes(capture).map((captureMode) => ({ captureMode })),
  };
}

/** `InputAndOutput`, or `Input` and `Output` as two options when asked, or just one of them. */
function captureModes(capture: DataCaptureProps): string[] {
  const options = capture.dataCaptureOptions;
  const input = options?.predictionRequest ?? true;
  const output = options?.predictionResponse ?? true;
  if (input && output) {
    return (options?.combineInputAndOutput ?? true) ? ["InputAndOutput"] : ["Input", "Output"];
  }
  return input ? ["Input"] : ["Output"];
}
