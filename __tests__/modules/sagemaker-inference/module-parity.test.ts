/**
 * The maximal example (every module input, `maximal.ts`) synthesizes to the order, names and values the
 * FriendsOfTerraform module writes for the same inputs, read in its source (FriendsOfTerraform/modules,
 * aws/sagemaker-inference, commit 67cc84fe1da10f5e73f49934186bb214fbd1cfca). Where ours differs, a comment says how
 * and why ("module:"): the documented corrections (docs/corrections.md) and what goes beyond the module.
 */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import { contentName } from "../../helpers/content-names";
import { withBaseNames } from "../../helpers/content-names";
import { resource, synthStack } from "../../helpers/synth";
import {
  KEY_ARN,
  MaximalStack,
  ROLE_ARN,
  SKLEARN,
  TENSORFLOW,
  TOPIC_ARN,
  XGBOOST,
} from "./maximal";

const stack = new MaximalStack(Testing.app(), "maximal");
// Beyond the module: models and configurations are named after their content (the test below); the rest of
// the file reads them by the module's names.
const synthesized = synthStack(stack);
const json = withBaseNames(synthesized);

/** managed-by, the entry's own tags, then additional_tags_all: `merge(local.common_tags, ..., var.additional_tags_all)`. */
const TAGS = { "managed-by": "Terraform", "cost-center": "ml-platform" };

// module: every model also gets `enable_network_isolation = false` unless set, and every container
// `environment = {}` unless set; here both are left out, which the AWS provider reads the same (no isolation, no
// variables).
const model = (name: string, container: Record<string, unknown>) => ({
  name,
  execution_role_arn: ROLE_ARN,
  container: [container],
  tags: TAGS,
});

describe("the maximal example, against the module's source", () => {
  it("models: containers by key, uncompressed data by suffix, multi-model, VPC, isolation, tags", () => {
    expect(resource(json, "aws_sagemaker_model", "pipeline")).toEqual({
      name: "pipeline",
      execution_role_arn: ROLE_ARN,
      container: [
        {
          container_hostname: "1-preprocess",
          image: SKLEARN,
          mode: "SingleModel",
          environment: { SAGEMAKER_PROGRAM: "preprocess.py" },
          // compression_type "uncompressedmodel": the module compares it lower-cased
          model_data_source: {
            s3_data_source: [
              {
                s3_uri: "s3://ml-models/pipeline/preprocess/",
                s3_data_type: "S3Prefix",
                compression_type: "None",
              },
            ],
          },
        },
        {
          container_hostname: "2-predict",
          image: XGBOOST,
          mode: "SingleModel",
          model_data_url: "s3://ml-models/pipeline/model.tar.gz",
        },
        {
          container_hostname: "3-postprocess",
          image: SKLEARN,
          mode: "SingleModel",
          model_data_source: {
            s3_data_source: [
              {
                s3_uri: "s3://ml-models/pipeline/postprocess.tar.gz",
                s3_data_type: "S3Object",
                compression_type: "Gzip",
              },
            ],
          },
        },
      ],
      inference_execution_config: { mode: "Serial" },
      tags: { ...TAGS, model: "pipeline" },
    });
    expect(resource(json, "aws_sagemaker_model", "ensemble")).toEqual({
      name: "ensemble",
      execution_role_arn: ROLE_ARN,
      // listed xgboost, linear: written by key, as the module's dynamic "container" does
      container: [
        {
          container_hostname: "linear",
          image: SKLEARN,
          mode: "SingleModel",
          model_data_url: "s3://ml-models/ensemble/linear.tar.gz",
        },
        {
          container_hostname: "xgboost",
          image: XGBOOST,
          mode: "SingleModel",
          model_data_url: "s3://ml-models/ensemble/xgboost.tar.gz",
        },
      ],
      inference_execution_config: { mode: "Direct" },
      tags: TAGS,
    });
    expect(resource(json, "aws_sagemaker_model", "multi_model")).toEqual({
      name: "multi-model",
      execution_role_arn: ROLE_ARN,
      enable_network_isolation: true,
      container: [
        {
          container_hostname: "models",
          image: TENSORFLOW,
          mode: "MultiModel",
          model_data_url: "s3://ml-models/multi/",
          multi_model_config: { model_cache_setting: "Disabled" },
        },
      ],
      vpc_config: {
        security_group_ids: ["sg-0123456789abcdef0"],
        subnets: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
      },
      tags: TAGS,
    });
    for (const [address, name, image] of [
      ["champion", "champion", XGBOOST],
      ["challenger", "challenger", XGBOOST],
      ["embedding", "embedding", SKLEARN],
    ] as const) {
      expect(resource(json, "aws_sagemaker_model", address)).toEqual(
        model(name, {
          container_hostname: "main",
          image,
          mode: "SingleModel",
          model_data_url: `s3://ml-models/${name}/model.tar.gz`,
        }),
      );
    }
  });

  it("a provisioned endpoint: variants by key, every variant setting, data capture", () => {
    expect(resource(json, "aws_sagemaker_endpoint_configuration", "realtime")).toEqual({
      name: "realtime",
      kms_key_arn: KEY_ARN,
      // listed pipeline, ensemble, multi-model: written by key, as the module's dynamic "production_variants"
      production_variants: [
        {
          variant_name: "ensemble",
          model_name: "${aws_sagemaker_model.ensemble.name}",
          instance_type: "ml.c5.large",
          initial_instance_count: 1,
          initial_variant_weight: 1,
        },
        {
          variant_name: "multi-model",
          model_name: "${aws_sagemaker_model.multi_model.name}",
          instance_type: "ml.m5.large",
          initial_instance_count: 1,
          initial_variant_weight: 1,
        },
        {
          variant_name: "pipeline",
          model_name: "${aws_sagemaker_model.pipeline.name}",
          instance_type: "ml.m5.xlarge",
          initial_instance_count: 2,
          initial_variant_weight: 3,
          volume_size_in_gb: 50,
          container_startup_health_check_timeout_in_seconds: 600,
          model_data_download_timeout_in_seconds: 3600,
        },
      ],
      data_capture_config: {
        enable_capture: true,
        initial_sampling_percentage: 50,
        destination_s3_uri: "s3://ml-capture/realtime/",
        kms_key_id: KEY_ARN,
        capture_content_type_header: {
          csv_content_types: ["text/csv"],
          json_content_types: ["application/json"],
        },
        capture_options: [{ capture_mode: "Input" }],
      },
      tags: { ...TAGS, tier: "realtime" },
    });
    expect(resource(json, "aws_sagemaker_endpoint", "realtime")).toEqual({
      name: "realtime",
      endpoint_config_name: "${aws_sagemaker_endpoint_configuration.realtime.name}",
      tags: { ...TAGS, tier: "realtime" },
    });
  });

  it("a shadow variant, with the settings of a production variant", () => {
    expect(resource(json, "aws_sagemaker_endpoint_configuration", "shadow")).toEqual({
      name: "shadow",
      kms_key_arn: KEY_ARN,
      production_variants: [
        {
          variant_name: "champion",
          model_name: "${aws_sagemaker_model.champion.name}",
          instance_type: "ml.m5.large",
          initial_instance_count: 1,
          initial_variant_weight: 1,
        },
      ],
      shadow_production_variants: [
        {
          variant_name: "challenger",
          model_name: "${aws_sagemaker_model.challenger.name}",
          instance_type: "ml.m5.large",
          initial_instance_count: 1,
          initial_variant_weight: 0.5,
          volume_size_in_gb: 20,
          // module: the shadow timeouts are typed as numbers but split as "<n> <unit>", so no value works (a
          // correction, docs/corrections.md); here they are durations, like a production variant's
          container_startup_health_check_timeout_in_seconds: 300,
          model_data_download_timeout_in_seconds: 900,
        },
      ],
      tags: TAGS,
    });
  });

  it("asynchronous inference", () => {
    expect(resource(json, "aws_sagemaker_endpoint_configuration", "batch")).toEqual({
      name: "batch",
      kms_key_arn: KEY_ARN,
      production_variants: [
        {
          variant_name: "champion",
          model_name: "${aws_sagemaker_model.champion.name}",
          instance_type: "ml.m5.large",
          initial_instance_count: 1,
          initial_variant_weight: 1,
        },
      ],
      async_inference_config: {
        output_config: {
          s3_output_path: "s3://ml-async/batch/output/",
          s3_failure_path: "s3://ml-async/batch/failure/",
          kms_key_id: KEY_ARN,
          notification_config: {
            error_topic: TOPIC_ARN,
            success_topic: TOPIC_ARN,
            // module: ["ERROR_NOTIFICATION_TOPIC", "SUCCESS_NOTIFICATION_TOPIC"]; the attribute is a set
            include_inference_response_in: [
              "SUCCESS_NOTIFICATION_TOPIC",
              "ERROR_NOTIFICATION_TOPIC",
            ],
          },
        },
        client_config: { max_concurrent_invocations_per_instance: 4 },
      },
      tags: TAGS,
    });
  });

  it("a serverless endpoint", () => {
    // module: at every commit since auto scaling and alarms were added (b20ec75), the alarms' for expression reads
    // `endpoint_config.provisioned.production_variants` of every endpoint, so a serverless one fails the plan (a
    // correction, docs/corrections.md); this is the serverless configuration its source writes.
    expect(resource(json, "aws_sagemaker_endpoint_configuration", "embedding_serverless")).toEqual({
      name: "embedding-serverless",
      kms_key_arn: KEY_ARN,
      production_variants: [
        {
          variant_name: "embedding",
          model_name: "${aws_sagemaker_model.embedding.name}",
          serverless_config: {
            max_concurrency: 10,
            memory_size_in_mb: 2048,
            provisioned_concurrency: 2,
          },
        },
      ],
      tags: { ...TAGS, tier: "serverless" },
    });
  });

  it("auto scaling: the target, a predefined and a customized metric, every policy setting", () => {
    expect(resource(json, "aws_appautoscaling_target", "realtime_pipeline")).toEqual({
      service_namespace: "sagemaker",
      resource_id: "endpoint/realtime/variant/pipeline",
      scalable_dimension: "sagemaker:variant:DesiredInstanceCount",
      min_capacity: 2,
      max_capacity: 6,
      // module: depends on every endpoint; here on its own
      depends_on: ["aws_sagemaker_endpoint.realtime"],
      // module: no tags (beyond the module: a scalable target is taggable, and tagged like the rest)
      tags: TAGS,
    });
    const onTarget = {
      policy_type: "TargetTrackingScaling",
      resource_id: "${aws_appautoscaling_target.realtime_pipeline.resource_id}",
      scalable_dimension: "${aws_appautoscaling_target.realtime_pipeline.scalable_dimension}",
      service_namespace: "${aws_appautoscaling_target.realtime_pipeline.service_namespace}",
    };
    expect(resource(json, "aws_appautoscaling_policy", "realtime_pipeline_invocations")).toEqual({
      name: "realtime/pipeline/invocations",
      ...onTarget,
      target_tracking_scaling_policy_configuration: {
        predefined_metric_specification: {
          predefined_metric_type: "SageMakerVariantInvocationsPerInstance",
        },
        target_value: 500,
        disable_scale_in: false,
        scale_in_cooldown: 300,
        scale_out_cooldown: 300,
      },
    });
    expect(resource(json, "aws_appautoscaling_policy", "realtime_pipeline_latency")).toEqual({
      name: "realtime/pipeline/latency",
      ...onTarget,
      target_tracking_scaling_policy_configuration: {
        customized_metric_specification: {
          metric_name: "ModelLatency",
          namespace: "AWS/SageMaker",
          statistic: "Average",
          dimensions: [
            { name: "EndpointName", value: "realtime" },
            { name: "VariantName", value: "pipeline" },
          ],
        },
        target_value: 200000,
        disable_scale_in: true,
        scale_in_cooldown: 600,
        scale_out_cooldown: 30,
      },
    });
  });

  it("an alarm with every setting", () => {
    expect(resource(json, "aws_cloudwatch_metric_alarm", "realtime_pipeline_errors")).toEqual({
      alarm_name: "realtime/pipeline/errors",
      alarm_description: "Server errors of the pipeline",
      metric_name: "Invocation5XXErrors",
      namespace: "AWS/SageMaker",
      statistic: "Sum",
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 5,
      period: 300,
      evaluation_periods: 3,
      dimensions: { EndpointName: "realtime", VariantName: "pipeline" },
      alarm_actions: [TOPIC_ARN],
      ok_actions: [TOPIC_ARN],
      // module: no tags (beyond the module, as for the target)
      tags: TAGS,
    });
  });

  it("names models and configurations after their content, created before destroyed (beyond the module)", () => {
    const pipeline = resource(synthesized, "aws_sagemaker_model", "pipeline");
    expect(pipeline.name).toBe(contentName("pipeline", "model_content_pipeline"));
    expect(pipeline.lifecycle).toEqual({ create_before_destroy: true });
    expect(synthesized.locals!.model_content_pipeline).toEqual({
      base_name: "pipeline",
      arguments: {
        execution_role_arn: ROLE_ARN,
        container: (resource(json, "aws_sagemaker_model", "pipeline") as { container: unknown })
          .container,
        inference_execution_config: { mode: "Serial" },
      },
    });
    const realtime = resource(synthesized, "aws_sagemaker_endpoint_configuration", "realtime");
    expect(realtime.name).toBe(contentName("realtime", "endpoint_configuration_content_realtime"));
    expect(realtime.lifecycle).toEqual({ create_before_destroy: true });
    expect(resource(json, "aws_sagemaker_endpoint", "realtime").endpoint_config_name).toBe(
      "${aws_sagemaker_endpoint_configuration.realtime.name}",
    );
  });

  it("creates nothing else, and warns about nothing", () => {
    const counts = Object.fromEntries(
      Object.entries(json.resource ?? {}).map(([type, byName]) => [
        type,
        Object.keys(byName).length,
      ]),
    );
    expect(counts).toEqual({
      aws_sagemaker_model: 6,
      aws_sagemaker_endpoint_configuration: 4,
      aws_sagemaker_endpoint: 4,
      aws_appautoscaling_target: 1,
      aws_appautoscaling_policy: 2,
      aws_cloudwatch_metric_alarm: 1,
    });
    expect(
      reportedAnnotations(stack.inference)
        .filter((annotation) => annotation.level === "warning")
        .filter((annotation) => !annotation.message.startsWith("[")),
    ).toEqual([]);
  });
});
