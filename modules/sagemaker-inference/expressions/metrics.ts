/**
 * What the expression parsers know about SageMaker metrics: the predefined target-tracking metric types,
 * the CloudWatch statistics and the namespaces SageMaker publishes its endpoint metrics in.
 */
import type { Cursor, ExpressionProblem, Token } from "./tokens";

/** What a predefined metric type scales, and the CloudWatch metric it tracks. */
interface PredefinedMetric {
  readonly scales: "instances" | "provisioned-concurrency" | "inference-component-copies";
  readonly cloudWatchMetric: string;
}

/**
 * The predefined metric types of Application Auto Scaling for SageMaker (botocore `MetricType`), with the
 * CloudWatch metric each tracks (Application Auto Scaling user guide).
 */
export const PREDEFINED_METRICS: Readonly<Record<string, PredefinedMetric>> = {
  SageMakerVariantInvocationsPerInstance: {
    scales: "instances",
    cloudWatchMetric: "InvocationsPerInstance",
  },
  SageMakerVariantConcurrentRequestsPerModelHighResolution: {
    scales: "instances",
    cloudWatchMetric: "ConcurrentRequestsPerModel",
  },
  SageMakerVariantProvisionedConcurrencyUtilization: {
    scales: "provisioned-concurrency",
    cloudWatchMetric: "ServerlessProvisionedConcurrencyUtilization",
  },
  SageMakerInferenceComponentInvocationsPerCopy: {
    scales: "inference-component-copies",
    cloudWatchMetric: "InvocationsPerCopy",
  },
  SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution: {
    scales: "inference-component-copies",
    cloudWatchMetric: "ConcurrentRequestsPerCopy",
  },
};

export function predefinedMetric(name: string): PredefinedMetric | undefined {
  return Object.hasOwn(PREDEFINED_METRICS, name) ? PREDEFINED_METRICS[name] : undefined;
}

/** The CloudWatch statistics target tracking and alarms accept, by their lower-case spelling. */
const STATISTICS: Readonly<Record<string, string>> = {
  average: "Average",
  maximum: "Maximum",
  minimum: "Minimum",
  samplecount: "SampleCount",
  sum: "Sum",
};

const EXPECTED_STATISTIC = "a statistic (average, maximum, minimum, sampleCount or sum)";
/** Percentiles and the other extended statistics: p99, tm90, wm50, tc10, ts90, PR(...), IQM. */
const EXTENDED_STATISTIC = /^(p\d|tm|wm|tc|ts|pr\(|iqm$)/i;

/** A metric name: a letter, then letters, digits, `_`, `.`, `-`; at most 255 characters (CloudWatch). */
const METRIC_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,254}$/;

/** Reads a metric name, or returns the problem. */
export function readMetricName(cursor: Cursor): Token | ExpressionProblem {
  const token = cursor.next();
  if (token?.kind === "word" && METRIC_NAME.test(token.text)) return token;
  return cursor.problemAt(
    token,
    "a metric name (a letter, then letters, digits, '_', '.' or '-', at most 255 characters)",
  );
}

/** Reads a statistic in any case and returns its CloudWatch spelling (`average` → `Average`). */
export function readStatistic(cursor: Cursor): string | ExpressionProblem {
  const token = cursor.next();
  const statistic = token?.kind === "word" ? STATISTICS[token.text.toLowerCase()] : undefined;
  if (statistic) return statistic;
  const note =
    token && EXTENDED_STATISTIC.test(token.text) ? "percentiles are not supported" : undefined;
  return cursor.problemAt(token, EXPECTED_STATISTIC, note);
}

/** Reads a number, or returns the problem; `what` names it ("the threshold"). */
export function readNumber(cursor: Cursor, what: string): number | ExpressionProblem {
  const token = cursor.next();
  if (token?.kind === "number") return Number(token.text);
  return cursor.problemAt(token, `${what}, a number`);
}

export function isProblem(value: unknown): value is ExpressionProblem {
  return typeof value === "object" && value !== null && "expected" in value;
}

/**
 * Instance metrics SageMaker publishes in `/aws/sagemaker/Endpoints` rather than `AWS/SageMaker`
 * (SageMaker developer guide, "Monitor SageMaker with CloudWatch").
 */
const INSTANCE_METRICS = new Set([
  "CPUUtilization",
  "MemoryUtilization",
  "GPUUtilization",
  "GPUMemoryUtilization",
  "DiskUtilization",
  "LoadedModelCount",
]);

/**
 * The CloudWatch namespace of a SageMaker endpoint metric.
 *
 * Correction: the FriendsOfTerraform module puts every metric in `AWS/SageMaker`, where the instance
 * metrics (CPUUtilization, MemoryUtilization, ...) never appear; a policy or alarm on them never gets data.
 */
export function namespaceOf(metricName: string): string {
  return INSTANCE_METRICS.has(metricName) ? "/aws/sagemaker/Endpoints" : "AWS/SageMaker";
}

/** Metrics asynchronous endpoints do not publish (SageMaker guide, "Monitoring asynchronous endpoints"). */
const NOT_PUBLISHED_BY_ASYNC = new Set([
  "Invocations",
  "InvocationsPerInstance",
  "OverheadLatency",
]);

export function publishedByAsyncEndpoints(metricName: string): boolean {
  return !NOT_PUBLISHED_BY_ASYNC.has(metricName);
}

export const ASYNC_METRICS_NOTE =
  "asynchronous endpoints do not publish Invocations, InvocationsPerInstance or OverheadLatency";
