/** Data capture of a provisioned endpoint: its checks and its `data_capture_config` block. */
import type { SagemakerEndpointConfigurationDataCaptureConfig } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN, NUMBER, optional, STRING, STRINGS } from "../core/kinds";
import { KMS_KEY_OR_ALIAS_ARN } from "../core/limits/kms";
import { s3Uri } from "../core/limits/s3";
import { integerBetween, matches, maxLength } from "../core/rules";
import type { Problems } from "../core/validation";
import type { CaptureContentTypeProps, DataCaptureOptionsProps, DataCaptureProps } from "./props";

/** `CsvContentType` / `JsonContentType` (botocore): `type/subtype`, no parameters, at most 256 characters. */
const CONTENT_TYPE = matches(
  /^(?=.{1,256}$)[a-zA-Z0-9](-*[a-zA-Z0-9])*\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*$/,
  "a content type such as text/csv or application/json (no parameters, at most 256 characters)",
);

const CONTENT_TYPE_KEYS = knownKeys<CaptureContentTypeProps>({
  csvText: optional(STRINGS),
  json: optional(STRINGS),
});
const CAPTURE_OPTION_KEYS = knownKeys<DataCaptureOptionsProps>({
  predictionRequest: optional(BOOLEAN),
  predictionResponse: optional(BOOLEAN),
  combineInputAndOutput: optional(BOOLEAN),
});
export const CAPTURE_KEYS = knownKeys<DataCaptureProps>({
  s3LocationToStoreDataCollected: STRING,
  captureContentType: optional(CONTENT_TYPE_KEYS),
  dataCaptureOptions: optional(CAPTURE_OPTION_KEYS),
  samplingPercentage: optional(NUMBER),
  encryptionKeyArn: optional(STRING),
});

export function validateDataCapture(
  problems: Problems,
  field: string,
  capture: DataCaptureProps,
): void {
  CAPTURE_KEYS.check(problems, field, capture);
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
  problems.check(`${field}.encryptionKeyArn`, capture.encryptionKeyArn, KMS_KEY_OR_ALIAS_ARN);

  const contentTypes = capture.captureContentType;
  if (contentTypes) {
    const typesField = `${field}.captureContentType`;
    CONTENT_TYPE_KEYS.check(problems, typesField, contentTypes);
    if (contentTypes.csvText === undefined && contentTypes.json === undefined) {
      problems.add(typesField, contentTypes, "at least one of csvText or json");
    }
    checkContentTypes(problems, `${typesField}.csvText`, contentTypes.csvText);
    checkContentTypes(problems, `${typesField}.json`, contentTypes.json);
  }

  const options = capture.dataCaptureOptions;
  CAPTURE_OPTION_KEYS.check(problems, `${field}.dataCaptureOptions`, options);
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

export function dataCaptureConfig(
  capture: DataCaptureProps,
  endpointEncryptionKeyArn: string | undefined,
): SagemakerEndpointConfigurationDataCaptureConfig {
  const contentTypes = capture.captureContentType;
  return {
    // As the module writes it (sagemaker-endpoint-configuration.tf): a data capture block that captures.
    enableCapture: true,
    initialSamplingPercentage: capture.samplingPercentage ?? 30,
    destinationS3Uri: capture.s3LocationToStoreDataCollected,
    kmsKeyId: capture.encryptionKeyArn ?? endpointEncryptionKeyArn,
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
