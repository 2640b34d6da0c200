/**
 * What the module accepts, accepted too: a statistic after a predefined metric (ignored, with a warning at synth),
 * and the compression type in any case.
 */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import type { ContainerDefinitionProps } from "../../../modules/sagemaker-inference/props";
import { errorOf, expectProblems, IMAGE, model, resourcesBy, synthInference } from "./fixtures";

const POLICIES = "endpoints.realtime.provisioned.productionVariants.m.autoScaling.policies";

describe("a statistic after a predefined metric", () => {
  const { stack, json } = synthInference({
    models: { m: model() },
    endpoints: {
      realtime: {
        provisioned: {
          productionVariants: {
            m: {
              instanceType: "ml.m5.large",
              autoScaling: {
                policies: {
                  builtin: { expression: "SageMakerVariantInvocationsPerInstance average = 100" },
                  plain: { expression: "SageMakerVariantInvocationsPerInstance = 200" },
                },
              },
            },
          },
        },
      },
    },
  });

  it("is ignored, as the module ignores it: a predefined metric specification", () => {
    const policies = resourcesBy(json, "aws_appautoscaling_policy", "name");
    expect(policies["realtime/m/builtin"]!.target_tracking_scaling_policy_configuration).toEqual({
      predefined_metric_specification: {
        predefined_metric_type: "SageMakerVariantInvocationsPerInstance",
      },
      target_value: 100,
      disable_scale_in: false,
      scale_in_cooldown: 300,
      scale_out_cooldown: 300,
    });
  });

  it("draws a warning naming the field, the statistic and why, for that policy only", () => {
    expect(reportedAnnotations(stack)).toEqual([
      {
        path: "test/inference",
        level: "warning",
        message: `${POLICIES}.builtin.expression: the statistic "average" is ignored: SageMakerVariantInvocationsPerInstance is a predefined metric, which has no statistic (the module ignores it too); leave it out`,
      },
    ]);
  });

  it("is warned about on a serverless endpoint's scaling too", () => {
    const { stack: serverless } = synthInference({
      models: { m: model() },
      endpoints: {
        warm: {
          serverless: {
            variant: {
              modelName: "m",
              provisionedConcurrency: 2,
              autoScaling: {
                policies: {
                  p: { expression: "SageMakerVariantProvisionedConcurrencyUtilization Sum = 0.5" },
                },
              },
            },
          },
        },
      },
    });
    expect(reportedAnnotations(serverless).map((annotation) => annotation.message)).toEqual([
      'endpoints.warm.serverless.variant.autoScaling.policies.p.expression: the statistic "Sum" is ignored: SageMakerVariantProvisionedConcurrencyUtilization is a predefined metric, which has no statistic (the module ignores it too); leave it out',
    ]);
  });

  it("must still be a statistic", () => {
    expectProblems(
      {
        models: { m: model() },
        endpoints: {
          realtime: {
            provisioned: {
              productionVariants: {
                m: {
                  instanceType: "ml.m5.large",
                  autoScaling: {
                    policies: {
                      p: { expression: "SageMakerVariantInvocationsPerInstance per = 100" },
                    },
                  },
                },
              },
            },
          },
        },
      },
      [
        `${POLICIES}.p.expression: got "SageMakerVariantInvocationsPerInstance per = 100"; allowed: <metric> [<statistic>] = <target>; at column 40 expected "=" or a statistic (average, maximum, minimum, sampleCount or sum), which a predefined metric ignores, found "per"`,
      ],
    );
  });
});

describe("the compression type", () => {
  const container = (compressionType: string, modelDataLocation: string) => ({
    image: IMAGE,
    modelDataLocation,
    compressionType: compressionType as ContainerDefinitionProps["compressionType"],
  });

  it("is read in any case, as the module compares it lower-cased", () => {
    const { json } = synthInference({
      models: {
        m: model({
          inferenceExecutionConfig: { mode: "Direct" },
          containerDefinitions: {
            lower: container("uncompressedmodel", "s3://models/raw/"),
            upper: container("COMPRESSEDMODEL", "s3://models/model.tar.gz"),
          },
        }),
      },
    });
    expect(resourcesBy(json, "aws_sagemaker_model", "name").m!.container).toEqual([
      {
        container_hostname: "lower",
        image: IMAGE,
        mode: "SingleModel",
        model_data_source: {
          s3_data_source: [
            { s3_uri: "s3://models/raw/", s3_data_type: "S3Prefix", compression_type: "None" },
          ],
        },
      },
      {
        container_hostname: "upper",
        image: IMAGE,
        mode: "SingleModel",
        model_data_url: "s3://models/model.tar.gz",
      },
    ]);
  });

  it("refuses another value, and one known only at apply time (it chooses between two blocks)", () => {
    let variable = "";
    const error = errorOf((stack) => ({
      models: {
        m: model({
          inferenceExecutionConfig: { mode: "Direct" },
          containerDefinitions: {
            gzip: container("gzip", "s3://models/model.tar.gz"),
            variable: container(
              (variable = new TerraformVariable(stack, "compression", { type: "string" })
                .stringValue),
              "s3://models/model.tar.gz",
            ),
          },
        }),
      },
    }));
    expect(error).toBe(
      [
        "Invalid configuration for 'test/inference' (2 problems):",
        '  - models.m.containerDefinitions.gzip.compressionType: got "gzip"; allowed: one of "CompressedModel" or "UncompressedModel", in any case (as the module compares it)',
        `  - models.m.containerDefinitions.variable.compressionType: got "${variable}"; allowed: a literal value known at synth time, not a Terraform expression`,
      ].join("\n"),
    );
  });
});
