/**
 * Auto scaling and alarm problems are reported through the construct with the path of the offending entry;
 * malformed expressions are quoted with the column of the bad part and what was expected there.
 */
import { describe, it } from "vitest";
import type { ProductionVariantProps } from "../../../modules/sagemaker-inference/props";
import { expectProblems, model } from "./fixtures";

const VARIANT = "endpoints.realtime.provisioned.productionVariants.demo-model";

function withVariant(variant: Partial<ProductionVariantProps>, asyncInference = false) {
  return {
    models: { "demo-model": model() },
    endpoints: {
      realtime: {
        provisioned: {
          productionVariants: { "demo-model": { instanceType: "ml.m5.large", ...variant } },
          asyncInvocationConfig: asyncInference
            ? { s3OutputPath: "s3://responses/ok/" }
            : undefined,
        },
      },
    },
  };
}

describe("SagemakerInference validation of auto scaling", () => {
  it("quotes each malformed expression and points at the bad part", () => {
    expectProblems(
      withVariant({
        autoScaling: {
          policies: {
            "no-target": { expression: "Invocations average =" },
            "not-a-number": { expression: "Invocations average = lots" },
            equals: { expression: "Invocations average == 100" },
            percentile: { expression: "ModelLatency p99 = 100" },
            serverless: { expression: "SageMakerVariantProvisionedConcurrencyUtilization = 0.5" },
            extra: { expression: "SageMakerVariantInvocationsPerInstance = 100 per minute" },
          },
        },
      }),
      [
        `${VARIANT}.autoScaling.policies.no-target.expression: got "Invocations average ="; allowed: <metric> [<statistic>] = <target>; at column 22 expected the target value, a number, found the end of the expression`,
        `${VARIANT}.autoScaling.policies.not-a-number.expression: got "Invocations average = lots"; allowed: <metric> [<statistic>] = <target>; at column 23 expected the target value, a number, found "lots"`,
        `${VARIANT}.autoScaling.policies.equals.expression: got "Invocations average == 100"; allowed: <metric> [<statistic>] = <target>; at column 21 expected "=", found "=="`,
        `${VARIANT}.autoScaling.policies.percentile.expression: got "ModelLatency p99 = 100"; allowed: <metric> [<statistic>] = <target>; at column 14 expected a statistic (average, maximum, minimum, sampleCount or sum), found "p99" (percentiles are not supported)`,
        `${VARIANT}.autoScaling.policies.serverless.expression: got "SageMakerVariantProvisionedConcurrencyUtilization = 0.5"; allowed: <metric> [<statistic>] = <target>; at column 1 expected a metric for the instances of a provisioned variant (SageMakerVariantInvocationsPerInstance, SageMakerVariantConcurrentRequestsPerModelHighResolution or a CloudWatch metric with a statistic), found "SageMakerVariantProvisionedConcurrencyUtilization" (it scales the provisioned concurrency of serverless endpoints)`,
        `${VARIANT}.autoScaling.policies.extra.expression: got "SageMakerVariantInvocationsPerInstance = 100 per minute"; allowed: <metric> [<statistic>] = <target>; at column 46 expected the end of the expression, found "per"`,
      ],
    );
  });

  it("checks capacities, cooldowns and policy names", () => {
    expectProblems(
      withVariant({
        autoScaling: {
          minimumCapacity: 3,
          maximumCapacity: 2,
          policies: {
            a: {
              expression: "Invocations sum = 100",
              scaleInCooldownPeriod: "-1 seconds",
              policyName: "same",
            },
            b: {
              expression: "Invocations sum = 200",
              scaleOutCooldownPeriod: "5 min",
              policyName: "same",
            },
            c: { expression: "Invocations sum = 300", policyName: "" },
          },
        },
      }),
      [
        `${VARIANT}.autoScaling.minimumCapacity: got 3; allowed: at most maximumCapacity (2)`,
        `${VARIANT}.autoScaling.policies.a.scaleInCooldownPeriod: got "-1 seconds"; allowed: a duration of "0 seconds" or more, written as a number and a unit (second, minute, hour or day, singular or plural) making whole seconds, e.g. "5 minutes" or "1.5 hours"`,
        `${VARIANT}.autoScaling.policies.b.scaleOutCooldownPeriod: got "5 min"; allowed: a duration of "0 seconds" or more, written as a number and a unit (second, minute, hour or day, singular or plural) making whole seconds, e.g. "5 minutes" or "1.5 hours"`,
        `${VARIANT}.autoScaling.policies.b.policyName: got "same"; allowed: a policy name no other policy of this variant uses (${VARIANT}.autoScaling.policies.a.policyName has it too)`,
        `${VARIANT}.autoScaling.policies.c.policyName: got ""; allowed: a policy name of 1-256 printable characters`,
      ],
    );
    expectProblems(
      withVariant({ autoScaling: { minimumCapacity: 0, maximumCapacity: 1.5, policies: {} } }),
      [
        `${VARIANT}.autoScaling.minimumCapacity: got 0; allowed: a whole number of at least 1`,
        `${VARIANT}.autoScaling.maximumCapacity: got 1.5; allowed: a whole number of at least 1`,
      ],
    );
  });

  it("refuses auto scaling on burstable ml.t2 instances", () => {
    expectProblems(
      withVariant({
        instanceType: "ml.t2.medium",
        autoScaling: {
          policies: { p: { expression: "SageMakerVariantInvocationsPerInstance = 70" } },
        },
      }),
      [
        `${VARIANT}.instanceType: got "ml.t2.medium"; allowed: an instance type SageMaker can auto scale, not a burstable ml.t2 type, as the variant has autoScaling (or leave autoScaling out)`,
      ],
    );
  });

  it("refuses invocation metrics on an asynchronous endpoint, which does not publish them", () => {
    expectProblems(
      withVariant(
        {
          autoScaling: {
            policies: { p: { expression: "SageMakerVariantInvocationsPerInstance = 70" } },
          },
        },
        true,
      ),
      [
        `${VARIANT}.autoScaling.policies.p.expression: got "SageMakerVariantInvocationsPerInstance = 70"; allowed: <metric> [<statistic>] = <target>; at column 1 expected a metric for the instances of a provisioned variant (SageMakerVariantInvocationsPerInstance, SageMakerVariantConcurrentRequestsPerModelHighResolution or a CloudWatch metric with a statistic), found "SageMakerVariantInvocationsPerInstance" (asynchronous endpoints do not publish Invocations, InvocationsPerInstance or OverheadLatency)`,
      ],
    );
  });

  it("scales serverless provisioned concurrency only when there is some, within maxConcurrency", () => {
    const serverless = "endpoints.warm.serverless.variant";
    expectProblems(
      {
        models: { small: model() },
        endpoints: {
          cold: {
            serverless: {
              variant: {
                modelName: "small",
                autoScaling: {
                  maximumCapacity: 5,
                  policies: {
                    p: { expression: "SageMakerVariantProvisionedConcurrencyUtilization = 0.7" },
                  },
                },
              },
            },
          },
          warm: {
            serverless: {
              variant: {
                modelName: "small",
                maxConcurrency: 10,
                provisionedConcurrency: 5,
                autoScaling: {
                  maximumCapacity: 11,
                  policies: {
                    invocations: { expression: "SageMakerVariantInvocationsPerInstance = 100" },
                    custom: { expression: "Invocations average = 10" },
                  },
                },
              },
            },
          },
        },
      },
      [
        "endpoints.cold.serverless.variant.provisionedConcurrency: got (not set); allowed: a provisioned concurrency (1-200) for autoScaling to scale",
        `${serverless}.autoScaling.maximumCapacity: got 11; allowed: at most maxConcurrency (10)`,
        `${serverless}.autoScaling.policies.invocations.expression: got "SageMakerVariantInvocationsPerInstance = 100"; allowed: <metric> [<statistic>] = <target>; at column 1 expected SageMakerVariantProvisionedConcurrencyUtilization, found "SageMakerVariantInvocationsPerInstance" (it scales the instances of provisioned variants)`,
        `${serverless}.autoScaling.policies.custom.expression: got "Invocations average = 10"; allowed: <metric> [<statistic>] = <target>; at column 1 expected SageMakerVariantProvisionedConcurrencyUtilization, found "Invocations" (serverless endpoints scale their provisioned concurrency on this predefined metric only)`,
      ],
    );
  });
});

describe("SagemakerInference validation of alarms", () => {
  const ALARMS = `${VARIANT}.cloudwatchAlarms`;

  it("quotes each malformed expression and points at the bad part", () => {
    expectProblems(
      withVariant({
        cloudwatchAlarms: {
          equals: { expression: "Invocations average == 1000" },
          "no-threshold": { expression: "Invocations average >" },
          "no-statistic": { expression: "Invocations > 1000" },
          median: { expression: "ModelLatency median > 1000" },
          extra: { expression: "Invocations sum > 10 for 5 minutes" },
        },
      }),
      [
        `${ALARMS}.equals.expression: got "Invocations average == 1000"; allowed: <metric> <statistic> <operator> <threshold>; at column 21 expected a comparison operator (>=, >, <= or <), found "=="`,
        `${ALARMS}.no-threshold.expression: got "Invocations average >"; allowed: <metric> <statistic> <operator> <threshold>; at column 22 expected the threshold, a number, found the end of the expression`,
        `${ALARMS}.no-statistic.expression: got "Invocations > 1000"; allowed: <metric> <statistic> <operator> <threshold>; at column 13 expected a statistic (average, maximum, minimum, sampleCount or sum), found ">"`,
        `${ALARMS}.median.expression: got "ModelLatency median > 1000"; allowed: <metric> <statistic> <operator> <threshold>; at column 14 expected a statistic (average, maximum, minimum, sampleCount or sum), found "median"`,
        `${ALARMS}.extra.expression: got "Invocations sum > 10 for 5 minutes"; allowed: <metric> <statistic> <operator> <threshold>; at column 22 expected the end of the expression, found "for"`,
      ],
    );
  });

  it("checks the period, the evaluation range, datapoints, description, topic and names", () => {
    expectProblems(
      withVariant({
        cloudwatchAlarms: {
          fast: { expression: "Invocations sum > 1", period: "30 seconds" },
          odd: { expression: "Invocations sum > 1", period: "90 seconds" },
          long: { expression: "Invocations sum > 1", period: "7 hours" },
          "too-many": {
            expression: "Invocations sum > 1",
            period: "30 minutes",
            evaluationPeriods: 49,
          },
          "week-plus": {
            expression: "Invocations sum > 1",
            period: "6 hours",
            evaluationPeriods: 29,
          },
          datapoints: {
            expression: "Invocations sum > 1",
            evaluationPeriods: 2,
            datapointsToAlarm: 3,
          },
          none: { expression: "Invocations sum > 1", evaluationPeriods: 0, datapointsToAlarm: 1 },
          described: {
            expression: "Invocations sum > 1",
            description: "d".repeat(1025),
            notificationSnsTopic: "alerts",
            alarmName: "realtime/demo-model/fast",
          },
        },
      }),
      [
        `${ALARMS}.fast.period: got "30 seconds"; allowed: a duration from "1 minute" to "6 hours" in whole minutes`,
        `${ALARMS}.odd.period: got "90 seconds"; allowed: a duration from "1 minute" to "6 hours" in whole minutes`,
        `${ALARMS}.long.period: got "7 hours"; allowed: a duration from "1 minute" to "6 hours" in whole minutes`,
        `${ALARMS}.too-many.evaluationPeriods: got 49; allowed: at most 48 with a period of "30 minutes" (CloudWatch evaluates at most 1 day of data for periods under an hour, 7 days otherwise)`,
        `${ALARMS}.week-plus.evaluationPeriods: got 29; allowed: at most 28 with a period of "6 hours" (CloudWatch evaluates at most 1 day of data for periods under an hour, 7 days otherwise)`,
        `${ALARMS}.datapoints.datapointsToAlarm: got 3; allowed: a whole number from 1 to 2 (evaluationPeriods is 2)`,
        `${ALARMS}.none.evaluationPeriods: got 0; allowed: a whole number of at least 1`,
        `${ALARMS}.described.description: got "${"d".repeat(1025)}"; allowed: at most 1024 characters (this one has 1025)`,
        `${ALARMS}.described.notificationSnsTopic: got "alerts"; allowed: an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>`,
        `${ALARMS}.described.alarmName: got "realtime/demo-model/fast"; allowed: an alarm name no other alarm uses (${ALARMS}.fast has it too)`,
      ],
    );
  });

  it("checks alarm names as CloudWatch (and a rollback) takes them", () => {
    const WORDS =
      "a CloudWatch alarm name: 1-255 characters, not only whitespace, without control characters";
    expectProblems(
      withVariant({
        cloudwatchAlarms: {
          blank: { expression: "Invocations sum > 1", alarmName: "  " },
          long: { expression: "Invocations sum > 1", alarmName: "a".repeat(256) },
          broken: { expression: "Invocations sum > 1", alarmName: "two\nlines" },
        },
      }),
      [
        `${ALARMS}.blank.alarmName: got "  "; allowed: ${WORDS}`,
        `${ALARMS}.long.alarmName: got "${"a".repeat(256)}"; allowed: ${WORDS} (this one has 256)`,
        `${ALARMS}.broken.alarmName: got "two\\nlines"; allowed: ${WORDS}`,
      ],
    );
  });
});
