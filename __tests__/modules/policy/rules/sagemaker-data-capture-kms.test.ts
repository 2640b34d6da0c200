import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { sagemakerDataCaptureKms as rule } from "../../../../modules/policy/rules/sagemaker-data-capture-kms";
import { findingsOf } from "../../../helpers/policy";

function configuration(
  scope: Construct,
  id: string,
  capture?: { enableCapture?: boolean; kmsKeyId?: string },
): void {
  new SagemakerEndpointConfiguration(scope, id, {
    kmsKeyArn: "${aws_kms_key.k.arn}",
    productionVariants: [{ modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 1 }],
    dataCaptureConfig: capture && {
      ...capture,
      initialSamplingPercentage: 100,
      destinationS3Uri: "s3://capture/endpoint",
      captureOptions: [{ captureMode: "Input" }],
    },
  });
}

describe(rule.id, () => {
  it("accepts encrypted capture, disabled capture, and no capture", () => {
    expect(
      findingsOf(rule, (scope) => {
        configuration(scope, "encrypted", { kmsKeyId: "${aws_kms_key.k.arn}" });
        configuration(scope, "disabled", { enableCapture: false });
        configuration(scope, "none");
      }),
    ).toEqual([]);
  });

  it("reports capture without a KMS key", () => {
    expect(findingsOf(rule, (scope) => configuration(scope, "plain", {}))).toEqual([
      {
        address: "aws_sagemaker_endpoint_configuration.plain",
        severity: "error",
        message:
          "Captures inference data to S3 without a customer managed KMS key; set data_capture_config.kms_key_id.",
      },
    ]);
  });
});
