/**
 * Every construct refuses a setting its props do not have, at every level of its props, in its one validation error:
 * the construct path, the key's full path, its value and the setting meant. The check itself is tested in
 * core/known-keys.test.ts; SagemakerInference and ServerlessEndpoint in their own tests. That each construct's key
 * sets cover its props interfaces is checked by `tsc`.
 */
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { AttachedPolicy } from "../../modules/iam/attached-policy";
import { InferenceExecutionPolicy } from "../../modules/iam/inference-execution-policy";
import { ServiceRole } from "../../modules/iam/service-role";
import { InferenceRepository } from "../../modules/images/inference-repository";
import { RegionalImage } from "../../modules/images/regional-image";
import { EncryptionKey } from "../../modules/kms/encryption-key";
import { MlModule } from "../../modules/ml-module/ml-module";
import { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import { EndpointDashboard } from "../../modules/monitoring/endpoint-dashboard";
import { ArtifactBucket } from "../../modules/storage/artifact-bucket";
import { thrownMessage, untyped } from "../helpers/untyped-input";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Each construct, created as `x` with a misspelt or unknown setting at each level of its props, and its problems. */
const CASES: [string, (scope: Construct) => unknown, string[]][] = [
  [
    "AlertsTopic",
    (scope) =>
      new AlertsTopic(
        scope,
        "x",
        untyped({
          topicName: "alerts",
          emailAddress: "ops@example.com",
        }),
      ),
    [
      'emailAddress: got "ops@example.com"; allowed: no such setting (known: topicName, displayName, kmsKeyArn, emailEndpoint, tags)',
    ],
  ],
  [
    "EndpointDashboard",
    (scope) =>
      new EndpointDashboard(
        scope,
        "x",
        untyped({
          dashboardName: "d",
          endpointName: "e",
          variantName: "AllTraffic",
          region: "us-east-1",
          periodInSeconds: 300,
        }),
      ),
    ['periodInSeconds: got 300; allowed: no such setting; did you mean "period"?'],
  ],
  [
    "RegionalImage",
    (scope) =>
      new RegionalImage(
        scope,
        "x",
        untyped({
          registry: "sklearn-inference",
          repository: "sagemaker-scikit-learn",
          tag: "1.2-1-cpu-py3",
          region: "us-east-1",
          tags: "latest",
        }),
      ),
    ['tags: got "latest"; allowed: no such setting; did you mean "tag"?'],
  ],
  [
    "InferenceRepository, and its retention",
    (scope) =>
      new InferenceRepository(
        scope,
        "x",
        untyped({
          repositoryName: "models",
          scanOnPushEnabled: false,
          retention: { tagPrefixes: ["v"], keepTaggedImages: 5, expireUntaggedAfterDay: 7 },
        }),
      ),
    [
      'scanOnPushEnabled: got false; allowed: no such setting; did you mean "scanOnPush"?',
      'retention.expireUntaggedAfterDay: got 7; allowed: no such setting; did you mean "expireUntaggedAfterDays"?',
    ],
  ],
  [
    "EncryptionKey, its service access and their conditions",
    (scope) =>
      new EncryptionKey(
        scope,
        "x",
        untyped({
          description: "d",
          aliasName: "alias/k",
          enableKeyRotation: true,
          serviceAccess: [
            {
              sid: "Logs",
              servicePrincipal: "logs.amazonaws.com",
              actions: ["kms:Decrypt"],
              conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", value: ["1"] }],
            },
          ],
        }),
      ),
    [
      "enableKeyRotation: got true; allowed: no such setting (known: description, aliasName, deletionWindowInDays, serviceAccess, tags, createIf)",
      'serviceAccess.0.conditions.0.value: got ["1"]; allowed: no such setting; did you mean "values"?',
    ],
  ],
  [
    "ArtifactBucket, its prefix expirations and its access logging",
    (scope) =>
      new ArtifactBucket(
        scope,
        "x",
        untyped({
          bucketName: "models-bucket",
          versioning: true,
          prefixExpirations: [{ id: "capture", prefix: "data-capture/", expirationDays: 30 }],
          accessLogging: { targetBucket: "logs-bucket", prefix: "models/" },
        }),
      ),
    [
      "versioning: got true; allowed: no such setting (known: bucketName, forceDestroy, kmsKeyArn, noncurrentVersionExpirationDays, abortIncompleteMultipartUploadDays, lifecycleRuleId, prefixExpirations, accessLogging, tags)",
      'prefixExpirations.0.expirationDays: got 30; allowed: no such setting; did you mean "days"?',
      'accessLogging.prefix: got "models/"; allowed: no such setting; did you mean "targetPrefix"?',
    ],
  ],
  [
    "AttachedPolicy",
    (scope) =>
      new AttachedPolicy(
        scope,
        "x",
        untyped({
          policyName: "p",
          policy: "{}",
          roleName: "r",
          role: "r",
        }),
      ),
    ['role: got "r"; allowed: no such setting; did you mean "roleName"?'],
  ],
  [
    "ServiceRole, and its trust conditions",
    (scope) =>
      new ServiceRole(
        scope,
        "x",
        untyped({
          roleName: "r",
          servicePrincipal: "sagemaker.amazonaws.com",
          managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"],
          trustConditions: [{ test: "StringEquals", key: "aws:SourceAccount", values: ["1"] }],
        }),
      ),
    [
      'managedPolicyArns: got ["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"]; allowed: no such setting; did you mean "managedPolicies"?',
      'trustConditions.0.key: got "aws:SourceAccount"; allowed: no such setting (known: test, variable, values)',
      "trustConditions.0.variable: got (not set); allowed: a string (required)",
    ],
  ],
  [
    "InferenceExecutionPolicy, and its model network",
    (scope) =>
      new InferenceExecutionPolicy(
        scope,
        "x",
        untyped({
          roleName: "r",
          imageRepositoryArns: ["arn:aws:ecr:us-east-1:111122223333:repository/models"],
          modelArtifactArn: "arn:aws:s3:::models/model.tar.gz",
          vpcNetworkInterfaces: { subnetIds: ["subnet-1"], securityGroups: ["sg-1"] },
        }),
      ),
    [
      'modelArtifactArn: got "arn:aws:s3:::models/model.tar.gz"; allowed: no such setting; did you mean "modelArtifactArns"?',
      'vpcNetworkInterfaces.securityGroups: got ["sg-1"]; allowed: no such setting; did you mean "securityGroupIds"?',
    ],
  ],
  [
    "MlModule",
    (scope) =>
      new MlModule(
        scope,
        "x",
        untyped({
          projectName: "voice",
          environment: "dev",
          mlModelsBucket: "voice-ml-models",
          encryptionKeyARN: KEY,
        }),
      ),
    [`encryptionKeyARN: got "${KEY}"; allowed: no such setting; did you mean "encryptionKeyArn"?`],
  ],
];

describe("the constructs of modules/ refuse settings their props do not have", () => {
  it.each(CASES)("%s", (_, create, lines) => {
    const count = lines.length === 1 ? "1 problem" : `${lines.length} problems`;
    expect(thrownMessage(() => create(new TerraformStack(Testing.app(), "s")))).toBe(
      [`Invalid configuration for 's/x' (${count}):`, ...lines.map((line) => `  - ${line}`)].join(
        "\n",
      ),
    );
  });
});
