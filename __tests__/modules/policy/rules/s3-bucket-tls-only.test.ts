import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { Fn } from "cdktf";
import { describe, expect, it } from "vitest";
import { s3BucketTlsOnly as rule } from "../../../../modules/policy/rules/s3-bucket-tls-only";
import { findingsOf } from "../../../helpers/policy";

const DENY_PLAIN_HTTP = {
  Sid: "DenyPlainHttp",
  Effect: "Deny",
  Principal: { AWS: "*" },
  Action: "s3:*",
  Resource: ["arn:x:s3:::b", "arn:x:s3:::b/*"],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};

describe(rule.id, () => {
  it("accepts a bucket policy that denies plain HTTP, from a policy document or as JSON", () => {
    expect(
      findingsOf(rule, (scope) => {
        const fromDocument = new S3Bucket(scope, "from-document", {});
        const document = new DataAwsIamPolicyDocument(scope, "tls-only", {
          statement: [
            {
              effect: "Deny",
              principals: [{ type: "*", identifiers: ["*"] }],
              actions: ["s3:*"],
              resources: [fromDocument.arn, `${fromDocument.arn}/*`],
              condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
            },
          ],
        });
        new S3BucketPolicy(scope, "from-document-policy", {
          bucket: fromDocument.id,
          policy: document.json,
        });
        new S3Bucket(scope, "inline", {
          policy: JSON.stringify({ Statement: [DENY_PLAIN_HTTP] }),
        });
      }),
    ).toEqual([]);
  });

  it("reports a bucket without a policy, and a policy that does not deny plain HTTP", () => {
    expect(
      findingsOf(rule, (scope) => {
        new S3Bucket(scope, "no-policy", {});
        const allowing = new S3Bucket(scope, "allowing", {});
        new S3BucketPolicy(scope, "allowing-policy", {
          bucket: allowing.id,
          policy: JSON.stringify({ Statement: [{ ...DENY_PLAIN_HTTP, Effect: "Allow" }] }),
        });
      }),
    ).toEqual(
      ["aws_s3_bucket.no-policy", "aws_s3_bucket.allowing"].map((address) => ({
        address,
        severity: "error",
        message:
          'Has no bucket policy statement that denies s3:* to every principal when aws:SecureTransport is false; add one (Effect Deny, Principal "*", Action s3:*, Condition Bool aws:SecureTransport false).',
      })),
    );
  });

  it("warns that a bucket policy computed by Terraform cannot be checked", () => {
    expect(
      findingsOf(rule, (scope) => {
        const bucket = new S3Bucket(scope, "bucket", {});
        new S3BucketPolicy(scope, "policy", {
          bucket: bucket.id,
          policy: Fn.jsonencode({ Statement: [DENY_PLAIN_HTTP] }),
        });
      }),
    ).toEqual([
      {
        address: "aws_s3_bucket.bucket",
        severity: "warning",
        message:
          'Its bucket policy is computed by Terraform (${jsonencode({"Statement" = [{"Sid" = "DenyPlainHttp", "Effe...), so it cannot be checked at synth: write it as an aws_iam_policy_document data source or a JSON string.',
      },
    ]);
  });
});
