/**
 * Target-tracking expressions: `<metric> [<statistic>] = <target>`.
 *
 * A predefined metric type (`SageMakerVariantInvocationsPerInstance = 1000`) becomes a predefined metric
 * specification, which has no statistic: one written after it (`SageMakerVariantInvocationsPerInstance average =
 * 1000`) is accepted and ignored, as the module ignores it (its README says the statistic "can" be left out), with
 * a warning at synth. Any other metric needs a statistic (`Invocations average = 100`) and becomes a customized
 * metric specification on the variant's EndpointName and VariantName dimensions.
 */
import {
  ASYNC_METRICS_NOTE,
  isProblem,
  namespaceOf,
  predefinedMetric,
  PREDEFINED_METRICS,
  publishedByAsyncEndpoints,
  readMetricName,
  readNumber,
  readStatistic,
} from "./metrics";
import { Token } from "cdktf";
import {
  Cursor,
  refused,
  type ExpressionProblem,
  type Parsed,
  type Token as ExpressionToken,
} from "./tokens";

export const SCALING_GRAMMAR = "<metric> [<statistic>] = <target>";

/** What the policy scales: an instance-based variant's instances, or a serverless provisioned concurrency. */
export type ScaledVariant = "instances" | "provisioned-concurrency";

export interface ScalingContext {
  readonly scales: ScaledVariant;
  /** The endpoint is asynchronous: it does not publish every invocation metric. */
  readonly asyncInference: boolean;
}

export type ScalingMetric =
  | { readonly type: "predefined"; readonly predefinedMetricType: string }
  | {
      readonly type: "customized";
      readonly metricName: string;
      readonly namespace: string;
      readonly statistic: string;
    };

export interface ScalingExpression {
  readonly metric: ScalingMetric;
  readonly targetValue: number;
  /** A statistic written after a predefined metric, which has none: as written, for the warning that says so. */
  readonly ignoredStatistic?: string;
}

/** The warning for a statistic written after a predefined metric (`ignoredStatistic`). */
export function ignoredStatisticWarning(predefinedMetricType: string, statistic: string): string {
  return (
    `the statistic ${JSON.stringify(statistic)} is ignored: ${predefinedMetricType} is a predefined metric, ` +
    "which has no statistic (the module ignores it too); leave it out"
  );
}

const INSTANCE_METRICS_TEXT =
  "a metric for the instances of a provisioned variant (SageMakerVariantInvocationsPerInstance, " +
  "SageMakerVariantConcurrentRequestsPerModelHighResolution or a CloudWatch metric with a statistic)";
const SCALES_NOTE: Readonly<Record<string, string>> = {
  "provisioned-concurrency": "it scales the provisioned concurrency of serverless endpoints",
  "inference-component-copies":
    "it scales inference components, which this construct does not create",
  instances: "it scales the instances of provisioned variants",
};

export function parseScalingExpression(
  expression: string,
  context: ScalingContext,
): Parsed<ScalingExpression> {
  const cursor = new Cursor(expression);
  const metric = readMetricName(cursor);
  if (isProblem(metric)) return refused(metric);

  const predefined = predefinedMetric(metric.text);
  const read = predefined
    ? readPredefined(cursor, metric, context)
    : readCustomized(cursor, metric, context);
  if (isProblem(read)) return refused(read);
  const ignoredStatistic = predefined ? readIgnoredStatistic(cursor) : undefined;
  if (isProblem(ignoredStatistic)) return refused(ignoredStatistic);

  const equals = cursor.next();
  if (equals?.kind !== "operator" || equals.text !== "=") {
    return refused(cursor.problemAt(equals, '"="'));
  }

  const targetToken = cursor.peek();
  const target = readNumber(cursor, "the target value");
  if (isProblem(target)) return refused(target);
  // A target known only at apply time is checked by Terraform (e.g. the validation of its variable).
  const targetProblem =
    predefined && !Token.isUnresolved(target)
      ? checkPredefinedTarget(metric.text, target)
      : undefined;
  if (targetProblem) return refused(cursor.problemAt(targetToken, targetProblem));

  const extra = cursor.problemIfNotAtEnd();
  if (extra) return refused(extra);
  return {
    ok: true,
    value: {
      metric: read,
      targetValue: target,
      ...(ignoredStatistic === undefined ? {} : { ignoredStatistic }),
    },
  };
}

/**
 * A statistic after a predefined metric, as written, if there is one (a word before the `=`): only a statistic
 * the grammar knows, though it is ignored.
 */
function readIgnoredStatistic(cursor: Cursor): string | ExpressionProblem | undefined {
  const token = cursor.peek();
  if (token?.kind !== "word") return undefined;
  const statistic = readStatistic(cursor);
  if (!isProblem(statistic)) return token.text;
  return cursor.problemAt(
    token,
    `"=" or ${statistic.expected}, which a predefined metric ignores`,
    statistic.note,
  );
}

function readPredefined(
  cursor: Cursor,
  metric: ExpressionToken,
  context: ScalingContext,
): ScalingMetric | ExpressionProblem {
  const { scales } = PREDEFINED_METRICS[metric.text]!;
  if (scales !== context.scales) {
    const expected =
      context.scales === "instances"
        ? INSTANCE_METRICS_TEXT
        : "SageMakerVariantProvisionedConcurrencyUtilization";
    return cursor.problemAt(metric, expected, SCALES_NOTE[scales]);
  }
  if (context.asyncInference && metric.text === "SageMakerVariantInvocationsPerInstance") {
    return cursor.problemAt(metric, INSTANCE_METRICS_TEXT, ASYNC_METRICS_NOTE);
  }
  return { type: "predefined", predefinedMetricType: metric.text };
}

function readCustomized(
  cursor: Cursor,
  metric: ExpressionToken,
  context: ScalingContext,
): ScalingMetric | ExpressionProblem {
  if (context.scales === "provisioned-concurrency") {
    return cursor.problemAt(
      metric,
      "SageMakerVariantProvisionedConcurrencyUtilization",
      "serverless endpoints scale their provisioned concurrency on this predefined metric only",
    );
  }
  if (context.asyncInference && !publishedByAsyncEndpoints(metric.text)) {
    return cursor.problemAt(
      metric,
      "a metric that asynchronous endpoints publish",
      ASYNC_METRICS_NOTE,
    );
  }
  const statistic = readStatistic(cursor);
  if (isProblem(statistic)) return statistic;
  return {
    type: "customized",
    metricName: metric.text,
    namespace: namespaceOf(metric.text),
    statistic,
  };
}

/** Predefined SageMaker metrics are rates and ratios: a target of 0 or less never settles. */
function checkPredefinedTarget(metric: string, target: number): string | undefined {
  if (metric === "SageMakerVariantProvisionedConcurrencyUtilization") {
    return target > 0 && target <= 1
      ? undefined
      : "a utilization target greater than 0 and at most 1, e.g. 0.7";
  }
  return target > 0 ? undefined : "a target value greater than 0";
}
