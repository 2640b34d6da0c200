/**
 * Every construct with a `tags` prop rejects tags AWS would refuse, at synth time, in its one validation error.
 * The rules themselves are tested in core/limits/tags.test.ts (ServerlessEndpoint and SagemakerInference, whose
 * tags are `additionalTags`, in their own tests).
 */
import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ServiceRole } from "../../modules/iam/service-role";
import { InferenceRepository } from "../../modules/images/inference-repository";
import { EncryptionKey } from "../../modules/kms/encryption-key";
import { MlModule } from "../../modules/ml-module/ml-module";
import { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import { ArtifactBucket } from "../../modules/storage/artifact-bucket";

type Tags = Readonly<Record<string, string>>;

/** Each construct with valid props apart from `tags`, and whether it adds a `Name` tag itself. */
const CONSTRUCTS: [string, (scope: Construct, tags: Tags) => void, boolean][] = [
  [
    "ServiceRole",
    (scope, tags) =>
      new ServiceRole(scope, "x", {
        roleName: "r",
        servicePrincipal: "sagemaker.amazonaws.com",
        tags,
      }),
    false,
  ],
  [
    "InferenceRepository",
    (scope, tags) => new InferenceRepository(scope, "x", { repositoryName: "models", tags }),
    false,
  ],
  [
    "EncryptionKey",
    (scope, tags) =>
      new EncryptionKey(scope, "x", { description: "d", aliasName: "alias/k", tags }),
    false,
  ],
  [
    "MlModule",
    (scope, tags) =>
      new MlModule(scope, "x", {
        projectName: "voice",
        environment: "dev",
        mlModelsBucket: "voice-ml-models",
        tags,
      }),
    true,
  ],
  [
    "AlertsTopic",
    (scope, tags) => new AlertsTopic(scope, "x", { topicName: "alerts", tags }),
    false,
  ],
  [
    "ArtifactBucket",
    (scope, tags) => new ArtifactBucket(scope, "x", { bucketName: "models-bucket", tags }),
    false,
  ],
];

const fortyNine = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`tag-${i}`, "v"]));

describe.each(CONSTRUCTS)("%s tags", (_name, build, addsName) => {
  const stack = () => new TerraformStack(Testing.app(), "s");

  it("rejects a reserved key, a bad value and one tag too many, in one error", () => {
    const tags = {
      ...fortyNine,
      "aws:owner": "ml",
      team: "a#b",
      ...(addsName ? {} : { extra: "v" }),
    };
    expect(() => build(stack(), tags)).toThrowError(
      [
        "Invalid configuration for 's/x' (3 problems):",
        '  - tags.aws:owner: got "aws:owner"; allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:',
        '  - tags.team: got "a#b"; allowed: a tag value of at most 256 letters, digits, spaces and _ . : / = + - @',
        `  - tags: got "52 tags"; allowed: at most 50 tags per resource${addsName ? ", counting Name" : ""}`,
      ].join("\n"),
    );
  });

  it("accepts 50 tags in all, and tags known only at apply time", () => {
    const fifty = addsName ? fortyNine : { ...fortyNine, last: "v" };
    expect(() => build(stack(), fifty)).not.toThrow();
    const scope = stack();
    const variable = new TerraformVariable(scope, "tags", { type: "map(string)" });
    expect(() => build(scope, Token.asStringMap(variable.value))).not.toThrow();
  });
});
