import { describe, expect, it } from "vitest";
import { resourcesOf } from "../../helpers/synth";
import { model, resourcesBy, synthInference } from "./fixtures";

describe("SagemakerInference auto scaling", () => {
  const { json, inference } = synthInference({
    models: { a: model(), small: model() },
    additionalTagsAll: { env: "prod" },
    endpoints: {
      realtime: {
        additionalTags: { app: "demo" },
        provisioned: {
          productionVariants: {
            a: {
              instanceType: "ml.c5.xlarge",
              variantName: "primary",
              autoScaling: {
                minimumCapacity: 2,
                maximumCapacity: 8,
                policies: {
                  cpu: {
                    expression: "CPUUtilization maximum = 70",
                    enableScaleIn: false,
                    scaleInCooldownPeriod: "10 minutes",
                    scaleOutCooldownPeriod: "30 seconds",
                    policyName: "cpu-tracking",
                  },
                  concurrency: {
                    expression: "SageMakerVariantConcurrentRequestsPerModelHighResolution = 4",
                  },
                },
              },
            },
          },
        },
      },
      warm: {
        serverless: {
          variant: {
            modelName: "small",
            maxConcurrency: 100,
            provisionedConcurrency: 20,
            autoScaling: {
              minimumCapacity: 5,
              policies: {
                utilization: {
                  expression: "SageMakerVariantProvisionedConcurrencyUtilization = 0.7",
                },
              },
            },
          },
        },
      },
    },
  });
  const targets = resourcesBy(json, "aws_appautoscaling_target", "resource_id");
  const policies = resourcesBy(json, "aws_appautoscaling_policy", "name");
  const targetOf = (variantPath: string) =>
    Object.entries(resourcesOf(json, "aws_appautoscaling_target")).find(
      ([, t]) => t.resource_id === `endpoint/${variantPath}`,
    )![0];
  const endpointOf = (name: string) =>
    Object.entries(resourcesOf(json, "aws_sagemaker_endpoint")).find(
      ([, e]) => e.name === name,
    )![0];

  it("scales the instances of a provisioned variant between its capacities", () => {
    expect(targets["endpoint/realtime/variant/primary"]).toEqual({
      service_namespace: "sagemaker",
      resource_id: "endpoint/realtime/variant/primary",
      scalable_dimension: "sagemaker:variant:DesiredInstanceCount",
      min_capacity: 2,
      max_capacity: 8,
      tags: { "managed-by": "Terraform", env: "prod" },
      depends_on: [`aws_sagemaker_endpoint.${endpointOf("realtime")}`],
    });
  });

  it("writes cooldowns in seconds, scale-in switched off, the policy's own name and the instance namespace", () => {
    const target = targetOf("realtime/variant/primary");
    expect(policies["cpu-tracking"]).toEqual({
      name: "cpu-tracking",
      policy_type: "TargetTrackingScaling",
      resource_id: `\${aws_appautoscaling_target.${target}.resource_id}`,
      scalable_dimension: `\${aws_appautoscaling_target.${target}.scalable_dimension}`,
      service_namespace: `\${aws_appautoscaling_target.${target}.service_namespace}`,
      target_tracking_scaling_policy_configuration: {
        customized_metric_specification: {
          metric_name: "CPUUtilization",
          namespace: "/aws/sagemaker/Endpoints",
          statistic: "Maximum",
          dimensions: [
            { name: "EndpointName", value: "realtime" },
            { name: "VariantName", value: "primary" },
          ],
        },
        target_value: 70,
        disable_scale_in: true,
        scale_in_cooldown: 600,
        scale_out_cooldown: 30,
      },
    });
  });

  it("names a policy <endpoint>/<variant name>/<policy> by default", () => {
    expect(
      policies["realtime/primary/concurrency"]!.target_tracking_scaling_policy_configuration,
    ).toEqual({
      predefined_metric_specification: {
        predefined_metric_type: "SageMakerVariantConcurrentRequestsPerModelHighResolution",
      },
      target_value: 4,
      disable_scale_in: false,
      scale_in_cooldown: 300,
      scale_out_cooldown: 300,
    });
  });

  it("scales the provisioned concurrency of a serverless endpoint, up to it by default", () => {
    expect(targets["endpoint/warm/variant/small"]).toEqual({
      service_namespace: "sagemaker",
      resource_id: "endpoint/warm/variant/small",
      scalable_dimension: "sagemaker:variant:DesiredProvisionedConcurrency",
      min_capacity: 5,
      max_capacity: 20,
      tags: { "managed-by": "Terraform", env: "prod" },
      depends_on: [`aws_sagemaker_endpoint.${endpointOf("warm")}`],
    });
    const target = targetOf("warm/variant/small");
    expect(policies["warm/small/utilization"]).toEqual({
      name: "warm/small/utilization",
      policy_type: "TargetTrackingScaling",
      resource_id: `\${aws_appautoscaling_target.${target}.resource_id}`,
      scalable_dimension: `\${aws_appautoscaling_target.${target}.scalable_dimension}`,
      service_namespace: `\${aws_appautoscaling_target.${target}.service_namespace}`,
      target_tracking_scaling_policy_configuration: {
        predefined_metric_specification: {
          predefined_metric_type: "SageMakerVariantProvisionedConcurrencyUtilization",
        },
        target_value: 0.7,
        disable_scale_in: false,
        scale_in_cooldown: 300,
        scale_out_cooldown: 300,
      },
    });
  });

  it("keys targets by <endpoint>/<variant key> and policies by <endpoint>/<variant key>/<policy key>", () => {
    expect(Object.keys(inference.scalingTargets)).toEqual(["realtime/a", "warm/small"]);
    expect(Object.keys(inference.scalingPolicies)).toEqual([
      "realtime/a/cpu",
      "realtime/a/concurrency",
      "warm/small/utilization",
    ]);
  });
});
