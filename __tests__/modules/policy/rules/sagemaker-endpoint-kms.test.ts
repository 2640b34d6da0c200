import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  hasOnlyNvmeStorage,
  sagemakerEndpointKms as rule,
} from "../../../../modules/policy/rules/sagemaker-endpoint-kms";
import { SagemakerInference } from "../../../../modules/sagemaker-inference/sagemaker-inference";
import { findingsOf } from "../../../helpers/policy";
import { model } from "../../sagemaker-inference/fixtures";

describe(rule.id, () => {
  it("accepts a key, on instance and serverless variants, and NVMe-only instances without one", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SagemakerEndpointConfiguration(scope, "with-key", {
          kmsKeyArn: "${aws_kms_key.k.arn}",
          productionVariants: [
            { modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 1 },
          ],
        });
        new SagemakerEndpointConfiguration(scope, "nvme", {
          productionVariants: [
            { modelName: "m", instanceType: "ml.g5.xlarge", initialInstanceCount: 1 },
          ],
        });
        new SagemakerEndpointConfiguration(scope, "serverless-with-key", {
          kmsKeyArn: "${aws_kms_key.k.arn}",
          productionVariants: [
            { modelName: "m", serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } },
          ],
        });
      }),
    ).toEqual([]);
  });

  it("reports a serverless variant without a key as a warning: the key would encrypt SageMaker's copy of the image", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SagemakerEndpointConfiguration(scope, "serverless", {
          productionVariants: [
            { modelName: "m", serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } },
          ],
        });
      }),
    ).toEqual([
      {
        address: "aws_sagemaker_endpoint_configuration.serverless",
        severity: "warning",
        message:
          "Its serverless variant has no customer managed KMS key, so SageMaker encrypts its copy of the model image with a key of its own; set kms_key_arn to a key whose policy lets the execution role use it.",
      },
    ]);
  });

  it("reports instance variants on EBS without a key, shadows and types from variables included", () => {
    expect(
      findingsOf(rule, (scope) => {
        const instanceType = new TerraformVariable(scope, "instance_type", { type: "string" });
        new SagemakerEndpointConfiguration(scope, "config", {
          productionVariants: [
            {
              variantName: "primary",
              modelName: "m",
              instanceType: "ml.m5.large",
              initialInstanceCount: 1,
            },
          ],
          shadowProductionVariants: [
            { modelName: "m", instanceType: instanceType.stringValue, initialInstanceCount: 1 },
          ],
        });
      }),
    ).toEqual([
      {
        address: "aws_sagemaker_endpoint_configuration.config",
        severity: "error",
        message:
          "Its instance-backed variants (primary on ml.m5.large, #2 on ${var.instance_type}) keep the model and data on ML storage volumes without a customer managed KMS key; set kms_key_arn.",
      },
    ]);
  });

  it.each([
    ["ml.g5.xlarge", true],
    ["ml.p4d.24xlarge", true],
    ["ml.m5d.large", true],
    ["ml.p6-b200.48xlarge", true],
    ["ml.m5.large", false],
    ["ml.inf2.xlarge", false],
    ["ml.g7e.2xlarge", false],
    ["${var.instance_type}", false],
  ])("knows whether %s has only NVMe storage (%s)", (instanceType, nvme) => {
    expect(hasOnlyNvmeStorage(instanceType)).toBe(nvme);
  });
});

describe(`${rule.id} on SagemakerInference`, () => {
  it("names the construct prop that sets the key, beside the Terraform attribute", () => {
    const findings = findingsOf(rule, (scope) => {
      new SagemakerInference(scope, "inference", {
        models: { "demo-model": model() },
        endpoints: {
          "realtime-endpoint": {
            provisioned: { productionVariants: { "demo-model": { instanceType: "ml.m5.large" } } },
          },
        },
      });
    });
    expect(findings.map(({ message }) => message)).toEqual([
      "Its instance-backed variants (demo-model on ml.m5.large) keep the model and data on ML storage volumes " +
        "without a customer managed KMS key; set endpoints.realtime-endpoint.encryptionKeyArn on stack/inference " +
        "(kms_key_arn).",
    ]);
  });
});
