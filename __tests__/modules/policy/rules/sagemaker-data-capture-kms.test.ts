import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { sagemakerDataCaptureKms as rule } from "../../../../modules/policy/rules/sagemaker-data-capture-kms";
import { SagemakerInference } from "../../../../modules/sagemaker-inference/sagemaker-inference";
import { findingsOf } from "../../../helpers/policy";
import { model } from "../../sagemaker-inference/fixtures";

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

describe(`${rule.id} on SagemakerInference`, () => {
  it("names the construct prop that sets the capture key, beside the Terraform attribute", () => {
    const findings = findingsOf(rule, (scope) => {
      new SagemakerInference(scope, "inference", {
        models: { "demo-model": model() },
        endpoints: {
          realtime: {
            provisioned: {
              productionVariants: { "demo-model": { instanceType: "ml.m5.large" } },
              enableDataCapture: { s3LocationToStoreDataCollected: "s3://capture/realtime" },
            },
          },
        },
      });
    });
    expect(findings.map(({ message }) => message)).toEqual([
      "Captures inference data to S3 without a customer managed KMS key; set " +
        "endpoints.realtime.provisioned.enableDataCapture.encryptionKeyArn on stack/inference " +
        "(data_capture_config.kms_key_id).",
    ]);
  });
});
