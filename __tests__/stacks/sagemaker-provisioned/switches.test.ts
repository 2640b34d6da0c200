/**
 * Each switch adds or removes exactly the resources it governs (and their moved blocks), and changes only the
 * attributes that depend on it.
 */
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import type { SagemakerProvisionedStackProps } from "../../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { addresses, type SynthesizedStack } from "../../helpers/synth";
import {
  ACCOUNT_KEY_STATEMENT,
  ALARMS_KEY_STATEMENT,
  DEFAULT_ADDRESSES,
  LOGS_KEY_STATEMENT,
  PARTITION,
  PREFIX,
  REGION,
  ACCOUNT,
  SAGEMAKER_KEY_STATEMENT,
  defaultProvisioned,
  synthProvisioned,
  tagged,
} from "./expected";
import { vpcNetworkStatements } from "../../helpers/expected";

const defaults = defaultProvisioned();

function moved(json: SynthesizedStack): string[] {
  return ((json as { moved?: { to: string }[] }).moved ?? []).map((block) => block.to);
}

/** What `props` adds to and removes from the default configuration, resources and moved blocks alike. */
function difference(props: SagemakerProvisionedStackProps) {
  const { json, stack } = synthProvisioned(props);
  const before = new Set(addresses(defaults));
  const after = new Set(addresses(json));
  return {
    json,
    stack,
    added: [...after].filter((address) => !before.has(address)),
    removed: [...before].filter((address) => !after.has(address)),
    movedAdded: moved(json).filter((address) => !moved(defaults).includes(address)),
    movedRemoved: moved(defaults).filter((address) => !moved(json).includes(address)),
  };
}

describe("enableEncryption: false", () => {
  const { json, stack, added, removed, movedRemoved } = difference({ enableEncryption: false });
  const resources = json.resource!;

  it("removes the key, its alias and policy, and the role's KMS policy", () => {
    expect(added).toEqual([]);
    expect(removed).toEqual([
      "aws_iam_policy.sagemaker_kms_policy",
      "aws_iam_role_policy_attachment.sagemaker_kms_policy_attachment",
      "aws_kms_alias.sagemaker_key_alias",
      "aws_kms_key.sagemaker_key",
      "data.aws_iam_policy_document.sagemaker_key_policy",
      "data.aws_iam_policy_document.sagemaker_kms_policy",
    ]);
    expect(movedRemoved).toEqual([
      "aws_iam_policy.sagemaker_kms_policy",
      "aws_iam_role_policy_attachment.sagemaker_kms_policy_attachment",
    ]);
    expect(Object.keys(json.locals ?? {})).not.toContain("kms_key_arn");
  });

  it("encrypts with AWS managed keys: AES256 for the bucket and the repository, no key elsewhere", () => {
    expect(
      resources.aws_s3_bucket_server_side_encryption_configuration?.model_artifacts_encryption
        ?.rule,
    ).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
    expect(resources.aws_ecr_repository?.inference_repository?.encryption_configuration).toEqual([
      { encryption_type: "AES256" },
    ]);
    const configuration = resources.aws_sagemaker_endpoint_configuration!.ml_endpoint_config!;
    expect(configuration.kms_key_arn).toBeUndefined();
    expect(configuration.data_capture_config).not.toHaveProperty("kms_key_id");
    expect(resources.aws_cloudwatch_log_group?.sagemaker_endpoint_logs).not.toHaveProperty(
      "kms_key_id",
    );
    expect(json.output?.kms_key_id?.value).toBe("${var.kms_key_id}");
    expect(json.output?.kms_key_arn?.value).toBe("${var.kms_key_id}");
    expect(
      (json.output?.security_features?.value as Record<string, unknown>).encryption_at_rest,
    ).toBe(false);
  });

  it("acknowledges the weaker encryption as the configuration's choice, in the synth output", () => {
    expect(
      reportedAnnotations(stack)
        .filter((annotation) => /kms|encryption/.test(annotation.message.slice(0, 40)))
        .map(({ level, path, message }) => [
          level,
          path,
          message.slice(0, message.indexOf("]") + 1),
        ]),
    ).toEqual([
      ["info", "sagemaker-provisioned/inference-repository/repository", "[ecr-kms-encryption]"],
      ["info", "sagemaker-provisioned/model-artifacts/bucket", "[s3-bucket-kms-encryption]"],
      ["info", "sagemaker-provisioned/endpoint-logs", "[cloudwatch-log-group-kms]"],
      [
        "info",
        "sagemaker-provisioned/inference/endpoint-configuration_ml-endpoint",
        "[sagemaker-endpoint-kms]",
      ],
      [
        "info",
        "sagemaker-provisioned/inference/endpoint-configuration_ml-endpoint",
        "[sagemaker-data-capture-kms]",
      ],
    ]);
  });
});

describe("enableCloudwatchLogs: false", () => {
  const { json, added, removed, movedRemoved } = difference({ enableCloudwatchLogs: false });

  it("removes the log group, its key statement and the endpoint's wait for it", () => {
    expect(added).toEqual([]);
    expect(removed).toEqual(["aws_cloudwatch_log_group.sagemaker_endpoint_logs"]);
    expect(movedRemoved).toEqual(["aws_cloudwatch_log_group.sagemaker_endpoint_logs"]);
    expect(json.data?.aws_iam_policy_document?.sagemaker_key_policy?.statement).toEqual([
      ACCOUNT_KEY_STATEMENT,
      SAGEMAKER_KEY_STATEMENT,
    ]);
    expect(json.resource?.aws_sagemaker_endpoint?.ml_endpoint).not.toHaveProperty("depends_on");
  });

  it("says so in the outputs, as the recipe does", () => {
    expect(json.output?.cloudwatch_log_group_name?.value).toBe("${null}");
    expect(json.output?.cloudwatch_log_group_arn?.value).toBe("${null}");
    expect((json.output?.test_commands?.value as Record<string, unknown>).check_logs).toBe(
      "CloudWatch logs not enabled",
    );
  });
});

describe("enableAutoScaling: false", () => {
  const { json, added, removed, movedRemoved } = difference({ enableAutoScaling: false });

  it("removes the scalable target and the policy, and their outputs", () => {
    expect(added).toEqual([]);
    expect(removed).toEqual([
      "aws_appautoscaling_policy.sagemaker_scaling_policy",
      "aws_appautoscaling_target.sagemaker_target",
    ]);
    expect(movedRemoved).toEqual([
      "aws_appautoscaling_target.sagemaker_target",
      "aws_appautoscaling_policy.sagemaker_scaling_policy",
    ]);
    for (const name of [
      "autoscaling_target_resource_id",
      "autoscaling_policy_name",
      "autoscaling_policy_arn",
    ]) {
      expect(json.output?.[name]?.value).toBe("${null}");
    }
  });
});

describe("enableEndpointMonitoring: false", () => {
  const { json, added, removed, movedRemoved } = difference({ enableEndpointMonitoring: false });

  it("removes the three alarms and the dashboard, and their outputs", () => {
    expect(added).toEqual([]);
    expect(removed).toEqual([
      "aws_cloudwatch_dashboard.sagemaker_dashboard",
      "aws_cloudwatch_metric_alarm.endpoint_invocation_errors",
      "aws_cloudwatch_metric_alarm.endpoint_latency",
      "aws_cloudwatch_metric_alarm.endpoint_model_errors",
    ]);
    expect(movedRemoved).toEqual([
      "aws_cloudwatch_metric_alarm.endpoint_invocation_errors",
      "aws_cloudwatch_metric_alarm.endpoint_model_errors",
      "aws_cloudwatch_metric_alarm.endpoint_latency",
      "aws_cloudwatch_dashboard.sagemaker_dashboard",
    ]);
    expect(json.output?.cloudwatch_alarms?.value).toEqual({});
    expect(json.output?.cloudwatch_dashboard_url?.value).toBe("${null}");
  });
});

describe("enableSnsNotifications: true", () => {
  const { json, added, removed, movedAdded } = difference({ enableSnsNotifications: true });
  const resources = json.resource!;
  const topicArn = "${aws_sns_topic.sagemaker_alerts.arn}";

  it("adds the encrypted topic and the e-mail subscription, counted on the address", () => {
    expect(added).toEqual([
      "aws_sns_topic.sagemaker_alerts",
      "aws_sns_topic_subscription.email_alerts",
    ]);
    expect(removed).toEqual([]);
    expect(movedAdded).toEqual(["aws_sns_topic.sagemaker_alerts"]);
    expect(resources.aws_sns_topic).toEqual({
      sagemaker_alerts: {
        name: `${PREFIX}-sagemaker-alerts`,
        display_name: "SageMaker Endpoint Alerts",
        kms_master_key_id: "${local.kms_key_arn}",
        tags: tagged(`${PREFIX}-sagemaker-alerts`),
      },
    });
    expect(resources.aws_sns_topic_subscription).toEqual({
      email_alerts: {
        count: "${!(length(var.sns_email_endpoint) < 1) ? 1 : 0}",
        topic_arn: topicArn,
        protocol: "email",
        endpoint: "${var.sns_email_endpoint}",
      },
    });
  });

  it("lets the alarms notify the topic, and publish to it through the key", () => {
    for (const alarm of Object.values(resources.aws_cloudwatch_metric_alarm ?? {})) {
      expect(alarm).toMatchObject({ alarm_actions: [topicArn], ok_actions: [topicArn] });
    }
    expect(json.data?.aws_iam_policy_document?.sagemaker_key_policy?.statement).toEqual([
      ACCOUNT_KEY_STATEMENT,
      SAGEMAKER_KEY_STATEMENT,
      LOGS_KEY_STATEMENT,
      ALARMS_KEY_STATEMENT,
    ]);
    expect(json.output?.sns_topic_arn?.value).toBe(topicArn);
    expect(json.output?.sns_topic_name?.value).toBe("${aws_sns_topic.sagemaker_alerts.name}");
  });

  it("leaves the alarms without actions when it is off", () => {
    for (const alarm of Object.values(defaults.resource?.aws_cloudwatch_metric_alarm ?? {})) {
      expect(alarm).not.toHaveProperty("alarm_actions");
      expect(alarm).not.toHaveProperty("ok_actions");
    }
  });
});

describe("enableVpcConfig: true", () => {
  const { json, added, removed } = difference({ enableVpcConfig: true });
  const model = json.resource!.aws_sagemaker_model!.ml_model!;

  it("adds no resource; runs the model in the given subnets and security groups, guarded", () => {
    expect(added).toEqual([]);
    expect(removed).toEqual([]);
    expect(model.vpc_config).toEqual({
      security_group_ids: "${var.security_group_ids}",
      subnets: "${var.subnet_ids}",
    });
    expect((model.lifecycle as { precondition: unknown[] }).precondition[1]).toEqual({
      condition:
        "${(((length(var.subnet_ids) >= 1) && (length(var.subnet_ids) <= 16)) && ((length(var.security_group_ids) >= 1) && (length(var.security_group_ids) <= 5)))}",
      error_message:
        "With the VPC configuration on (enableVpcConfig), subnet_ids needs 1-16 subnets and security_group_ids 1-5 security groups.",
    });
    expect((json.output?.security_features?.value as Record<string, unknown>).vpc_isolation).toBe(
      true,
    );
  });

  it("lets the role manage network interfaces in subnet_ids with security_group_ids, for SageMaker only", () => {
    const ec2 = (resource: string) => `arn:${PARTITION}:ec2:${REGION}:${ACCOUNT}:${resource}`;
    const arns = (type: string, variable: string) =>
      `formatlist("arn:%s:ec2:%s:%s:${type}/%s", data.aws_partition.current.partition, data.aws_region.current.region, data.aws_caller_identity.current.account_id, var.${variable})`;
    const statements = json.data?.aws_iam_policy_document?.sagemaker_execution_policy
      ?.statement as Record<string, unknown>[];
    // Before the rollback alarms' statement, which ends the policy (deployment.ts).
    expect(statements.slice(-5, -1)).toEqual(
      vpcNetworkStatements(ec2, {
        subnets: `\${${arns("subnet", "subnet_ids")}}`,
        resources: `\${concat(["${ec2("network-interface/*")}"], ${arns("subnet", "subnet_ids")}, ${arns("security-group", "security_group_ids")})}`,
      }),
    );
  });

  it("leaves the model outside any VPC when it is off", () => {
    expect(defaults.resource?.aws_sagemaker_model?.ml_model).not.toHaveProperty("vpc_config");
  });
});

describe("every switch off but encryption", () => {
  it("keeps the repository, bucket, role, model, configuration and endpoint", () => {
    const { json } = synthProvisioned({
      enableAutoScaling: false,
      enableCloudwatchLogs: false,
      enableEndpointMonitoring: false,
    });
    expect(addresses(json)).toEqual(
      DEFAULT_ADDRESSES.filter(
        (address) =>
          !/appautoscaling|cloudwatch_dashboard|cloudwatch_log_group|metric_alarm/.test(address),
      ),
    );
  });
});

describe("a stack instance per environment", () => {
  it("keeps its own state and names its resources for its environment by default", () => {
    const { json } = synthProvisioned(
      { environment: "prod", enableSnsNotifications: true },
      "sagemaker-provisioned-prod",
    );
    expect(json.terraform?.backend).toEqual({
      local: { path: "../../../terraform.sagemaker-provisioned-prod.tfstate" },
    });
    expect(json.variable?.environment?.default).toBe("prod");
    expect(addresses(json)).toContain("aws_sns_topic.sagemaker_alerts");
    expect(defaults.variable?.environment?.default).toBe("dev");
  });
});

describe("accessLogging", () => {
  const { json, added, removed } = difference({
    accessLogging: { targetBucket: "central-access-logs", targetPrefix: "models/" },
  });

  it("delivers the bucket's access logs to the log bucket, under a new address", () => {
    expect(added).toEqual(["aws_s3_bucket_logging.model_artifacts_logging"]);
    expect(removed).toEqual([]);
    expect(json.resource?.aws_s3_bucket_logging?.model_artifacts_logging).toEqual({
      bucket: "${aws_s3_bucket.model_artifacts.id}",
      target_bucket: "central-access-logs",
      target_prefix: "models/",
    });
  });
});
