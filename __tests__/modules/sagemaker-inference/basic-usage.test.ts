/**
 * The "Basic Usage" example of the FriendsOfTerraform module (seed 004) synthesizes to the resources the
 * module creates, with the same names and values (its source: FriendsOfTerraform/modules, aws/sagemaker-inference,
 * commit 67cc84fe1da10f5e73f49934186bb214fbd1cfca), but for the tags noted. The module also writes
 * `enable_network_isolation = false` and `environment = {}`, left out here: the same to the AWS provider.
 */
import { describe, expect, it } from "vitest";
import { addresses, resource, resolved } from "../../helpers/synth";
import { BASIC_USAGE, IMAGE, ROLE_ARN, synthInference } from "./fixtures";

const MODEL = "aws_sagemaker_model.basic_usage_model_demo-model_9DF5C7F7";
const CONFIGURATION =
  "aws_sagemaker_endpoint_configuration.basic_usage_endpoint-configuration_realtime-endpoint_F7D46096";
const ENDPOINT = "aws_sagemaker_endpoint.basic_usage_endpoint_realtime-endpoint_CE4A4CD6";
const TARGET =
  "aws_appautoscaling_target.basic_usage_scaling-target_realtime-endpoint_demo-model_E38810CD";
const BUILTIN_POLICY =
  "aws_appautoscaling_policy.basic_usage_scaling-policy_realtime-endpoint_demo-model_builtin-policy_87C16CFF";
const CUSTOM_POLICY =
  "aws_appautoscaling_policy.basic_usage_scaling-policy_realtime-endpoint_demo-model_keep-invocations-near-100_361C976A";
const ALARM_5XX =
  "aws_cloudwatch_metric_alarm.basic_usage_alarm_realtime-endpoint_demo-model_invocation-5xx-errors-greater-than-10_006D77AF";
const ALARM_INVOCATIONS =
  "aws_cloudwatch_metric_alarm.basic_usage_alarm_realtime-endpoint_demo-model_invocations-greater-than-1000_1977A22A";
const TAGS = { "managed-by": "Terraform" };

function at(address: string): [string, string] {
  const [type, name] = address.split(".") as [string, string];
  return [type, name];
}

describe("SagemakerInference: the module's basic usage", () => {
  const { json, inference } = synthInference(BASIC_USAGE, "basic_usage");
  const get = (address: string) => resource(json, ...at(address));

  it("creates a model, an endpoint configuration, an endpoint, a scaling target, two policies and two alarms", () => {
    expect(addresses(json)).toEqual(
      [
        ALARM_5XX,
        ALARM_INVOCATIONS,
        BUILTIN_POLICY,
        CUSTOM_POLICY,
        TARGET,
        ENDPOINT,
        CONFIGURATION,
        MODEL,
      ].sort(),
    );
  });

  it("names the model by its key and gives it one container per container definition", () => {
    expect(get(MODEL)).toEqual({
      name: "demo-model",
      execution_role_arn: ROLE_ARN,
      container: [
        {
          container_hostname: "container1",
          image: IMAGE,
          mode: "SingleModel",
          model_data_url: "s3://demo-bucket/demo-model.tar.gz",
        },
      ],
      tags: TAGS,
    });
  });

  it("names the endpoint configuration and the endpoint by the endpoint's key and the variant by its model", () => {
    expect(get(CONFIGURATION)).toEqual({
      name: "realtime-endpoint",
      production_variants: [
        {
          variant_name: "demo-model",
          model_name: `\${${MODEL}.name}`,
          instance_type: "ml.m5.large",
          initial_instance_count: 1,
          initial_variant_weight: 1,
        },
      ],
      tags: TAGS,
    });
    expect(get(ENDPOINT)).toEqual({
      name: "realtime-endpoint",
      endpoint_config_name: `\${${CONFIGURATION}.name}`,
      tags: TAGS,
    });
  });

  it("registers the variant's instance count for auto scaling, 1 to 1, once the endpoint exists", () => {
    expect(get(TARGET)).toEqual({
      service_namespace: "sagemaker",
      resource_id: "endpoint/realtime-endpoint/variant/demo-model",
      scalable_dimension: "sagemaker:variant:DesiredInstanceCount",
      min_capacity: 1,
      max_capacity: 1,
      // module: no tags on its targets (beyond the module: tagged like the other resources)
      tags: TAGS,
      depends_on: [ENDPOINT],
    });
  });

  const onTarget = {
    policy_type: "TargetTrackingScaling",
    resource_id: `\${${TARGET}.resource_id}`,
    scalable_dimension: `\${${TARGET}.scalable_dimension}`,
    service_namespace: `\${${TARGET}.service_namespace}`,
  };

  it("turns a predefined metric into a predefined metric specification", () => {
    expect(get(BUILTIN_POLICY)).toEqual({
      name: "realtime-endpoint/demo-model/builtin-policy",
      ...onTarget,
      target_tracking_scaling_policy_configuration: {
        predefined_metric_specification: {
          predefined_metric_type: "SageMakerVariantInvocationsPerInstance",
        },
        target_value: 1000,
        disable_scale_in: false,
        scale_in_cooldown: 300,
        scale_out_cooldown: 300,
      },
    });
  });

  it("turns any other metric into a customized metric on the variant's dimensions", () => {
    expect(get(CUSTOM_POLICY)).toEqual({
      name: "realtime-endpoint/demo-model/keep-invocations-near-100",
      ...onTarget,
      target_tracking_scaling_policy_configuration: {
        customized_metric_specification: {
          metric_name: "Invocations",
          namespace: "AWS/SageMaker",
          statistic: "Average",
          dimensions: [
            { name: "EndpointName", value: "realtime-endpoint" },
            { name: "VariantName", value: "demo-model" },
          ],
        },
        target_value: 100,
        disable_scale_in: false,
        scale_in_cooldown: 300,
        scale_out_cooldown: 300,
      },
    });
  });

  it("creates an alarm per expression, named <endpoint>/<variant>/<alarm>, over 1 minute", () => {
    const alarm = {
      namespace: "AWS/SageMaker",
      statistic: "Average",
      period: 60,
      evaluation_periods: 1,
      dimensions: { EndpointName: "realtime-endpoint", VariantName: "demo-model" },
      // module: no tags on its alarms (beyond the module, as for the target)
      tags: TAGS,
    };
    expect(get(ALARM_INVOCATIONS)).toEqual({
      ...alarm,
      alarm_name: "realtime-endpoint/demo-model/invocations-greater-than-1000",
      metric_name: "Invocations",
      comparison_operator: "GreaterThanThreshold",
      threshold: 1000,
    });
    expect(get(ALARM_5XX)).toEqual({
      ...alarm,
      alarm_name: "realtime-endpoint/demo-model/invocation-5xx-errors-greater-than-10",
      metric_name: "Invocation5XXErrors",
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 10,
    });
  });

  it("exposes what it created by key", () => {
    expect(Object.keys(inference.models)).toEqual(["demo-model"]);
    expect(Object.keys(inference.endpointConfigurations)).toEqual(["realtime-endpoint"]);
    expect(Object.keys(inference.endpoints)).toEqual(["realtime-endpoint"]);
    expect(Object.keys(inference.scalingTargets)).toEqual(["realtime-endpoint/demo-model"]);
    expect(Object.keys(inference.scalingPolicies)).toEqual([
      "realtime-endpoint/demo-model/builtin-policy",
      "realtime-endpoint/demo-model/keep-invocations-near-100",
    ]);
    expect(Object.keys(inference.alarms)).toEqual([
      "realtime-endpoint/demo-model/invocations-greater-than-1000",
      "realtime-endpoint/demo-model/invocation-5xx-errors-greater-than-10",
    ]);
  });

  it("has typed accessors for names and ARNs", () => {
    expect(
      resolved(inference, {
        modelName: inference.modelName("demo-model"),
        modelArn: inference.modelArn("demo-model"),
        endpointName: inference.endpointName("realtime-endpoint"),
        endpointArn: inference.endpointArn("realtime-endpoint"),
        configurationName: inference.endpointConfigurationName("realtime-endpoint"),
        configurationArn: inference.endpointConfigurationArn("realtime-endpoint"),
        policyArn: inference.scalingPolicyArn("realtime-endpoint", "demo-model", "builtin-policy"),
        alarmArn: inference.alarmArn(
          "realtime-endpoint",
          "demo-model",
          "invocations-greater-than-1000",
        ),
      }),
    ).toEqual({
      modelName: `\${${MODEL}.name}`,
      modelArn: `\${${MODEL}.arn}`,
      endpointName: `\${${ENDPOINT}.name}`,
      endpointArn: `\${${ENDPOINT}.arn}`,
      configurationName: `\${${CONFIGURATION}.name}`,
      configurationArn: `\${${CONFIGURATION}.arn}`,
      policyArn: `\${${BUILTIN_POLICY}.arn}`,
      alarmArn: `\${${ALARM_INVOCATIONS}.arn}`,
    });
  });

  it("says which keys exist when an accessor is given an unknown one", () => {
    expect(() => inference.endpointArn("realtime")).toThrowError(
      "SagemakerInference 'test/basic_usage' has no endpoint 'realtime' (endpoint keys: realtime-endpoint)",
    );
    expect(() => inference.alarmArn("realtime-endpoint", "demo-model", "nope")).toThrowError(
      "SagemakerInference 'test/basic_usage' has no alarm 'realtime-endpoint/demo-model/nope' (alarm keys: realtime-endpoint/demo-model/invocations-greater-than-1000, realtime-endpoint/demo-model/invocation-5xx-errors-greater-than-10)",
    );
  });
});
