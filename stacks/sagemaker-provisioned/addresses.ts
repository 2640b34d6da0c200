import { KEYED_IDS } from "../../modules/sagemaker-inference/layout";
import { ALARM_KEYS, ENDPOINT_KEY, MODEL_KEY, SCALING_POLICY_KEY } from "./keys";
import type { ModelArtifact } from "./model-artifact";
import type { Switches } from "./switches";

/** Construct paths below the stack → Terraform names, for what every configuration creates. */
const ALWAYS: Readonly<Record<string, string>> = {
  name_prefix: "name_prefix",
  bucket_name: "bucket_name",
  common_tags: "common_tags",
  container_image: "container_image",
  model_image: "model_image",
  model_artifact_url: "model_artifact_url",
  suffix: "suffix",
  "inference-repository/repository": "inference_repository",
  "inference-repository/policy": "inference_repository_policy",
  "inference-repository/policy-document": "inference_repository_policy",
  "inference-repository/lifecycle-policy": "inference_repository_lifecycle",
  "model-artifacts/bucket": "model_artifacts",
  "model-artifacts/versioning": "model_artifacts_versioning",
  "model-artifacts/encryption": "model_artifacts_encryption",
  "model-artifacts/public-access-block": "model_artifacts_pab",
  "model-artifacts/lifecycle": "model_artifacts_lifecycle",
  "model-artifacts/policy": "model_artifacts_tls_only",
  "model-artifacts/policy-document": "model_artifacts_tls_only",
  "execution-role/role": "sagemaker_execution_role",
  "execution-role/trust-policy": "sagemaker_execution_assume_role",
  "execution-policy-document": "sagemaker_execution_policy",
  "execution-policy/policy": "sagemaker_execution_policy",
  "execution-policy/attachment": "sagemaker_execution_policy_attachment",
  [`inference/${KEYED_IDS.model(MODEL_KEY).id}`]: "ml_model",
  [`inference/${KEYED_IDS.endpointConfiguration(ENDPOINT_KEY).id}`]: "ml_endpoint_config",
  [`inference/${KEYED_IDS.endpoint(ENDPOINT_KEY).id}`]: "ml_endpoint",
};

function alarm(key: string): string {
  return KEYED_IDS.alarm(ENDPOINT_KEY, MODEL_KEY, key).id;
}

/** What each switch adds, by switch. */
const BY_SWITCH: Readonly<Record<keyof Switches, Readonly<Record<string, string>>>> = {
  enableEncryption: {
    kms_key_arn: "kms_key_arn",
    "encryption-key/key": "sagemaker_key",
    "encryption-key/alias": "sagemaker_key_alias",
    "encryption-key/policy": "sagemaker_key_policy",
    "kms-policy-document": "sagemaker_kms_policy",
    "kms-policy/policy": "sagemaker_kms_policy",
    "kms-policy/attachment": "sagemaker_kms_policy_attachment",
  },
  enableCloudwatchLogs: { "endpoint-logs": "sagemaker_endpoint_logs" },
  enableAutoScaling: {
    [`inference/${KEYED_IDS.scalingTarget(ENDPOINT_KEY, MODEL_KEY).id}`]: "sagemaker_target",
    [`inference/${KEYED_IDS.scalingPolicy(ENDPOINT_KEY, MODEL_KEY, SCALING_POLICY_KEY).id}`]:
      "sagemaker_scaling_policy",
  },
  enableEndpointMonitoring: {
    [`inference/${alarm(ALARM_KEYS.invocationErrors)}`]: "endpoint_invocation_errors",
    [`inference/${alarm(ALARM_KEYS.modelErrors)}`]: "endpoint_model_errors",
    [`inference/${alarm(ALARM_KEYS.highLatency)}`]: "endpoint_latency",
    "dashboard/dashboard": "sagemaker_dashboard",
  },
  enableSnsNotifications: {
    "alerts/topic": "sagemaker_alerts",
    "alerts/email": "email_alerts",
  },
  enableVpcConfig: {},
};

/**
 * The recipe's Terraform names of what a configuration creates, by construct path below the stack
 * (`ProjectStack.keepAddresses`). The policy documents, the TLS-only bucket policy, the uploaded artifact, the
 * access logging and the locals are not in the recipe: their names are new.
 */
export function recipeAddresses(
  switches: Switches,
  artifact: ModelArtifact,
  accessLogging = false,
): Record<string, string> {
  const switched = (Object.keys(BY_SWITCH) as (keyof Switches)[])
    .filter((name) => switches[name])
    .map((name) => BY_SWITCH[name]);
  const upload = artifact.source === "s3" ? {} : { "model-artifact-object": "model_artifact" };
  const logging = accessLogging ? { "model-artifacts/logging": "model_artifacts_logging" } : {};
  return Object.assign({}, ALWAYS, ...switched, upload, logging) as Record<string, string>;
}
