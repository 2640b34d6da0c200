/**
 * What the sagemaker-provisioned stack writes, as Terraform reads it: names, tags and references, for its tests.
 */
import { Testing } from "cdktf";
import {
  SagemakerProvisionedStack,
  type SagemakerProvisionedStackProps,
} from "../../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { synthProject } from "../../helpers/project";
import { synthStack, type SynthesizedStack } from "../../helpers/synth";

export const PARTITION = "${data.aws_partition.current.partition}";
export const REGION = "${data.aws_region.current.region}";
export const ACCOUNT = "${data.aws_caller_identity.current.account_id}";
const DNS_SUFFIX = "${data.aws_partition.current.dns_suffix}";

/** `local.name_prefix`, `<project_name>-<environment>`. */
export const PREFIX = "${local.name_prefix}";
const ENDPOINT_NAME = `${PREFIX}-\${var.model_name}-endpoint`;
export const BUCKET = "${aws_s3_bucket.model_artifacts.bucket}";
const BUCKET_ID = "${aws_s3_bucket.model_artifacts.id}";
export const REPOSITORY_URL = "${aws_ecr_repository.inference_repository.repository_url}";
const LOG_GROUP_ARN = `arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/${ENDPOINT_NAME}`;

/** `merge(local.common_tags, { Name = <name> })`: the recipe's tags of a resource. */
export function tagged(name: string): string {
  return `\${merge(local.common_tags, {"Name" = "${name}"})}`;
}

/** The stack, alone in an app, synthesized (failing on an unacknowledged policy error). */
export function synthProvisioned(
  props: SagemakerProvisionedStackProps = {},
  id = "sagemaker-provisioned",
): {
  stack: SagemakerProvisionedStack;
  json: SynthesizedStack;
} {
  const stack = new SagemakerProvisionedStack(Testing.app(), id, props);
  return { stack, json: synthStack(stack) };
}

/** The stack under the default inputs, as the app defines it: the JSON of the shared build (helpers/project.ts). */
export function defaultProvisioned(): SynthesizedStack {
  return synthProject().json["sagemaker-provisioned"]!;
}

/**
 * The recipe's address of every resource and data source under the default inputs; the upload of the iris sample,
 * `aws_s3_object.model_artifact`, is new.
 */
export const DEFAULT_ADDRESSES = [
  "aws_appautoscaling_policy.sagemaker_scaling_policy",
  "aws_appautoscaling_target.sagemaker_target",
  "aws_cloudwatch_dashboard.sagemaker_dashboard",
  "aws_cloudwatch_log_group.sagemaker_endpoint_logs",
  "aws_cloudwatch_metric_alarm.endpoint_invocation_errors",
  "aws_cloudwatch_metric_alarm.endpoint_latency",
  "aws_cloudwatch_metric_alarm.endpoint_model_errors",
  "aws_ecr_lifecycle_policy.inference_repository_lifecycle",
  "aws_ecr_repository.inference_repository",
  "aws_ecr_repository_policy.inference_repository_policy",
  "aws_iam_policy.sagemaker_execution_policy",
  "aws_iam_policy.sagemaker_kms_policy",
  "aws_iam_role.sagemaker_execution_role",
  "aws_iam_role_policy_attachment.sagemaker_execution_policy_attachment",
  "aws_iam_role_policy_attachment.sagemaker_kms_policy_attachment",
  "aws_kms_alias.sagemaker_key_alias",
  "aws_kms_key.sagemaker_key",
  "aws_s3_bucket.model_artifacts",
  "aws_s3_bucket_lifecycle_configuration.model_artifacts_lifecycle",
  "aws_s3_bucket_policy.model_artifacts_tls_only",
  "aws_s3_bucket_public_access_block.model_artifacts_pab",
  "aws_s3_bucket_server_side_encryption_configuration.model_artifacts_encryption",
  "aws_s3_bucket_versioning.model_artifacts_versioning",
  "aws_s3_object.model_artifact",
  "aws_sagemaker_endpoint.ml_endpoint",
  "aws_sagemaker_endpoint_configuration.ml_endpoint_config",
  "aws_sagemaker_model.ml_model",
  "data.aws_caller_identity.current",
  "data.aws_iam_policy_document.inference_repository_policy",
  "data.aws_iam_policy_document.model_artifacts_tls_only",
  "data.aws_iam_policy_document.sagemaker_execution_assume_role",
  "data.aws_iam_policy_document.sagemaker_execution_policy",
  "data.aws_iam_policy_document.sagemaker_key_policy",
  "data.aws_iam_policy_document.sagemaker_kms_policy",
  "data.aws_partition.current",
  "data.aws_region.current",
  "random_id.suffix",
];

/** The key policy statement that lets SageMaker use the key, for this account and region only. */
export const SAGEMAKER_KEY_STATEMENT = {
  sid: "Allow SageMaker Service",
  effect: "Allow",
  principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
  actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
  resources: ["*"],
  condition: [
    { test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] },
    {
      test: "ArnLike",
      variable: "aws:SourceArn",
      values: [`arn:${PARTITION}:sagemaker:${REGION}:${ACCOUNT}:*`],
    },
  ],
};

/** The key policy statement that lets CloudWatch Logs encrypt the endpoint's log group. */
export const LOGS_KEY_STATEMENT = {
  sid: "Allow CloudWatch Logs",
  effect: "Allow",
  principals: [{ type: "Service", identifiers: [`logs.${REGION}.${DNS_SUFFIX}`] }],
  actions: [
    "kms:Encrypt*",
    "kms:Decrypt*",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:Describe*",
  ],
  resources: ["*"],
  condition: [
    { test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: [LOG_GROUP_ARN] },
  ],
};

/** The key policy statement that lets this account's alarms publish to the encrypted topic. */
export const ALARMS_KEY_STATEMENT = {
  sid: "Allow CloudWatch Alarms",
  effect: "Allow",
  principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
  actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
  resources: ["*"],
  condition: [
    { test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] },
    {
      test: "ArnLike",
      variable: "aws:SourceArn",
      values: [`arn:${PARTITION}:cloudwatch:${REGION}:${ACCOUNT}:alarm:*`],
    },
  ],
};

/** The key policy statement that leaves the key to the account's IAM policies. */
export const ACCOUNT_KEY_STATEMENT = {
  sid: "Enable IAM User Permissions",
  effect: "Allow",
  principals: [{ type: "AWS", identifiers: [`arn:${PARTITION}:iam::${ACCOUNT}:root`] }],
  actions: ["kms:*"],
  resources: ["*"],
};

/** The upload of a model artifact whose content hash is `hash`, from `modelArtifact` source `source`. */
export function uploadedArtifact(hash: string, source: "iris-sample" | "local-file") {
  return {
    bucket: BUCKET_ID,
    key: "model.tar.gz",
    source: `assets/model-artifact/${hash}/model.tar.gz`,
    source_hash: hash,
    depends_on: [
      "aws_s3_bucket_server_side_encryption_configuration.model_artifacts_encryption",
      "aws_s3_bucket_versioning.model_artifacts_versioning",
    ],
    lifecycle: {
      precondition: [
        {
          condition: "${(length(var.model_data_url) < 1)}",
          error_message: `model_data_url must be empty: this stack uploads the model artifact from model.tar.gz (modelArtifact source ${source}).`,
        },
      ],
    },
  };
}
