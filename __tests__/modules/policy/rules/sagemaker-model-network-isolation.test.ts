import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { describe, expect, it } from "vitest";
import { ServerlessEndpoint } from "../../../../modules/serverless-endpoint/serverless-endpoint";
import { sagemakerModelNetworkIsolation as rule } from "../../../../modules/policy/rules/sagemaker-model-network-isolation";
import { SagemakerInference } from "../../../../modules/sagemaker-inference/sagemaker-inference";
import { findingsOf } from "../../../helpers/policy";
import { KEY, model } from "../../sagemaker-inference/fixtures";

const IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:t";
const ROLE = "arn:x:iam::111122223333:role/r";

const NOT_ISOLATED =
  "Runs without network isolation (enable_network_isolation is not set), so its container can reach the internet";

describe(rule.id, () => {
  it("accepts isolated models", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SagemakerModel(scope, "isolated", {
          executionRoleArn: ROLE,
          enableNetworkIsolation: true,
          primaryContainer: { image: IMAGE, modelDataUrl: "s3://m/model.tar.gz" },
        });
      }),
    ).toEqual([]);
  });

  it("reports a model served serverless, and containers that download their model or code, saying why", () => {
    expect(
      findingsOf(rule, (scope) => {
        new ServerlessEndpoint(scope, "serverless", {
          modelName: "serverless-model",
          endpointConfigurationName: "serverless-config",
          endpointName: "serverless",
          iamRoleArn: "arn:aws:iam::111122223333:role/r",
          container: { image: IMAGE, modelDataLocation: "s3://models/model.tar.gz" },
        });
        new SagemakerModel(scope, "hub", {
          executionRoleArn: ROLE,
          primaryContainer: { image: IMAGE, environment: { HF_MODEL_ID: "${var.model_id}" } },
        });
        new SagemakerModel(scope, "code-in-s3", {
          executionRoleArn: ROLE,
          container: [
            {
              image: IMAGE,
              environment: { SAGEMAKER_SUBMIT_DIRECTORY: "s3://m/code", SAGEMAKER_PROGRAM: "a.py" },
            },
          ],
        });
      }),
    ).toEqual([
      {
        address: "aws_sagemaker_model.serverless_model_6C28237D",
        severity: "warning",
        message: `${NOT_ISOLATED}. A serverless endpoint serves it, and serverless endpoints do not support network isolation: acknowledge the finding, or serve the model from instances to isolate it.`,
      },
      {
        address: "aws_sagemaker_model.hub",
        severity: "warning",
        message: `${NOT_ISOLATED}. Its container downloads its model from the Hugging Face Hub (HF_MODEL_ID), which isolation would stop: package it into the model artifact and set enable_network_isolation to true, or acknowledge the finding.`,
      },
      {
        address: "aws_sagemaker_model.code-in-s3",
        severity: "warning",
        message: `${NOT_ISOLATED}. Its container downloads its inference code from S3 (SAGEMAKER_SUBMIT_DIRECTORY), which isolation would stop: package it into the model artifact and set enable_network_isolation to true, or acknowledge the finding.`,
      },
    ]);
  });

  it("reports an instance-served model that needs no network, and a Hub id that is a local path", () => {
    expect(
      findingsOf(rule, (scope) => {
        const model = new SagemakerModel(scope, "artifact", {
          name: "artifact",
          executionRoleArn: ROLE,
          primaryContainer: { image: IMAGE, modelDataUrl: "s3://m/model.tar.gz" },
        });
        new SagemakerEndpointConfiguration(scope, "instances", {
          productionVariants: [
            { modelName: model.name, instanceType: "ml.m5.large", initialInstanceCount: 1 },
          ],
        });
        new SagemakerModel(scope, "local", {
          executionRoleArn: ROLE,
          enableNetworkIsolation: false,
          primaryContainer: { image: IMAGE, environment: { HF_MODEL_ID: "/opt/ml/model" } },
        });
      }),
    ).toEqual([
      {
        address: "aws_sagemaker_model.artifact",
        severity: "warning",
        message: `${NOT_ISOLATED}; set it to true, or acknowledge the finding if the container needs the network.`,
      },
      {
        address: "aws_sagemaker_model.local",
        severity: "warning",
        message:
          "Runs without network isolation (enable_network_isolation is false), so its container can reach the internet; set it to true, or acknowledge the finding if the container needs the network.",
      },
    ]);
  });
});

describe(`${rule.id} on SagemakerInference`, () => {
  it("names the construct prop that turns isolation on", () => {
    const findings = findingsOf(rule, (scope) => {
      new SagemakerInference(scope, "inference", {
        models: { "demo-model": model() },
        endpoints: {
          realtime: {
            encryptionKeyArn: KEY,
            provisioned: { productionVariants: { "demo-model": { instanceType: "ml.m5.large" } } },
          },
        },
      });
    });
    expect(findings.map(({ message }) => message)).toEqual([
      "Runs without network isolation (enable_network_isolation is not set), so its container can reach the " +
        "internet; set models.demo-model.enableNetworkIsolation on stack/inference to true, or acknowledge the " +
        "finding if the container needs the network.",
    ]);
  });
});
