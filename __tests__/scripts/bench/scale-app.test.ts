import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { AwsContext } from "../../../modules/core/aws-context";
import { SagemakerInference } from "../../../modules/sagemaker-inference/sagemaker-inference";
import { scaleProps } from "../../../scripts/bench/scale-app";
import { ProjectStack } from "../../../stacks/project-stack";
import { resourcesOf, synthStack } from "../../helpers/synth";

describe("the benchmark's scale workload", () => {
  it("gives each endpoint a model, a variant, auto scaling and two alarms, with no policy finding", () => {
    const stack = new ProjectStack(Testing.app(), "scale");
    new AwsProvider(stack, "aws", {});
    new SagemakerInference(stack, "inference", scaleProps(AwsContext.of(stack), 3));
    // synthStack fails on any unacknowledged policy error.
    const json = synthStack(stack);
    const count = (type: string) => Object.keys(resourcesOf(json, type)).length;
    expect(
      [
        "aws_sagemaker_model",
        "aws_sagemaker_endpoint_configuration",
        "aws_sagemaker_endpoint",
        "aws_appautoscaling_target",
        "aws_appautoscaling_policy",
        "aws_cloudwatch_metric_alarm",
      ].map(count),
    ).toEqual([3, 3, 3, 3, 3, 6]);
  });
});
