import { describe, expect, it } from "vitest";
import {
  ALARM_GRAMMAR,
  parseAlarmExpression,
} from "../../../../modules/sagemaker-inference/expressions/alarm-expression";
import { describeProblem } from "../../../../modules/sagemaker-inference/expressions/tokens";

function parse(expression: string, asyncInference = false): unknown {
  const parsed = parseAlarmExpression(expression, { asyncInference });
  return parsed.ok ? parsed.value : describeProblem(ALARM_GRAMMAR, parsed.problem);
}

const STATISTIC = "a statistic (average, maximum, minimum, sampleCount or sum)";
const OPERATOR = "a comparison operator (>=, >, <= or <)";

describe("parseAlarmExpression", () => {
  it.each([
    [">=", "GreaterThanOrEqualToThreshold"],
    [">", "GreaterThanThreshold"],
    ["<=", "LessThanOrEqualToThreshold"],
    ["<", "LessThanThreshold"],
  ])("maps %s to %s", (operator, comparisonOperator) => {
    expect(parse(`Invocation5XXErrors average ${operator} 10`)).toEqual({
      metricName: "Invocation5XXErrors",
      namespace: "AWS/SageMaker",
      statistic: "Average",
      comparisonOperator,
      threshold: 10,
    });
  });

  it("reads instance metrics in their namespace, any statistic spelling and negative thresholds", () => {
    expect(parse("MemoryUtilization SAMPLECOUNT<-0.5")).toEqual({
      metricName: "MemoryUtilization",
      namespace: "/aws/sagemaker/Endpoints",
      statistic: "SampleCount",
      comparisonOperator: "LessThanThreshold",
      threshold: -0.5,
    });
  });

  it.each([
    [
      "",
      "at column 1 expected a metric name (a letter, then letters, digits, '_', '.' or '-', at most 255 characters), found the end of the expression",
    ],
    ["Invocations > 1000", `at column 13 expected ${STATISTIC}, found ">"`],
    [
      "ModelLatency p99 > 1000",
      `at column 14 expected ${STATISTIC}, found "p99" (percentiles are not supported)`,
    ],
    [
      "ModelLatency tm90 > 1000",
      `at column 14 expected ${STATISTIC}, found "tm90" (percentiles are not supported)`,
    ],
    ["Invocations average", `at column 20 expected ${OPERATOR}, found the end of the expression`],
    ["Invocations average == 1000", `at column 21 expected ${OPERATOR}, found "=="`],
    ["Invocations average = 1000", `at column 21 expected ${OPERATOR}, found "="`],
    ["Invocations average != 1000", `at column 21 expected ${OPERATOR}, found "!="`],
    ["Invocations average => 1000", `at column 21 expected ${OPERATOR}, found "=>"`],
    ["Invocations average above 1000", `at column 21 expected ${OPERATOR}, found "above"`],
    [
      "Invocations average >",
      "at column 22 expected the threshold, a number, found the end of the expression",
    ],
    ["Invocations average > ten", 'at column 23 expected the threshold, a number, found "ten"'],
    ["Invocations average > 10 20", 'at column 26 expected the end of the expression, found "20"'],
    [
      "SageMakerVariantInvocationsPerInstance average > 10",
      'at column 1 expected a CloudWatch metric name, found "SageMakerVariantInvocationsPerInstance" (a predefined scaling metric type is not a CloudWatch metric; it tracks InvocationsPerInstance)',
    ],
  ])("refuses %j", (expression, problem) => {
    expect(parse(expression)).toBe(`${ALARM_GRAMMAR}; ${problem}`);
  });

  it("refuses metrics asynchronous endpoints do not publish", () => {
    expect(parse("OverheadLatency average > 10", true)).toBe(
      `${ALARM_GRAMMAR}; at column 1 expected a metric that asynchronous endpoints publish, found "OverheadLatency" (asynchronous endpoints do not publish Invocations, InvocationsPerInstance or OverheadLatency)`,
    );
    expect(parse("ModelLatency average > 10", true)).toMatchObject({ metricName: "ModelLatency" });
  });
});
