import { describe, expect, it } from "vitest";
import { model, resourcesBy, synthInference, TOPIC } from "./fixtures";

describe("SagemakerInference alarms", () => {
  const { json, inference } = synthInference({
    models: { a: model() },
    managedByTag: false,
    endpoints: {
      realtime: {
        provisioned: {
          productionVariants: {
            a: {
              instanceType: "ml.m5.large",
              variantName: "primary",
              cloudwatchAlarms: {
                latency: {
                  expression: "ModelLatency average > 10000000",
                  description: "Model latency above 10 s (ModelLatency is in microseconds)",
                  period: "5 minutes",
                  evaluationPeriods: 3,
                  datapointsToAlarm: 2,
                  notificationSnsTopic: TOPIC,
                  alarmName: "realtime-high-latency",
                },
                "low-traffic": { expression: "Invocations sum <= 1", period: "1 hour" },
                memory: { expression: "MemoryUtilization maximum < 90" },
              },
            },
          },
        },
      },
    },
  });
  const alarms = resourcesBy(json, "aws_cloudwatch_metric_alarm", "alarm_name");

  it("writes every alarm setting; the SNS topic is told when the alarm fires and when it recovers", () => {
    expect(alarms["realtime-high-latency"]).toEqual({
      alarm_name: "realtime-high-latency",
      alarm_description: "Model latency above 10 s (ModelLatency is in microseconds)",
      metric_name: "ModelLatency",
      namespace: "AWS/SageMaker",
      statistic: "Average",
      comparison_operator: "GreaterThanThreshold",
      threshold: 10000000,
      period: 300,
      evaluation_periods: 3,
      datapoints_to_alarm: 2,
      dimensions: { EndpointName: "realtime", VariantName: "primary" },
      alarm_actions: [TOPIC],
      ok_actions: [TOPIC],
    });
  });

  it("names an alarm <endpoint>/<variant name>/<alarm> and evaluates one period by default", () => {
    expect(alarms["realtime/primary/low-traffic"]).toEqual({
      alarm_name: "realtime/primary/low-traffic",
      metric_name: "Invocations",
      namespace: "AWS/SageMaker",
      statistic: "Sum",
      comparison_operator: "LessThanOrEqualToThreshold",
      threshold: 1,
      period: 3600,
      evaluation_periods: 1,
      dimensions: { EndpointName: "realtime", VariantName: "primary" },
    });
  });

  it("watches instance metrics in their namespace", () => {
    expect(alarms["realtime/primary/memory"]).toMatchObject({
      metric_name: "MemoryUtilization",
      namespace: "/aws/sagemaker/Endpoints",
      statistic: "Maximum",
      comparison_operator: "LessThanThreshold",
      threshold: 90,
      period: 60,
    });
  });

  it("keys alarms by <endpoint>/<variant key>/<alarm key>", () => {
    expect(Object.keys(inference.alarms)).toEqual([
      "realtime/a/latency",
      "realtime/a/low-traffic",
      "realtime/a/memory",
    ]);
  });
});
