/**
 * Tags of one resource beyond the entry's: the endpoint configuration's and the endpoint's own, the scalable
 * target's and each alarm's.
 */
import { describe, expect, it } from "vitest";
import { onlyResource } from "../../helpers/synth";
import { expectProblems, model, synthInference } from "./fixtures";

const BAD_KEY =
  "allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:";

describe("SagemakerInference tags of single resources", () => {
  const { json } = synthInference({
    models: { m: model() },
    additionalTagsAll: { env: "prod" },
    endpoints: {
      e: {
        additionalTags: { app: "demo", Name: "e" },
        endpointConfigurationAdditionalTags: { Name: "e-config", env: "lost" },
        endpointAdditionalTags: { Name: "e-endpoint" },
        provisioned: {
          productionVariants: {
            m: {
              instanceType: "ml.m5.large",
              autoScaling: {
                additionalTags: { scaling: "yes" },
                policies: { p: { expression: "Invocations sum = 100" } },
              },
              cloudwatchAlarms: {
                a: { expression: "Invocations sum > 1", additionalTags: { Name: "alarm-a" } },
              },
            },
          },
        },
      },
    },
  });

  it("tags the configuration and the endpoint each with its own tags over the endpoint's; tags for all win", () => {
    expect(onlyResource(json, "aws_sagemaker_endpoint_configuration").attributes.tags).toEqual({
      "managed-by": "Terraform",
      app: "demo",
      Name: "e-config",
      env: "prod",
    });
    expect(onlyResource(json, "aws_sagemaker_endpoint").attributes.tags).toEqual({
      "managed-by": "Terraform",
      app: "demo",
      Name: "e-endpoint",
      env: "prod",
    });
  });

  it("tags the scalable target and each alarm with their own tags", () => {
    expect(onlyResource(json, "aws_appautoscaling_target").attributes.tags).toEqual({
      "managed-by": "Terraform",
      scaling: "yes",
      env: "prod",
    });
    expect(onlyResource(json, "aws_cloudwatch_metric_alarm").attributes.tags).toEqual({
      "managed-by": "Terraform",
      Name: "alarm-a",
      env: "prod",
    });
  });

  it("checks these tags and their count", () => {
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`t${i}`, "v"]));
    expectProblems(
      {
        models: { m: model() },
        endpoints: {
          e: {
            additionalTags: { a: "1" },
            endpointConfigurationAdditionalTags: many,
            endpointAdditionalTags: { "aws:x": "1" },
            provisioned: {
              productionVariants: {
                m: {
                  instanceType: "ml.m5.large",
                  autoScaling: {
                    additionalTags: { "aws:y": "1" },
                    policies: { p: { expression: "Invocations sum = 100" } },
                  },
                  cloudwatchAlarms: {
                    a: { expression: "Invocations sum > 1", additionalTags: { "aws:z": "1" } },
                  },
                },
              },
            },
          },
        },
      },
      [
        'endpoints.e.endpointConfigurationAdditionalTags: got "51 tags"; allowed: at most 50 tags per resource, counting all the tags it gets',
        `endpoints.e.endpointAdditionalTags.aws:x: got "aws:x"; ${BAD_KEY}`,
        `endpoints.e.provisioned.productionVariants.m.autoScaling.additionalTags.aws:y: got "aws:y"; ${BAD_KEY}`,
        `endpoints.e.provisioned.productionVariants.m.cloudwatchAlarms.a.additionalTags.aws:z: got "aws:z"; ${BAD_KEY}`,
      ],
    );
  });
});
