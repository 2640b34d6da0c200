import { howToSet } from "../construct-props";
import type { PolicyRule } from "../rule";
import { asBlock, isSet } from "../values";

export const sagemakerDataCaptureKms: PolicyRule = {
  id: "sagemaker-data-capture-kms",
  severity: "error",
  what: "Endpoint configurations that capture data encrypt it with a KMS key (`data_capture_config.kms_key_id`)",
  why: "Captured requests and responses are production inference data, often personal; a customer managed key controls who can read them in S3",
  checkov: [],
  reference:
    "SageMaker Developer Guide, Capture data from real-time endpoint (KmsKeyId); SageMaker API DataCaptureConfig KmsKeyId",
  appliesTo: ["aws_sagemaker_endpoint_configuration"],
  check(configuration) {
    const capture = asBlock(configuration.attributes.data_capture_config);
    if (!capture || capture.enable_capture === false || isSet(capture.kms_key_id)) return [];
    return [
      "Captures inference data to S3 without a customer managed KMS key; " +
        `set ${howToSet(configuration, "data_capture_config.kms_key_id")}.`,
    ];
  },
};
