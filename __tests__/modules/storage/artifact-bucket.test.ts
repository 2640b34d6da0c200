import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../../modules/policy/policy-checks";
import { ArtifactBucket } from "../../../modules/storage/artifact-bucket";
import { onlyDataSource, onlyResource, resolved, synthStack } from "../../helpers/synth";
import { S3_BUCKET_NAME_WORDS } from "../../helpers/allowed";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("ArtifactBucket", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const artifacts = new ArtifactBucket(stack, "artifacts", {
    bucketName: "ml-dev-models-1a2b3c4d",
    kmsKeyArn: KEY,
    lifecycleRuleId: "model_artifacts_lifecycle",
    tags: { Name: "model-artifacts" },
  });
  const json = synthStack(stack);
  const bucket = onlyResource(json, "aws_s3_bucket");
  const ref = `\${aws_s3_bucket.${bucket.name}.id}`;

  it("creates the bucket, kept on destroy by default", () => {
    expect(bucket.attributes).toEqual({
      bucket: "ml-dev-models-1a2b3c4d",
      force_destroy: false,
      tags: { Name: "model-artifacts" },
    });
  });

  it("versions it, encrypts it with the key, and blocks every kind of public access", () => {
    expect(onlyResource(json, "aws_s3_bucket_versioning").attributes).toEqual({
      bucket: ref,
      versioning_configuration: { status: "Enabled" },
    });
    expect(
      onlyResource(json, "aws_s3_bucket_server_side_encryption_configuration").attributes,
    ).toEqual({
      bucket: ref,
      rule: [
        {
          apply_server_side_encryption_by_default: {
            sse_algorithm: "aws:kms",
            kms_master_key_id: KEY,
          },
        },
      ],
    });
    expect(onlyResource(json, "aws_s3_bucket_public_access_block").attributes).toEqual({
      bucket: ref,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it("expires noncurrent versions after 30 days and aborts uploads after 7", () => {
    expect(onlyResource(json, "aws_s3_bucket_lifecycle_configuration").attributes).toEqual({
      bucket: ref,
      rule: [
        {
          id: "model_artifacts_lifecycle",
          status: "Enabled",
          noncurrent_version_expiration: [{ noncurrent_days: 30 }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        },
      ],
    });
  });

  it("denies every request that does not use TLS", () => {
    const document = onlyDataSource(json, "aws_iam_policy_document");
    const arn = `\${aws_s3_bucket.${bucket.name}.arn}`;
    expect(document.attributes).toEqual({
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [arn, `${arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    expect(onlyResource(json, "aws_s3_bucket_policy").attributes).toEqual({
      bucket: ref,
      policy: `\${data.aws_iam_policy_document.${document.name}.json}`,
    });
  });

  it("passes the S3 policy checks of what it builds; logs, replicas and notifications are its user's to decide", () => {
    const s3Findings = evaluatePolicy(stack).filter((finding) => finding.ruleId.startsWith("s3-"));
    expect(s3Findings.map((finding) => finding.ruleId)).toEqual([
      "s3-bucket-access-logging",
      "s3-bucket-replication",
      "s3-bucket-event-notifications",
    ]);
  });

  it("exposes its name, ARN and object ARNs", () => {
    expect(resolved(stack, artifacts.bucketName)).toBe(`\${aws_s3_bucket.${bucket.name}.bucket}`);
    expect(resolved(stack, artifacts.objectArn("data-capture/*"))).toBe(
      `\${aws_s3_bucket.${bucket.name}.arn}/data-capture/*`,
    );
  });
});

describe("ArtifactBucket without a key", () => {
  it("encrypts with SSE-S3", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new ArtifactBucket(stack, "b", { bucketName: "models" });
    const json = JSON.parse(Testing.synth(stack)) as Parameters<typeof onlyResource>[0];
    expect(
      onlyResource(json, "aws_s3_bucket_server_side_encryption_configuration").attributes.rule,
    ).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
    expect(onlyResource(json, "aws_s3_bucket_lifecycle_configuration").attributes.rule).toEqual([
      expect.objectContaining({ id: "artifacts_lifecycle" }),
    ]);
  });

  it("rejects a bucket name S3 refuses and lifecycle days below 1, all at once", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new ArtifactBucket(stack, "b", {
          bucketName: "Models",
          noncurrentVersionExpirationDays: 0,
          abortIncompleteMultipartUploadDays: 0,
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/b' (3 problems):",
        `  - bucketName: got "Models"; allowed: ${S3_BUCKET_NAME_WORDS}; this one: it has characters other than a-z, 0-9, '.' and '-'`,
        "  - noncurrentVersionExpirationDays: got 0; allowed: a whole number of at least 1",
        "  - abortIncompleteMultipartUploadDays: got 0; allowed: a whole number of at least 1",
      ].join("\n"),
    );
  });
});

describe("ArtifactBucket with a prefix that expires and access logs", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  new ArtifactBucket(stack, "artifacts", {
    bucketName: "models",
    prefixExpirations: [{ id: "data_capture_expiration", prefix: "data-capture/", days: 30 }],
    accessLogging: { targetBucket: "central-access-logs" },
  });
  const json = synthStack(stack);
  const ref = `\${aws_s3_bucket.${onlyResource(json, "aws_s3_bucket").name}.id}`;

  it("expires the objects under the prefix in a rule of their own, beside the bucket-wide rule", () => {
    expect(onlyResource(json, "aws_s3_bucket_lifecycle_configuration").attributes.rule).toEqual([
      {
        id: "artifacts_lifecycle",
        status: "Enabled",
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
      {
        id: "data_capture_expiration",
        status: "Enabled",
        filter: [{ prefix: "data-capture/" }],
        expiration: [{ days: 30 }],
      },
    ]);
  });

  it("delivers access logs to the log bucket under the bucket's name, which the policy checks accept", () => {
    expect(onlyResource(json, "aws_s3_bucket_logging").attributes).toEqual({
      bucket: ref,
      target_bucket: "central-access-logs",
      target_prefix: "models/",
    });
    expect(
      evaluatePolicy(stack).filter((finding) => finding.ruleId === "s3-bucket-access-logging"),
    ).toEqual([]);
  });

  it("refuses a bad log bucket and an expiry that is not a whole number of days, all at once", () => {
    expect(
      () =>
        new ArtifactBucket(new TerraformStack(Testing.app(), "bad"), "artifacts", {
          bucketName: "models",
          prefixExpirations: [{ id: "capture", prefix: "data-capture/", days: 0.5 }],
          accessLogging: { targetBucket: "Logs_Bucket" },
        }),
    ).toThrowError(
      [
        "Invalid configuration for 'bad/artifacts' (2 problems):",
        `  - accessLogging.targetBucket: got "Logs_Bucket"; allowed: ${S3_BUCKET_NAME_WORDS}; this one: it has characters other than a-z, 0-9, '.' and '-'`,
        "  - prefixExpirations.0.days: got 0.5; allowed: a whole number of at least 1",
      ].join("\n"),
    );
  });
});
