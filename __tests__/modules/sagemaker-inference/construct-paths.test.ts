/**
 * A stack keeps original Terraform addresses by the construct paths docs/sagemaker-inference.md documents.
 */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { SagemakerInference } from "../../../modules/sagemaker-inference/sagemaker-inference";
import { acknowledge } from "../../../modules/policy/acknowledgements";
import { ProjectStack } from "../../../stacks/project-stack";
import { addresses, resourcesOf, synthStack } from "../../helpers/synth";
import { BASIC_USAGE } from "./fixtures";

class RecipeLikeStack extends ProjectStack {
  public constructor() {
    super(Testing.app(), "test");
    this.keepAddresses({
      "inference/model_demo-model": "ml_model",
      "inference/endpoint-configuration_realtime-endpoint": "ml_endpoint_config",
      "inference/endpoint_realtime-endpoint": "ml_endpoint",
      "inference/scaling-target_realtime-endpoint_demo-model": "sagemaker_target",
      "inference/scaling-policy_realtime-endpoint_demo-model_builtin-policy":
        "sagemaker_scaling_policy",
      "inference/alarm_realtime-endpoint_demo-model_invocations-greater-than-1000": "invocations",
      "inference/alarm_realtime-endpoint_demo-model_invocation-5xx-errors-greater-than-10":
        "model_errors",
    });
    const inference = new SagemakerInference(this, "inference", BASIC_USAGE);
    // The seed's example as written: the policy checks refuse it in a project stack.
    const reason = "The seed's basic-usage example, kept verbatim to test construct paths";
    acknowledge(inference, "arn-literal-partition", reason);
    acknowledge(inference, "sagemaker-endpoint-kms", reason);
  }
}

describe("SagemakerInference construct paths", () => {
  const json = synthStack(new RecipeLikeStack());

  it("lets a stack keep every resource's original address", () => {
    expect(addresses(json)).toEqual([
      // Not kept: named after its keys (modules/core/terraform-names.ts).
      "aws_appautoscaling_policy.realtime_endpoint_demo_model_keep_invocations_near_100",
      "aws_appautoscaling_policy.sagemaker_scaling_policy",
      "aws_appautoscaling_target.sagemaker_target",
      "aws_cloudwatch_metric_alarm.invocations",
      "aws_cloudwatch_metric_alarm.model_errors",
      "aws_sagemaker_endpoint.ml_endpoint",
      "aws_sagemaker_endpoint_configuration.ml_endpoint_config",
      "aws_sagemaker_model.ml_model",
    ]);
  });

  it("refers to the kept addresses", () => {
    expect(resourcesOf(json, "aws_sagemaker_endpoint").ml_endpoint!.endpoint_config_name).toBe(
      "${aws_sagemaker_endpoint_configuration.ml_endpoint_config.name}",
    );
    expect(resourcesOf(json, "aws_appautoscaling_target").sagemaker_target!.depends_on).toEqual([
      "aws_sagemaker_endpoint.ml_endpoint",
    ]);
    expect(
      resourcesOf(json, "aws_appautoscaling_policy").sagemaker_scaling_policy!.resource_id,
    ).toBe("${aws_appautoscaling_target.sagemaker_target.resource_id}");
  });
});
