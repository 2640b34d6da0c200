import {
  isUnreadable,
  readPolicyDocument,
  unreadablePolicyFinding,
  type PolicyStatement,
} from "../policy-document";
import type { PolicyRule } from "../rule";

/** `Deny` of every S3 action to everyone when `aws:SecureTransport` is false. */
function deniesPlainHttp(statement: PolicyStatement): boolean {
  return (
    statement.effect === "Deny" &&
    statement.principals.some((principal) => principal.identifiers.includes("*")) &&
    statement.actions.some((action) => action === "*" || action.toLowerCase() === "s3:*") &&
    statement.conditions.some(
      (condition) =>
        /^Bool(IfExists)?$/.test(condition.test) &&
        condition.variable.toLowerCase() === "aws:securetransport" &&
        condition.values.includes("false"),
    )
  );
}

export const s3BucketTlsOnly: PolicyRule = {
  id: "s3-bucket-tls-only",
  severity: "error",
  what: "Every S3 bucket has a bucket policy that denies all S3 actions when `aws:SecureTransport` is false",
  why: "Without it, clients may read and write the bucket over plain HTTP, open to eavesdropping and tampering",
  checkov: [],
  reference:
    "cdk-nag AwsSolutions-S10 (S3BucketSSLRequestsOnly); AWS Config s3-bucket-ssl-requests-only",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, configuration) {
    const policies = [
      bucket.attributes.policy,
      ...configuration
        .companionsOf(bucket, "bucket", "aws_s3_bucket_policy", "bucket")
        .map((policy) => policy.attributes.policy),
    ]
      .map((policy) => readPolicyDocument(policy, configuration))
      .filter((document) => document !== undefined);
    const statements = policies.flatMap((document) =>
      isUnreadable(document) ? [] : document.statements,
    );
    if (statements.some(deniesPlainHttp)) return [];
    const unreadable = policies.find(isUnreadable);
    if (unreadable) return [unreadablePolicyFinding("Its bucket policy", unreadable)];
    return [
      "Has no bucket policy statement that denies s3:* to every principal when aws:SecureTransport is " +
        'false; add one (Effect Deny, Principal "*", Action s3:*, Condition Bool aws:SecureTransport false).',
    ];
  },
};
