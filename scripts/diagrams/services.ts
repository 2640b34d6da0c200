/**
 * The service a resource or data source type belongs to, for grouping a stack's diagram: `aws_iam_role` → IAM.
 * The first matching prefix wins, so more specific prefixes come first.
 */
const SERVICE_PREFIXES: readonly (readonly [prefix: string, service: string])[] = [
  ["aws_iam_", "IAM"],
  ["aws_sagemaker_", "SageMaker"],
  ["aws_s3_", "S3"],
  ["aws_ecr_", "ECR"],
  ["aws_kms_", "KMS"],
  // EventBridge resources carry CloudWatch's old name.
  ["aws_cloudwatch_event_", "EventBridge"],
  ["aws_cloudwatch_", "CloudWatch"],
  ["aws_appautoscaling_", "Auto Scaling"],
  ["aws_sns_", "SNS"],
  ["time_", "Time"],
];

/** Data sources that describe where the stack runs rather than a service. */
const AWS_CONTEXT_TYPES = new Set(["aws_caller_identity", "aws_partition", "aws_region"]);

export const AWS_CONTEXT = "AWS account and region";
export const OTHER_SERVICE = "Other";

export function serviceOf(type: string): string {
  if (AWS_CONTEXT_TYPES.has(type)) return AWS_CONTEXT;
  return SERVICE_PREFIXES.find(([prefix]) => type.startsWith(prefix))?.[1] ?? OTHER_SERVICE;
}
