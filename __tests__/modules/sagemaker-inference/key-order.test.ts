/**
 * Containers and production variants are written in the order of their keys, as the module's `for_each` writes them, and a
 * serial pipeline listed in another order draws a warning naming the order it runs in.
 */
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import type { ContainerDefinitionProps } from "../../../modules/sagemaker-inference/props";
import { resourcesBy, synthInference, IMAGE, model } from "./fixtures";

const container = (name: string): ContainerDefinitionProps => ({
  image: IMAGE,
  modelDataLocation: `s3://models/${name}.tar.gz`,
});

const hostnames = (attributes: Record<string, unknown> | undefined) =>
  (attributes?.container as { container_hostname: string }[]).map(
    (block) => block.container_hostname,
  );

describe("SagemakerInference: the order of containers and variants", () => {
  const { stack, json } = synthInference({
    models: {
      pipeline: model({
        containerDefinitions: {
          preprocess: container("preprocess"),
          predict: container("predict"),
          "10": container("ten"),
          "9": container("nine"),
        },
      }),
      direct: model({
        inferenceExecutionConfig: { mode: "Direct" },
        containerDefinitions: { xgboost: container("xgboost"), linear: container("linear") },
      }),
      ordered: model({
        containerDefinitions: { "1-preprocess": container("p"), "2-predict": container("m") },
      }),
      b: model(),
      a: model(),
    },
    endpoints: {
      realtime: {
        provisioned: {
          productionVariants: {
            b: { instanceType: "ml.m5.large" },
            ordered: { instanceType: "ml.m5.large" },
            a: { instanceType: "ml.m5.large" },
          },
        },
      },
    },
  });
  const models = resourcesBy(json, "aws_sagemaker_model", "name");

  it("writes containers by key: index-like keys as text, not first", () => {
    expect(hostnames(models.pipeline)).toEqual(["10", "9", "predict", "preprocess"]);
    expect(hostnames(models.direct)).toEqual(["linear", "xgboost"]);
  });

  it("writes production variants by key", () => {
    const configuration = resourcesBy(json, "aws_sagemaker_endpoint_configuration", "name");
    const variants = configuration.realtime!.production_variants as { variant_name: string }[];
    expect(variants.map((variant) => variant.variant_name)).toEqual(["a", "b", "ordered"]);
  });

  it("warns about a serial pipeline the object lists in another order than it runs, and only that", () => {
    expect(reportedAnnotations(stack)).toEqual([
      {
        path: "test/inference",
        level: "warning",
        message:
          "models.pipeline.containerDefinitions: the serial pipeline runs its containers in the order of their keys, " +
          "10, 9, predict, preprocess, not in the order the object lists them, 9, 10, preprocess, predict; list them " +
          'in the order they run, or name them so that their keys sort in that order (e.g. "1-preprocess", "2-predict")',
      },
    ]);
  });
});
