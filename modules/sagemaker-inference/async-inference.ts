/** Asynchronous inference of a provisioned endpoint: its checks and its `async_inference_config` block. */
import type { SagemakerEndpointConfigurationAsyncInferenceConfig } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import { knownKeys } from "../core/known-keys";
import { NUMBER, optional, STRING } from "../core/kinds";
import { KMS_KEY_OR_ALIAS_ARN } from "../core/limits/kms";
import { s3Uri } from "../core/limits/s3";
import { SNS_TOPIC_ARN } from "../core/limits/sns";
import { integerBetween, maxLength } from "../core/rules";
import type { Problems } from "../core/validation";
import type { AsyncInvocationConfigProps } from "./props";

export const ASYNC_KEYS = knownKeys<AsyncInvocationConfigProps>({
  s3OutputPath: STRING,
  encryptionKeyArn: optional(STRING),
  errorNotificationLocation: optional(STRING),
  maxConcurrentInvocationsPerInstance: optional(NUMBER),
  s3FailurePath: optional(STRING),
  successNotificationLocation: optional(STRING),
});

export function validateAsyncInference(
  problems: Problems,
  field: string,
  config: AsyncInvocationConfigProps,
): void {
  ASYNC_KEYS.check(problems, field, config);
  problems.check(`${field}.s3OutputPath`, config.s3OutputPath, s3Uri, maxLength(512));
  problems.check(`${field}.s3FailurePath`, config.s3FailurePath, s3Uri, maxLength(512));
  problems.check(`${field}.encryptionKeyArn`, config.encryptionKeyArn, KMS_KEY_OR_ALIAS_ARN);
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

/**
 * Output paths, key and notification topics; the inference response is included in each notification
 * that has a topic.
 */
export function asyncInferenceConfig(
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
      kmsKeyId: config.encryptionKeyArn,
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
