import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, TerraformStack, Testing, type App } from "cdktf";
import { Construct } from "constructs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acknowledge } from "../../../modules/policy/acknowledgements";
import { PolicyChecks } from "../../../modules/policy/policy-checks";
import { reportedAnnotations } from "../../../modules/policy/reported-annotations";
import { kmsKeyRotation } from "../../../modules/policy/rules/kms-key-rotation";

const KEY_ERROR =
  "[kms-key-rotation] aws_kms_key.key: Does not rotate its key material (enable_key_rotation is not set); set it to true.";
const LOGS_WARNING =
  "[cloudwatch-log-retention] aws_cloudwatch_log_group.logs: Keeps its logs forever (retention_in_days is not set); set a retention period.";
const LEGACY_INFO =
  "[kms-key-rotation] aws_kms_key.legacy-keys_key_A14B52FD: Does not rotate its key material (enable_key_rotation is not set); set it to true. Acknowledged on stack/legacy-keys: Imported key material, rotated by hand every 90 days.";

/** A stack with the checks applied and whatever `build` adds. */
function checkedStack(build: (stack: TerraformStack) => void): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  PolicyChecks.applyTo(stack);
  build(stack);
  return { app, stack };
}

/** The annotations `app.synth()` wrote to the manifest, which `cdktf synth` prints. */
function manifestAnnotations(app: App): { level: string; message: string }[] {
  const manifest = JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: { level: string; message: string }[] }>;
  };
  return manifest.stacks.stack!.annotations.map(({ level, message }) => ({ level, message }));
}

function warningAndAcknowledgedError(stack: TerraformStack): void {
  new CloudwatchLogGroup(stack, "logs", { kmsKeyId: "alias/logs" });
  const legacy = new Construct(stack, "legacy-keys");
  new KmsKey(legacy, "key", {});
  acknowledge(legacy, "kms-key-rotation", "Imported key material, rotated by hand every 90 days.");
}

describe("PolicyChecks", () => {
  it("reports errors, warnings and acknowledged findings (as info) on the constructs, once per synth", () => {
    const { stack } = checkedStack((scope) => {
      new KmsKey(scope, "key", {});
      warningAndAcknowledgedError(scope);
    });
    Testing.synth(stack);
    Testing.synth(stack);
    expect(reportedAnnotations(stack)).toEqual([
      { path: "stack/key", level: "error", message: KEY_ERROR },
      { path: "stack/logs", level: "warning", message: LOGS_WARNING },
      { path: "stack/legacy-keys/key", level: "info", message: LEGACY_INFO },
    ]);
  });

  it("fails app.synth() on an unacknowledged error, as cdktf synth does", () => {
    const { app } = checkedStack((scope) => new KmsKey(scope, "key", {}));
    expect(() => app.synth()).toThrowError(
      `Encountered Annotations with level "ERROR":\n[stack/key] ${KEY_ERROR}\n\nEither fix the issues above`,
    );
  });

  it("hands the error to cdktf synth, which prints it and exits with 1", () => {
    // The CLI runs the app with this variable set, then fails on the error annotations of the manifest.
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "true";
    try {
      const { app } = checkedStack((scope) => new KmsKey(scope, "key", {}));
      app.synth();
      expect(manifestAnnotations(app)).toEqual([{ level: "@cdktf/error", message: KEY_ERROR }]);
    } finally {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    }
  });

  it("synthesizes with warnings and acknowledged findings, and hands them to the CLI to print", () => {
    const { app } = checkedStack(warningAndAcknowledgedError);
    app.synth();
    expect(manifestAnnotations(app)).toEqual([
      { level: "@cdktf/warn", message: LOGS_WARNING },
      { level: "@cdktf/info", message: LEGACY_INFO },
    ]);
  });

  it("reports an acknowledgement of a rule the pack does not have as an error", () => {
    const { stack } = checkedStack((scope) => {
      acknowledge(new Construct(scope, "keys"), "kms-rotation", "A typo in the rule id.");
    });
    Testing.synth(stack);
    expect(reportedAnnotations(stack)).toEqual([
      {
        path: "stack/keys",
        level: "error",
        message:
          '[policy] acknowledge() names the unknown rule "kms-rotation"; the rules are: ' +
          "iam-trust-confused-deputy, arn-literal-partition, iam-wildcard-resource, iam-broad-managed-policy, " +
          "s3-bucket-public-access-block, s3-bucket-tls-only, s3-bucket-kms-encryption, s3-bucket-versioning, " +
          "s3-bucket-access-logging, s3-bucket-replication, s3-bucket-event-notifications, ecr-scan-on-push, " +
          "ecr-kms-encryption, ecr-tag-immutability, kms-key-rotation, cloudwatch-log-retention, " +
          "cloudwatch-log-retention-one-year, cloudwatch-log-group-kms, sns-topic-kms-encryption, " +
          "sagemaker-endpoint-kms, sagemaker-data-capture-kms, sagemaker-model-network-isolation, " +
          "sagemaker-model-image-digest.",
      },
    ]);
  });

  it("is applied once per stack, and runs the pack it is given", () => {
    const { stack } = checkedStack(() => undefined);
    const first = Aspects.of(stack).all[0];
    expect(PolicyChecks.applyTo(stack, [kmsKeyRotation])).toBe(first);
    expect(Aspects.of(stack).all).toHaveLength(1);

    const other = new TerraformStack(Testing.app(), "other");
    PolicyChecks.applyTo(other, [kmsKeyRotation]);
    new CloudwatchLogGroup(other, "logs", {});
    new KmsKey(other, "key", {});
    Testing.synth(other);
    expect(reportedAnnotations(other).map(({ message }) => message)).toEqual([KEY_ERROR]);
  });

  it("refuses a pack with the same rule id twice", () => {
    expect(() => new PolicyChecks([kmsKeyRotation, kmsKeyRotation])).toThrowError(
      "Policy rule ids must be unique; repeated: kms-key-rotation",
    );
  });

  it("does nothing when added to the App: cdktf runs only the aspects of a stack and its children", () => {
    const app = Testing.app();
    Aspects.of(app).add(new PolicyChecks());
    const stack = new TerraformStack(app, "stack");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new KmsKey(stack, "key", {});
    app.synth();
    expect(reportedAnnotations(stack)).toEqual([]);
  });
});
