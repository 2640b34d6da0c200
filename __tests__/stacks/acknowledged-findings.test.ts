/**
 * Every stack, at its defaults and with the switches its docs describe, synthesizes with no finding left
 * unacknowledged, and `cdktf synth` prints each acknowledged finding with its reason (the annotations of the
 * manifest, which the CLI prints).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ref, Testing, Token, type App, type TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  FULL_ACCESS_REASON,
  KEY_POLICY_RESOURCE_REASON,
  ML_MODULE_REASONS,
  RECIPE_REASONS,
  SERVERLESS_NETWORK_ISOLATION_REASON,
  SERVERLESS_REASONS,
} from "../helpers/reasons";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";
import { IamStack } from "../../stacks/alex/iam-stack";
import { SagemakerServerlessStack } from "../../stacks/alex/sagemaker-serverless-stack";
import { synthProject } from "../helpers/project";
import { MlModuleStack } from "../../stacks/ml-module/ml-module-stack";
import {
  SagemakerProvisionedStack,
  type SagemakerProvisionedStackProps,
} from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";

/** A key ARN known at apply time (a literal one would be a partition finding of its own). */
const KEY_ARN = Token.asString(ref("var.shared_key_arn"));

type Printed = Record<string, { level: string; message: string }[]>;

/**
 * What the CLI prints for each stack: the annotations `app.synth()` writes to the manifest (used for the apps). The
 * same annotations as `reportedAnnotations` reads from the constructs after `Testing.synth`, which the switch
 * combinations use, without writing an app to disk each time.
 */
function printed(app: App): Printed {
  app.synth();
  return printedIn(
    JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8")) as {
      stacks: Record<string, { annotations: { level: string; message: string }[] }>;
    },
  );
}

/** The annotations of each stack of a manifest. */
function printedIn(manifest: {
  readonly stacks: Readonly<
    Record<string, { readonly annotations: readonly { level: string; message: string }[] }>
  >;
}): Printed {
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
  ["ecr-scan-on-push", RECIPE_REASONS.scanOnPush],
  ["ecr-tag-immutability", RECIPE_REASONS.tagMutability],
  ["s3-bucket-access-logging", RECIPE_REASONS.accessLogging],
  ["s3-bucket-replication", RECIPE_REASONS.replication],
  ["s3-bucket-event-notifications", RECIPE_REASONS.eventNotifications],
];
/** The iris sample's image, by its tag; the recipe's own container has a reason of its own. */
const SAMPLE_IMAGE_TAG: [string, string] = [
  "sagemaker-model-image-digest",
  RECIPE_REASONS.imageTag,
];
const LOG_RETENTION: [string, string] = [
  "cloudwatch-log-retention-one-year",
  RECIPE_REASONS.logRetention,
];
/** With encryption off: the weaker encryption of each resource that exists. */
const NO_ENCRYPTION = (...rules: string[]): [string, string][] =>
  [
    "ecr-kms-encryption",
    "s3-bucket-kms-encryption",
    "sagemaker-data-capture-kms",
    "sagemaker-endpoint-kms",
    ...rules,
  ].map((rule) => [rule, RECIPE_REASONS.noEncryption]);

/** What the recipe's stack acknowledges at its defaults (beside RECIPE_ALWAYS). */
const RECIPE_DEFAULTS: [string, string][] = [
  SAMPLE_IMAGE_TAG,
  KEY_STATEMENT,
  KEY_STATEMENT,
  KEY_STATEMENT,
  LOG_RETENTION,
];

/**
 * The other switch combinations the docs describe, and what each acknowledges (beside RECIPE_ALWAYS); the defaults
 * are the app's own stack, below.
 */
const COMBINATIONS: [string, SagemakerProvisionedStackProps, [string, string][]][] = [
  [
    "encryption off",
    { enableEncryption: false },
    [SAMPLE_IMAGE_TAG, LOG_RETENTION, ...NO_ENCRYPTION("cloudwatch-log-group-kms")],
  ],
  [
    "notifications on",
    { enableSnsNotifications: true },
    // The fourth key statement lets the alarms publish to the encrypted topic.
    [SAMPLE_IMAGE_TAG, KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION],
  ],
  [
    "encryption off, notifications on",
    { enableEncryption: false, enableSnsNotifications: true },
    [
      SAMPLE_IMAGE_TAG,
      LOG_RETENTION,
      ...NO_ENCRYPTION("cloudwatch-log-group-kms", "sns-topic-kms-encryption"),
    ],
  ],
  [
    "VPC on",
    { enableVpcConfig: true },
    [SAMPLE_IMAGE_TAG, KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION],
  ],
  [
    "monitoring off",
    { enableEndpointMonitoring: false },
    [SAMPLE_IMAGE_TAG, KEY_STATEMENT, KEY_STATEMENT, KEY_STATEMENT, LOG_RETENTION],
  ],
  [
    "the recipe's own container",
    { modelArtifact: { source: "s3" } },
    [
      KEY_STATEMENT,
      KEY_STATEMENT,
      KEY_STATEMENT,
      LOG_RETENTION,
      ["sagemaker-model-image-digest", RECIPE_REASONS.ownImageTag],
      ["sagemaker-model-network-isolation", RECIPE_REASONS.networkIsolation],
    ],
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
    [SAMPLE_IMAGE_TAG, ...NO_ENCRYPTION("sns-topic-kms-encryption")],
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
        ...RECIPE_DEFAULTS,
      ].sort(),
    );
  });
});

describe("every stack at its defaults, as the app defines it", () => {
  const annotations = printedIn(synthProject().manifest);

  it("sagemaker-provisioned, with the recipe's switches: no unacknowledged finding, every acknowledgement printed with its reason", () => {
    expect(acknowledged(annotations["sagemaker-provisioned"]!)).toEqual(
      [...RECIPE_ALWAYS, ...RECIPE_DEFAULTS].sort(),
    );
  });

  it("the other stacks: each weaker setting kept from the original, printed with its reason", () => {
    expect(acknowledged(annotations.iam!)).toEqual([
      ["iam-broad-managed-policy", FULL_ACCESS_REASON],
    ]);
    expect(acknowledged(annotations["sagemaker-serverless"]!)).toEqual(
      [
        ["sagemaker-endpoint-kms", SERVERLESS_REASONS.noKey],
        ["sagemaker-model-image-digest", SERVERLESS_REASONS.imageTag],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
    expect(acknowledged(annotations["ml-module"]!)).toEqual(
      [
        ["iam-broad-managed-policy", ML_MODULE_REASONS.lambdaVpcAccess],
        ["sagemaker-endpoint-kms", ML_MODULE_REASONS.noKey],
        ["sagemaker-model-image-digest", ML_MODULE_REASONS.imageTag],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
  });
});

describe("the other stacks", () => {
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
        ["sagemaker-model-image-digest", SERVERLESS_REASONS.imageTag],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
    expect(acknowledged(annotations["ml-module"]!)).toEqual(
      [
        ["sagemaker-model-image-digest", ML_MODULE_REASONS.imageTag],
        ["sagemaker-model-network-isolation", SERVERLESS_NETWORK_ISOLATION_REASON],
      ].sort(),
    );
  });
});
