/**
 * Every stack, at its defaults and with the switches its docs describe, synthesizes with no finding left
 * unacknowledged, and `cdktf synth` prints each acknowledged finding with its reason (the annotations of the
 * manifest, which the CLI prints).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ref, Testing, Token, type App, type TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { KEY_POLICY_RESOURCE_REASON } from "../../modules/kms/encryption-key";
import {
  LAMBDA_VPC_ACCESS_REASON,
  ML_IMAGE_TAG_REASON,
  ML_NO_KEY_REASON,
} from "../../modules/ml-module/ml-module";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";
import { FULL_ACCESS_REASON, IamStack } from "../../stacks/alex/iam-stack";
import {
  IMAGE_TAG_REASON,
  NO_KEY_REASON,
  SagemakerServerlessStack,
} from "../../stacks/alex/sagemaker-serverless-stack";
import { defineStacks } from "../../stacks/app";
import { MlModuleStack } from "../../stacks/ml-module/ml-module-stack";
import { NO_ENCRYPTION_REASON } from "../../stacks/sagemaker-provisioned/encryption";
import { REPOSITORY_REASONS } from "../../stacks/sagemaker-provisioned/image-repository";
import { NETWORK_ISOLATION_REASON } from "../../stacks/sagemaker-provisioned/inference";
import { IMAGE_TAG_REASON as RECIPE_IMAGE_TAG_REASON } from "../../stacks/sagemaker-provisioned/model-image";
import { LOG_RETENTION_REASON } from "../../stacks/sagemaker-provisioned/monitoring";
import { BUCKET_REASONS } from "../../stacks/sagemaker-provisioned/storage";
import {
  SagemakerProvisionedStack,
  type SagemakerProvisionedStackProps,
} from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";

/** The reason a serverless endpoint's model is acknowledged to run without network isolation. */
const SERVERLESS_NETWORK_ISOLATION_REASON =
  "Serverless endpoints do not support network isolation (SageMaker Developer Guide, Serverless Inference, feature exclusions); serve the model from instances (SagemakerInference, provisioned) to isolate it.";

/** A key ARN known at apply time (a literal one would be a partition finding of its own). */
const KEY_ARN = Token.asString(ref("var.shared_key_arn"));

/**
 * What the CLI prints for each stack: the annotations `app.synth()` writes to the manifest (used for the project's
 * app). The same annotations as `reportedAnnotations` reads from the constructs after `Testing.synth`, which the
 * switch combinations use, without writing an app to disk each time.
 */
function printed(app: App): Record<string, { level: string; message: string }[]> {
  app.synth();
  const manifest = JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: { level: string; message: string }[] }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.stacks).map(([id, stack]) => [
      id,
      stack.annotations.map(({ level, message }) => ({ level, message })),
    ]),
  );
}

/** The annotations of `stack` after a synth, at the levels the manifest gives them. */
function annotationsAfterSynth(stack: TerraformStack): { level: string; message: string }[] {
  Testing.synth(stack);
  return reportedAnnotations(stack).map(({ level, message }) => ({
    level: `@cdktf/${level === "warning" ? "warn" : level}`,
    message,
  }));
}

/** `[rule id, reason]` of each printed finding; fails on one that is not an acknowledged info. */
function acknowledged(annotations: { level: string; message: string }[]): [string, string][] {
  return annotations
    .map(({ level, message }) => {
      expect(level, message).toBe("@cdktf/info");
      const match = /^\[([a-z0-9-]+)\] \S+: .+? Acknowledged on \S+: (.+)$/s.exec(message);
      expect(match, message).not.toBeNull();
      return [match![1]!, match![2]!] as [string, string];
    })
    .sort();
}

const KEY_STATEMENT: [string, string] = ["iam-wildcard-resource", KEY_POLICY_RESOURCE_REASON];
/** What the recipe's stack acknowledges whatever its switches. */
const RECIPE_ALWAYS: [string, string][] = [
  ["ecr-scan-on-push", REPOSITORY_REASONS.scanOnPush],
  ["ecr-tag-immutability", REPOSITORY_REASONS.tagMutability],
  ["s3-bucket-access-logging", BUCKET_REASONS.accessLogging],
  ["s3-bucket-replication", BUCKET_REASONS.replication],
  ["s3-bucket-event-notifications", BUCKET_REASONS.eventNotifications],
  ["sagemaker-model-image-digest", RECIPE_IMAGE_TAG_REASON],
  ["sagemaker-model-network-isolation", NETWORK_ISOLATION_REASON],
];
const LOG_RETENTION: [string, string] = ["cloudwatch-log-retention-one-year", LOG_RETENTION_REASON];
/** With encryption off: the weaker encryption of each resource that exists. */
const NO_ENCRYPTION = (...rules: string[]): [string, string][] =>
  [
    "ecr-kms-encryption",
    "s3-bucket-kms-encryption",
    "sagemaker-data-capture-kms",
    "sagemaker-endpoint-kms",
    ...rules,
  ].map((rule) => [rule, NO_ENCRYPTION_REASON]);

/** The switch combinations the docs describe, and what each acknowledges (beside RECIPE_ALWAYS). */
const COMBINATIONS: [string, SagemakerProvisionedStackProps, [string, string][]][] = [
  ["the recipe's switches", {}, [KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION]],
  [
    "encryption off",
    { enableEncryption: false },
    [LOG_RETENTION, ...NO_ENCRYPTION("cloudwatch-log-group-kms")],
  ],
  [
    "notifications on",
    { enableSnsNotifications: true },
    // The fourth key statement lets the alarms publish to the encrypted topic.
    [KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION],
  ],
  [
    "encryption off, notifications on",
    { enableEncryption: false, enableSnsNotifications: true },
    [LOG_RETENTION, ...NO_ENCRYPTION("cloudwatch-log-group-kms", "sns-topic-kms-encryption")],
  ],
  [
    "VPC on",
    { enableVpcConfig: true },
    [KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION],
  ],
  [
    "monitoring off",
    { enableEndpointMonitoring: false },
    [KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION],
  ],
  [
    "every switch away from its default",
    {
      enableEncryption: false,
      enableCloudwatchLogs: false,
      enableAutoScaling: false,
      enableEndpointMonitoring: false,
      enableSnsNotifications: true,
      enableVpcConfig: true,
    },
    NO_ENCRYPTION("sns-topic-kms-encryption"),
  ],
];

describe("sagemaker-provisioned, for each switch combination the docs describe", () => {
  it.each(COMBINATIONS)(
    "%s: no unacknowledged finding, every acknowledgement printed with its reason",
    (_name, props, specific) => {
      const stack = new SagemakerProvisionedStack(Testing.app(), "sagemaker-provisioned", props);
      expect(acknowledged(annotationsAfterSynth(stack))).toEqual(
        [...RECIPE_ALWAYS, ...specific].sort(),
      );
    },
  );

  it("with access logs delivered (accessLogging), has no access-logging finding to acknowledge", () => {
    const stack = new SagemakerProvisionedStack(Testing.app(), "sagemaker-provisioned", {
      accessLogging: { targetBucket: "central-access-logs" },
    });
    expect(acknowledged(annotationsAfterSynth(stack))).toEqual(
      [
        ...RECIPE_ALWAYS.filter(([rule]) => rule !== "s3-bucket-access-logging"),
        KEY_STATEMENT,
        KEY_STATEMENT,
        KEY_STATEMENT,
        LOG_RETENTION,
      ].sort(),
    );
  });
});

describe("the other stacks", () => {
  it("at their defaults: each weaker setting kept from the original, printed with its reason", () => {
    const app = Testing.app();
    defineStacks(app);
    const annotations = printed(app);
    expect(acknowledged(annotations.iam!)).toEqual([
      ["iam-broad-managed-policy", FULL_ACCESS_REASON],
    ]);
    expect(acknowledged(annotations["sagemaker-serverless"]!)).toEqual(
      [
        ["sagemaker-endpoint-kms", NO_KEY_REASON],
        ["sagemaker-model-image-digest", IMAGE_TAG_REASON],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
    expect(acknowledged(annotations["ml-module"]!)).toEqual(
      [
        ["iam-broad-managed-policy", LAMBDA_VPC_ACCESS_REASON],
        ["sagemaker-endpoint-kms", ML_NO_KEY_REASON],
        ["sagemaker-model-image-digest", ML_IMAGE_TAG_REASON],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
  });

  it("with their switches: a key, least privilege and no VPC access leave only what AWS or the image decide", () => {
    const app = Testing.app();
    const iam = new IamStack(app, "iam", { executionPolicy: "least-privilege" });
    new SagemakerServerlessStack(app, "sagemaker-serverless", {
      executionRoleArn: iam.executionRole.roleArn,
      encryptionKeyArn: KEY_ARN,
    });
    new MlModuleStack(app, "ml-module", { lambdaVpcAccess: false, encryptionKeyArn: KEY_ARN });
    const annotations = printed(app);
    expect(acknowledged(annotations.iam!)).toEqual([]);
    expect(acknowledged(annotations["sagemaker-serverless"]!)).toEqual(
      [
        ["sagemaker-model-image-digest", IMAGE_TAG_REASON],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
    expect(acknowledged(annotations["ml-module"]!)).toEqual(
      [
        ["sagemaker-model-image-digest", ML_IMAGE_TAG_REASON],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
  });
});
