import { describe, expect, it } from "vitest";
import type { SagemakerInferenceProps } from "../../../modules/sagemaker-inference/props";
import { acknowledgementFor } from "../../../modules/policy/acknowledgements";
import { resourcesOf } from "../../helpers/synth";
import { KEY, model, resourcesBy, synthInference, TOPIC } from "./fixtures";

/** The reason a serverless endpoint's model is acknowledged to run without network isolation. */
const SERVERLESS_NETWORK_ISOLATION_REASON =
  "Serverless endpoints do not support network isolation (SageMaker Developer Guide, Serverless Inference, feature exclusions); serve the model from instances (SagemakerInference, provisioned) to isolate it.";

const MODELS: SagemakerInferenceProps["models"] = {
  a: model(),
  b: model(),
  small: model(),
};

describe("SagemakerInference endpoints", () => {
  const { json, inference } = synthInference({
    models: MODELS,
    endpoints: {
      "two-variants": {
        encryptionKeyArn: KEY,
        additionalTags: { app: "demo" },
        endpointConfigurationName: "two-variants-config",
        provisioned: {
          productionVariants: {
            a: {
              instanceType: "ml.g5.xlarge",
              initialInstanceCount: 2,
              initialWeight: 0.75,
              volumeSizeInGB: 100,
              containerStartupTimeout: "10 minutes",
              modelDataDownloadTimeout: "1 hour",
              variantName: "primary",
            },
            b: { instanceType: "ml.m5.large", initialWeight: 0.25 },
          },
        },
      },
      async: {
        provisioned: {
          productionVariants: { a: { instanceType: "ml.m5.large" } },
          asyncInvocationConfig: {
            s3OutputPath: "s3://responses/ok/",
            s3FailurePath: "s3://responses/failed/",
            encryptionKeyArn: KEY,
            successNotificationLocation: TOPIC,
            errorNotificationLocation: `${TOPIC}-errors`,
            maxConcurrentInvocationsPerInstance: 4,
          },
        },
      },
      "async-minimal": {
        provisioned: {
          productionVariants: { a: { instanceType: "ml.m5.large" } },
          asyncInvocationConfig: {
            s3OutputPath: "s3://responses/ok/",
            errorNotificationLocation: TOPIC,
          },
        },
      },
      capture: {
        encryptionKeyArn: KEY,
        provisioned: {
          productionVariants: { a: { instanceType: "ml.m5.large" } },
          enableDataCapture: {
            s3LocationToStoreDataCollected: "s3://captures/capture",
            captureContentType: { csvText: ["text/csv"], json: ["application/json"] },
          },
        },
      },
      "capture-split": {
        provisioned: {
          productionVariants: { a: { instanceType: "ml.m5.large" } },
          enableDataCapture: {
            s3LocationToStoreDataCollected: "s3://captures/split",
            samplingPercentage: 100,
            encryptionKeyArn: `${KEY}0`,
            dataCaptureOptions: { combineInputAndOutput: false },
          },
        },
      },
      "capture-responses": {
        provisioned: {
          productionVariants: { a: { instanceType: "ml.m5.large" } },
          enableDataCapture: {
            s3LocationToStoreDataCollected: "s3://captures/responses",
            dataCaptureOptions: { predictionRequest: false },
          },
        },
      },
      shadow: {
        provisioned: {
          productionVariants: { a: { instanceType: "ml.m5.large" } },
          shadowVariants: {
            b: {
              instanceType: "ml.m5.xlarge",
              initialWeight: 0.5,
              containerStartupTimeout: "2 minutes",
              modelDataDownloadTimeout: "5 minutes",
              volumeSizeInGB: 30,
            },
          },
        },
      },
      serverless: { serverless: { variant: { modelName: "small" } } },
      "serverless-warm": {
        serverless: {
          variant: {
            modelName: "small",
            maxConcurrency: 50,
            memorySizeInMB: 6144,
            provisionedConcurrency: 10,
            variantName: "AllTraffic",
          },
        },
      },
    },
  });
  const configurations = resourcesBy(json, "aws_sagemaker_endpoint_configuration", "name");
  const modelName = (key: string) =>
    `\${aws_sagemaker_model.${Object.entries(resourcesOf(json, "aws_sagemaker_model")).find(([, m]) => m.name === key)![0]}.name}`;

  it("maps every variant setting; timeouts are durations in seconds", () => {
    expect(configurations["two-variants-config"]).toEqual({
      name: "two-variants-config",
      kms_key_arn: KEY,
      production_variants: [
        {
          variant_name: "primary",
          model_name: modelName("a"),
          instance_type: "ml.g5.xlarge",
          initial_instance_count: 2,
          initial_variant_weight: 0.75,
          volume_size_in_gb: 100,
          container_startup_health_check_timeout_in_seconds: 600,
          model_data_download_timeout_in_seconds: 3600,
        },
        {
          variant_name: "b",
          model_name: modelName("b"),
          instance_type: "ml.m5.large",
          initial_instance_count: 1,
          initial_variant_weight: 0.25,
        },
      ],
      tags: { "managed-by": "Terraform", app: "demo" },
    });
  });

  it("names the endpoint by its key and runs the configuration of its own name", () => {
    const endpoint = resourcesBy(json, "aws_sagemaker_endpoint", "name")["two-variants"]!;
    const configuration = Object.entries(
      resourcesOf(json, "aws_sagemaker_endpoint_configuration"),
    ).find(([, c]) => c.name === "two-variants-config")![0];
    expect(endpoint).toEqual({
      name: "two-variants",
      endpoint_config_name: `\${aws_sagemaker_endpoint_configuration.${configuration}.name}`,
      tags: { "managed-by": "Terraform", app: "demo" },
    });
    expect(Object.keys(inference.endpoints)).toContain("two-variants");
  });

  it("writes the async output, notification topics (with the response) and client config", () => {
    expect(configurations.async!.async_inference_config).toEqual({
      output_config: {
        s3_output_path: "s3://responses/ok/",
        s3_failure_path: "s3://responses/failed/",
        kms_key_id: KEY,
        notification_config: {
          success_topic: TOPIC,
          error_topic: `${TOPIC}-errors`,
          include_inference_response_in: ["SUCCESS_NOTIFICATION_TOPIC", "ERROR_NOTIFICATION_TOPIC"],
        },
      },
      client_config: { max_concurrent_invocations_per_instance: 4 },
    });
    expect(configurations["async-minimal"]!.async_inference_config).toEqual({
      output_config: {
        s3_output_path: "s3://responses/ok/",
        notification_config: {
          error_topic: TOPIC,
          include_inference_response_in: ["ERROR_NOTIFICATION_TOPIC"],
        },
      },
    });
  });

  it("enables capture of 30 % of requests and responses as InputAndOutput, encrypted with the endpoint's key", () => {
    expect(configurations.capture!.data_capture_config).toEqual({
      enable_capture: true,
      initial_sampling_percentage: 30,
      destination_s3_uri: "s3://captures/capture",
      kms_key_id: KEY,
      capture_content_type_header: {
        csv_content_types: ["text/csv"],
        json_content_types: ["application/json"],
      },
      capture_options: [{ capture_mode: "InputAndOutput" }],
    });
  });

  it("writes Input and Output as two capture options when asked, with the capture's own key", () => {
    expect(configurations["capture-split"]!.data_capture_config).toEqual({
      enable_capture: true,
      initial_sampling_percentage: 100,
      destination_s3_uri: "s3://captures/split",
      kms_key_id: `${KEY}0`,
      capture_options: [{ capture_mode: "Input" }, { capture_mode: "Output" }],
    });
  });

  it("captures only what is asked for", () => {
    expect(configurations["capture-responses"]!.data_capture_config).toEqual({
      enable_capture: true,
      initial_sampling_percentage: 30,
      destination_s3_uri: "s3://captures/responses",
      capture_options: [{ capture_mode: "Output" }],
    });
  });

  it("maps a shadow variant like a production variant, its timeouts given as durations", () => {
    expect(configurations.shadow!.shadow_production_variants).toEqual([
      {
        variant_name: "b",
        model_name: modelName("b"),
        instance_type: "ml.m5.xlarge",
        initial_instance_count: 1,
        initial_variant_weight: 0.5,
        volume_size_in_gb: 30,
        container_startup_health_check_timeout_in_seconds: 120,
        model_data_download_timeout_in_seconds: 300,
      },
    ]);
  });

  it("gives a serverless endpoint one variant of 1024 MB and 20 concurrent invocations by default", () => {
    expect(configurations.serverless).toEqual({
      name: "serverless",
      production_variants: [
        {
          variant_name: "small",
          model_name: modelName("small"),
          serverless_config: { max_concurrency: 20, memory_size_in_mb: 1024 },
        },
      ],
      tags: { "managed-by": "Terraform" },
    });
    expect(configurations["serverless-warm"]!.production_variants).toEqual([
      {
        variant_name: "AllTraffic",
        model_name: modelName("small"),
        serverless_config: {
          max_concurrency: 50,
          memory_size_in_mb: 6144,
          provisioned_concurrency: 10,
        },
      },
    ]);
  });

  it("acknowledges on a model served serverless (here by two endpoints) that it cannot be isolated", () => {
    const isolation = (key: string) =>
      acknowledgementFor(inference.models[key]!, "sagemaker-model-network-isolation")?.reason;
    expect(isolation("small")).toBe(SERVERLESS_NETWORK_ISOLATION_REASON);
    expect(isolation("a")).toBe(undefined);
    expect(isolation("b")).toBe(undefined);
  });
});

describe("SagemakerInference with serverless and provisioned endpoints in one map", () => {
  // Correction (defect 8): the module's alarm loop walks serverless endpoints too and fails on them.
  const { json } = synthInference({
    models: { a: model(), small: model() },
    endpoints: {
      realtime: {
        provisioned: {
          productionVariants: {
            a: {
              instanceType: "ml.m5.large",
              cloudwatchAlarms: { errors: { expression: "Invocation5XXErrors sum > 0" } },
            },
          },
        },
      },
      serverless: { serverless: { variant: { modelName: "small" } } },
    },
  });

  it("creates both endpoints and alarms the provisioned variant only", () => {
    expect(Object.keys(resourcesBy(json, "aws_sagemaker_endpoint", "name")).sort()).toEqual([
      "realtime",
      "serverless",
    ]);
    expect(Object.keys(resourcesBy(json, "aws_cloudwatch_metric_alarm", "alarm_name"))).toEqual([
      "realtime/a/errors",
    ]);
  });
});
