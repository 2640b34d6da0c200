/**
 * Alarm expressions: `<metric> <statistic> <operator> <threshold>`, e.g. `Invocation5XXErrors average >= 10`.
 */
import {
  ASYNC_METRICS_NOTE,
  isProblem,
  namespaceOf,
  predefinedMetric,
  publishedByAsyncEndpoints,
  readMetricName,
  readNumber,
  readStatistic,
} from "./metrics";
import { Cursor, refused, type Parsed } from "./tokens";

export const ALARM_GRAMMAR = "<metric> <statistic> <operator> <threshold>";

const COMPARISON_OPERATORS: Readonly<Record<string, string>> = {
  ">=": "GreaterThanOrEqualToThreshold",
  ">": "GreaterThanThreshold",
  "<=": "LessThanOrEqualToThreshold",
  "<": "LessThanThreshold",
};

export interface AlarmContext {
  /** The endpoint is asynchronous: it does not publish every invocation metric. */
  readonly asyncInference: boolean;
}

export interface AlarmExpression {
  readonly metricName: string;
  readonly namespace: string;
  readonly statistic: string;
  readonly comparisonOperator: string;
  readonly threshold: number;
}

export function parseAlarmExpression(
  expression: string,
  context: AlarmContext,
): Parsed<AlarmExpression> {
  const cursor = new Cursor(expression);
  const metric = readMetricName(cursor);
  if (isProblem(metric)) return refused(metric);
  const predefined = predefinedMetric(metric.text);
  if (predefined) {
    return refused(
      cursor.problemAt(
        metric,
        "a CloudWatch metric name",
        `a predefined scaling metric type is not a CloudWatch metric; it tracks ${predefined.cloudWatchMetric}`,
      ),
    );
  }
  if (context.asyncInference && !publishedByAsyncEndpoints(metric.text)) {
    return refused(
      cursor.problemAt(metric, "a metric that asynchronous endpoints publish", ASYNC_METRICS_NOTE),
    );
  }

  const statistic = readStatistic(cursor);
  if (isProblem(statistic)) return refused(statistic);

  const operator = cursor.next();
  const comparisonOperator =
    operator?.kind === "operator" ? COMPARISON_OPERATORS[operator.text] : undefined;
  if (!comparisonOperator) {
    return refused(cursor.problemAt(operator, "a comparison operator (>=, >, <= or <)"));
  }

  const threshold = readNumber(cursor, "the threshold");
  if (isProblem(threshold)) return refused(threshold);

  const extra = cursor.problemIfNotAtEnd();
  if (extra) return refused(extra);
  return {
    ok: true,
    value: {
      metricName: metric.text,
      namespace: namespaceOf(metric.text),
      statistic,
      comparisonOperator,
      threshold,
    },
  };
}
