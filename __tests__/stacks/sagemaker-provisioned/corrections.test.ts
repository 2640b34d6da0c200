/**
 * The recipe's known defects (originals.md, "Known defects" 1, 2, 4, 5, 6, 7), corrected, each on its own.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../../modules/policy/policy-checks";
import { stringLeaves } from "../../../modules/policy/values";
import { synthProvisioned } from "./expected";

describe("the recipe's defects, corrected", () => {
  const { stack, json } = synthProvisioned({ enableSnsNotifications: true, enableVpcConfig: true });
  const resources = json.resource!;

  it("1: builds every ARN from the partition: none is written out", () => {
    const literal = [
      ...stringLeaves({ resource: json.resource, data: json.data, output: json.output }, ""),
    ]
      .filter(({ value }) => /arn:aws(-[a-z]+)*:/.test(value))
      .map(({ path }) => path);
    expect(literal).toEqual([]);
    expect(evaluatePolicy(stack).filter((f) => f.ruleId === "arn-literal-partition")).toEqual([]);
  });

  it("2: lets SageMaker assume the execution role only for this account and region", () => {
    expect(json.data?.aws_iam_policy_document?.sagemaker_execution_assume_role?.statement).toEqual([
      expect.objectContaining({
        condition: [
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [
              "arn:${data.aws_partition.current.partition}:sagemaker:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:*",
            ],
          },
        ],
      }),
    ]);
    expect(evaluatePolicy(stack).filter((f) => f.ruleId === "iam-trust-confused-deputy")).toEqual(
      [],
    );
  });

  it("4: encrypts the endpoint's storage with kms_key_arn, the attribute the provider accepts", () => {
    const configuration = resources.aws_sagemaker_endpoint_configuration!.ml_endpoint_config!;
    expect(configuration.kms_key_arn).toBe("${local.kms_key_arn}");
    expect(configuration).not.toHaveProperty("kms_key_id");
  });

  it("5: defaults to an instance type SageMaker auto scales, and stops a plan that scales ml.t2", () => {
    expect(json.variable?.endpoint_instance_type?.default).toBe("ml.m5.large");
    expect(resources.aws_appautoscaling_target?.sagemaker_target?.lifecycle).toMatchObject({
      precondition: [
        {
          condition: '${!startswith(var.endpoint_instance_type, "ml.t2.")}',
          error_message:
            "endpoint_instance_type is ${var.endpoint_instance_type}: SageMaker cannot auto scale burstable ml.t2 instances. Choose another instance type, or turn auto scaling off (enableAutoScaling: false).",
        },
        expect.anything(),
      ],
    });
  });

  it("5: runs ml.t2 without auto scaling, unguarded", () => {
    const { json: unscaled } = synthProvisioned({ enableAutoScaling: false });
    expect(unscaled.resource?.aws_appautoscaling_target).toBeUndefined();
    expect(JSON.stringify(unscaled.resource)).not.toContain("ml.t2.");
  });

  it("6: alarms when the model latency passes 10 seconds, 10,000,000 microseconds", () => {
    expect(resources.aws_cloudwatch_metric_alarm?.endpoint_latency).toMatchObject({
      metric_name: "ModelLatency",
      statistic: "Average",
      comparison_operator: "GreaterThanThreshold",
      threshold: 10_000_000,
    });
  });

  it("7: deploys to the region the region variable names", () => {
    expect(json.provider?.aws).toEqual([expect.objectContaining({ region: "${var.region}" })]);
  });
});
