import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  parseScalingExpression,
  SCALING_GRAMMAR,
  type ScalingContext,
} from "../../../../modules/sagemaker-inference/expressions/scaling-expression";
import { describeProblem } from "../../../../modules/sagemaker-inference/expressions/tokens";
import { resolved } from "../../../helpers/synth";

const INSTANCES: ScalingContext = { scales: "instances", asyncInference: false };
const ASYNC: ScalingContext = { scales: "instances", asyncInference: true };
const SERVERLESS: ScalingContext = { scales: "provisioned-concurrency", asyncInference: false };

/** The "allowed" text validation reports for an expression, or the parsed value. */
function parse(expression: string, context: ScalingContext = INSTANCES): unknown {
  const parsed = parseScalingExpression(expression, context);
  return parsed.ok ? parsed.value : describeProblem(SCALING_GRAMMAR, parsed.problem);
}

const INSTANCE_METRICS =
  "a metric for the instances of a provisioned variant (SageMakerVariantInvocationsPerInstance, " +
  "SageMakerVariantConcurrentRequestsPerModelHighResolution or a CloudWatch metric with a statistic)";
const STATISTIC = "a statistic (average, maximum, minimum, sampleCount or sum)";

describe("parseScalingExpression", () => {
  it("reads a predefined metric without a statistic", () => {
    expect(parse("SageMakerVariantInvocationsPerInstance = 1000")).toEqual({
      metric: {
        type: "predefined",
        predefinedMetricType: "SageMakerVariantInvocationsPerInstance",
      },
      targetValue: 1000,
    });
    expect(parse("SageMakerVariantConcurrentRequestsPerModelHighResolution=5")).toEqual({
      metric: {
        type: "predefined",
        predefinedMetricType: "SageMakerVariantConcurrentRequestsPerModelHighResolution",
      },
      targetValue: 5,
    });
  });

  it.each([
    ["SageMakerVariantInvocationsPerInstance average = 100", "average"],
    ["SageMakerVariantInvocationsPerInstance Maximum=100", "Maximum"],
    ["SageMakerVariantInvocationsPerInstance SAMPLECOUNT = 100", "SAMPLECOUNT"],
  ])(
    "accepts %j as the module does: a predefined metric, the statistic kept as written only to warn that it is ignored",
    (expression, statistic) => {
      expect(parse(expression)).toEqual({
        metric: {
          type: "predefined",
          predefinedMetricType: "SageMakerVariantInvocationsPerInstance",
        },
        targetValue: 100,
        ignoredStatistic: statistic,
      });
    },
  );

  it("accepts and ignores a statistic after the serverless predefined metric too", () => {
    expect(
      parse("SageMakerVariantProvisionedConcurrencyUtilization sum = 0.7", SERVERLESS),
    ).toEqual({
      metric: {
        type: "predefined",
        predefinedMetricType: "SageMakerVariantProvisionedConcurrencyUtilization",
      },
      targetValue: 0.7,
      ignoredStatistic: "sum",
    });
  });

  it("reads any other metric as a customized metric with a capitalised statistic", () => {
    expect(parse("Invocations average = 100")).toEqual({
      metric: {
        type: "customized",
        metricName: "Invocations",
        namespace: "AWS/SageMaker",
        statistic: "Average",
      },
      targetValue: 100,
    });
  });

  it.each([
    ["average", "Average"],
    ["Maximum", "Maximum"],
    ["MINIMUM", "Minimum"],
    ["samplecount", "SampleCount"],
    ["sampleCount", "SampleCount"],
    ["sum", "Sum"],
  ])("spells the statistic %s as CloudWatch does: %s", (written, statistic) => {
    expect(parse(`ModelLatency ${written} = 1.5e3`)).toEqual({
      metric: {
        type: "customized",
        metricName: "ModelLatency",
        namespace: "AWS/SageMaker",
        statistic,
      },
      targetValue: 1500,
    });
  });

  it("puts the instance metrics in /aws/sagemaker/Endpoints, where SageMaker publishes them", () => {
    expect(parse("CPUUtilization average = 70")).toEqual({
      metric: {
        type: "customized",
        metricName: "CPUUtilization",
        namespace: "/aws/sagemaker/Endpoints",
        statistic: "Average",
      },
      targetValue: 70,
    });
  });

  it("scales serverless provisioned concurrency on its utilization", () => {
    expect(parse("SageMakerVariantProvisionedConcurrencyUtilization = 0.7", SERVERLESS)).toEqual({
      metric: {
        type: "predefined",
        predefinedMetricType: "SageMakerVariantProvisionedConcurrencyUtilization",
      },
      targetValue: 0.7,
    });
  });

  it.each([
    [
      "",
      "at column 1 expected a metric name (a letter, then letters, digits, '_', '.' or '-', at most 255 characters), found the end of the expression",
    ],
    [
      "= 100",
      `at column 1 expected a metric name (a letter, then letters, digits, '_', '.' or '-', at most 255 characters), found "="`,
    ],
    [
      "100 average = 5",
      `at column 1 expected a metric name (a letter, then letters, digits, '_', '.' or '-', at most 255 characters), found "100"`,
    ],
    ["Invocations = 100", `at column 13 expected ${STATISTIC}, found "="`],
    ["Invocations median = 100", `at column 13 expected ${STATISTIC}, found "median"`],
    [
      "Invocations p99 = 100",
      `at column 13 expected ${STATISTIC}, found "p99" (percentiles are not supported)`,
    ],
    ["Invocations average", 'at column 20 expected "=", found the end of the expression'],
    ["Invocations average == 100", 'at column 21 expected "=", found "=="'],
    ["Invocations average > 100", 'at column 21 expected "=", found ">"'],
    [
      "Invocations average =",
      "at column 22 expected the target value, a number, found the end of the expression",
    ],
    ["Invocations average = abc", 'at column 23 expected the target value, a number, found "abc"'],
    [
      "Invocations average = 1,000",
      'at column 23 expected the target value, a number, found "1,000"',
    ],
    [
      "Invocations average = 100 please",
      'at column 27 expected the end of the expression, found "please"',
    ],
    [
      "SageMakerVariantInvocationsPerInstance per = 100",
      `at column 40 expected "=" or ${STATISTIC}, which a predefined metric ignores, found "per"`,
    ],
    [
      "SageMakerVariantInvocationsPerInstance p99 = 100",
      `at column 40 expected "=" or ${STATISTIC}, which a predefined metric ignores, found "p99" (percentiles are not supported)`,
    ],
    [
      "SageMakerVariantInvocationsPerInstance average average = 100",
      'at column 48 expected "=", found "average"',
    ],
    [
      "SageMakerVariantInvocationsPerInstance average",
      'at column 47 expected "=", found the end of the expression',
    ],
    [
      "SageMakerVariantInvocationsPerInstance average = 0",
      'at column 50 expected a target value greater than 0, found "0"',
    ],
    [
      "SageMakerVariantInvocationsPerInstance = 0",
      'at column 42 expected a target value greater than 0, found "0"',
    ],
    [
      "SageMakerVariantProvisionedConcurrencyUtilization = 0.5",
      `at column 1 expected ${INSTANCE_METRICS}, found "SageMakerVariantProvisionedConcurrencyUtilization" (it scales the provisioned concurrency of serverless endpoints)`,
    ],
    [
      "SageMakerInferenceComponentInvocationsPerCopy = 5",
      `at column 1 expected ${INSTANCE_METRICS}, found "SageMakerInferenceComponentInvocationsPerCopy" (it scales inference components, which this construct does not create)`,
    ],
  ])("refuses %j on a provisioned variant", (expression, problem) => {
    expect(parse(expression)).toBe(`${SCALING_GRAMMAR}; ${problem}`);
  });

  it.each([
    [
      "SageMakerVariantInvocationsPerInstance = 5",
      'at column 1 expected SageMakerVariantProvisionedConcurrencyUtilization, found "SageMakerVariantInvocationsPerInstance" (it scales the instances of provisioned variants)',
    ],
    [
      "Invocations average = 5",
      'at column 1 expected SageMakerVariantProvisionedConcurrencyUtilization, found "Invocations" (serverless endpoints scale their provisioned concurrency on this predefined metric only)',
    ],
    [
      "SageMakerVariantProvisionedConcurrencyUtilization = 1.5",
      'at column 53 expected a utilization target greater than 0 and at most 1, e.g. 0.7, found "1.5"',
    ],
  ])("refuses %j on a serverless endpoint", (expression, problem) => {
    expect(parse(expression, SERVERLESS)).toBe(`${SCALING_GRAMMAR}; ${problem}`);
  });

  it.each([
    [
      "SageMakerVariantInvocationsPerInstance = 5",
      `at column 1 expected ${INSTANCE_METRICS}, found "SageMakerVariantInvocationsPerInstance" (asynchronous endpoints do not publish Invocations, InvocationsPerInstance or OverheadLatency)`,
    ],
    [
      "InvocationsPerInstance sum = 5",
      'at column 1 expected a metric that asynchronous endpoints publish, found "InvocationsPerInstance" (asynchronous endpoints do not publish Invocations, InvocationsPerInstance or OverheadLatency)',
    ],
  ])("refuses %j on an asynchronous endpoint", (expression, problem) => {
    expect(parse(expression, ASYNC)).toBe(`${SCALING_GRAMMAR}; ${problem}`);
  });

  it("accepts on an asynchronous endpoint the metrics it publishes", () => {
    expect(parse("ApproximateBacklogSizePerInstance average = 5", ASYNC)).toEqual({
      metric: {
        type: "customized",
        metricName: "ApproximateBacklogSizePerInstance",
        namespace: "AWS/SageMaker",
        statistic: "Average",
      },
      targetValue: 5,
    });
  });
});

describe("parseScalingExpression with a target known only at apply time", () => {
  const stack = new TerraformStack(Testing.app(), "test");
  const target = new TerraformVariable(stack, "target", { type: "number" });

  it.each([
    ["a string token", () => target.stringValue],
    ["a number token written into the text", () => String(target.numberValue)],
  ])("passes %s through as the target, unchecked (zero would be refused)", (_kind, written) => {
    const parsed = parseScalingExpression(
      `SageMakerVariantInvocationsPerInstance = ${written()}`,
      INSTANCES,
    );
    expect(parsed.ok).toBe(true);
    const targetValue = parsed.ok ? parsed.value.targetValue : 0;
    expect(Token.isUnresolved(targetValue)).toBe(true);
    expect(resolved(stack, targetValue)).toBe("${var.target}");
  });

  it("refuses a Terraform expression anywhere but the target", () => {
    expect(parse(`${target.stringValue} = 1`)).toBe(
      `${SCALING_GRAMMAR}; at column 1 expected a metric name (a letter, then letters, digits, '_', '.' or '-', at most 255 characters), found a Terraform expression (only the target value or threshold may be known only at apply time)`,
    );
    expect(parse(`Invocations ${target.stringValue} = 1`)).toBe(
      `${SCALING_GRAMMAR}; at column 13 expected ${STATISTIC}, found a Terraform expression (only the target value or threshold may be known only at apply time)`,
    );
  });
});
