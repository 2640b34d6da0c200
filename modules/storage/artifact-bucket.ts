import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import {
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
} from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { IResolvable } from "cdktf";
import { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN_OR_EXPRESSION, listOf, NUMBER, optional, STRING, TAGS } from "../core/kinds";
import { S3_BUCKET_NAME } from "../core/limits/s3";
import { checkResourceTags } from "../core/limits/tags";
import { integerAtLeast, maxLength } from "../core/rules";
import { Problems } from "../core/validation";

export interface ArtifactBucketProps {
  /** Name of the bucket. */
  readonly bucketName: string;
  /**
   * Whether `terraform destroy` deletes the bucket with its objects; may be a Terraform expression.
   *
   * @default false
   */
  readonly forceDestroy?: boolean | IResolvable;
  /**
   * ARN of the KMS key that encrypts new objects by default (SSE-KMS).
   *
   * @default - SSE-S3 (AES256)
   */
  readonly kmsKeyArn?: string;
  /**
   * Days after which noncurrent object versions expire.
   *
   * @default 30
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Days after which incomplete multipart uploads are aborted.
   *
   * @default 7
   */
  readonly abortIncompleteMultipartUploadDays?: number;
  /**
   * Id of the lifecycle rule.
   *
   * @default "artifacts_lifecycle"
   */
  readonly lifecycleRuleId?: string;
  /**
   * Objects under a key prefix that expire, each a lifecycle rule of its own beside the bucket-wide one, e.g. the
   * data an endpoint captures: `{ id: "data_capture_expiration", prefix: "data-capture/", days: 30 }`. In this
   * versioned bucket an expired object becomes a noncurrent version, deleted after
   * `noncurrentVersionExpirationDays`.
   *
   * @default - none
   */
  readonly prefixExpirations?: readonly PrefixExpiration[];
  /**
   * Server access logging: S3 delivers a record of every request to `targetBucket` (a log bucket of the account,
   * whose policy lets `logging.s3.amazonaws.com` write), under `targetPrefix`.
   *
   * @default - no access logs (the policy checks report it: `s3-bucket-access-logging`)
   */
  readonly accessLogging?: AccessLogging;
  /**
   * Tags of the bucket.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Objects under `prefix` expire `days` days after they were written. */
export interface PrefixExpiration {
  /** Id of the lifecycle rule. */
  readonly id: string;
  /** The key prefix, e.g. `data-capture/`. */
  readonly prefix: string;
  /** Days after which the objects expire; may be a Terraform expression (a variable). */
  readonly days: number;
}

/** Where a bucket's server access logs go. */
export interface AccessLogging {
  /** Name of the bucket that receives the logs. */
  readonly targetBucket: string;
  /**
   * Prefix of the log objects in that bucket.
   *
   * @default "<bucket name>/"
   */
  readonly targetPrefix?: string;
}

const PREFIX_EXPIRATION_KEYS = knownKeys<PrefixExpiration>({
  id: STRING,
  prefix: STRING,
  days: NUMBER,
});
export const ACCESS_LOGGING_KEYS = knownKeys<AccessLogging>({
  targetBucket: STRING,
  targetPrefix: optional(STRING),
});
const BUCKET_KEYS = knownKeys<ArtifactBucketProps>({
  bucketName: STRING,
  forceDestroy: optional(BOOLEAN_OR_EXPRESSION),
  kmsKeyArn: optional(STRING),
  noncurrentVersionExpirationDays: optional(NUMBER),
  abortIncompleteMultipartUploadDays: optional(NUMBER),
  lifecycleRuleId: optional(STRING),
  prefixExpirations: optional(listOf(PREFIX_EXPIRATION_KEYS)),
  accessLogging: optional(ACCESS_LOGGING_KEYS),
  tags: optional(TAGS),
});

/**
 * An S3 bucket for model artifacts and captured data: versioned, encrypted by default, closed to the public,
 * reachable over TLS only, with a lifecycle rule that expires noncurrent versions and aborts stale uploads.
 */
export class ArtifactBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly versioning: S3BucketVersioningA;
  public readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  public readonly lifecycle: S3BucketLifecycleConfiguration;
  /** The server access logging, when `accessLogging` is given. */
  public readonly logging?: S3BucketLoggingA;
  /** The TLS-only bucket policy's document. */
  public readonly policyDocument: DataAwsIamPolicyDocument;
  /** The TLS-only bucket policy. */
  public readonly policy: S3BucketPolicy;

  public constructor(scope: Construct, id: string, props: ArtifactBucketProps) {
    super(scope, id);
    BUCKET_KEYS.refuseWrongShape(this, props);
    const noncurrentDays = props.noncurrentVersionExpirationDays ?? 30;
    const abortDays = props.abortIncompleteMultipartUploadDays ?? 7;
    const problems = new Problems();
    BUCKET_KEYS.check(problems, "", props);
    PREFIX_EXPIRATION_KEYS.checkEach(problems, "prefixExpirations", props.prefixExpirations);
    ACCESS_LOGGING_KEYS.check(problems, "accessLogging", props.accessLogging);
    problems
      .check("bucketName", props.bucketName, S3_BUCKET_NAME)
      .check("noncurrentVersionExpirationDays", noncurrentDays, integerAtLeast(1))
      .check("abortIncompleteMultipartUploadDays", abortDays, integerAtLeast(1))
      .check("accessLogging.targetBucket", props.accessLogging?.targetBucket, S3_BUCKET_NAME)
      .check("accessLogging.targetPrefix", props.accessLogging?.targetPrefix, maxLength(1024));
    for (const [index, expiration] of (props.prefixExpirations ?? []).entries()) {
      problems.check(`prefixExpirations.${index}.days`, expiration.days, integerAtLeast(1));
    }
    checkResourceTags(problems, "tags", props.tags);
    problems.throwIfAny(this);

    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    const bucket = this.bucket.id;
    this.versioning = new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
    this.encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault:
            props.kmsKeyArn === undefined
              ? { sseAlgorithm: "AES256" }
              : { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
        },
      ],
    });
    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const prefixRules: S3BucketLifecycleConfigurationRule[] = (props.prefixExpirations ?? []).map(
      (expiration) => ({
        id: expiration.id,
        status: "Enabled",
        filter: [{ prefix: expiration.prefix }],
        expiration: [{ days: expiration.days }],
      }),
    );
    this.lifecycle = new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: props.lifecycleRuleId ?? "artifacts_lifecycle",
          status: "Enabled",
          noncurrentVersionExpiration: [{ noncurrentDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: abortDays }],
        },
        ...prefixRules,
      ],
    });
    if (props.accessLogging) {
      this.logging = new S3BucketLoggingA(this, "logging", {
        bucket,
        targetBucket: props.accessLogging.targetBucket,
        targetPrefix: props.accessLogging.targetPrefix ?? `${props.bucketName}/`,
      });
    }

    this.policyDocument = new DataAwsIamPolicyDocument(this, "policy-document", {
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket,
      policy: this.policyDocument.json,
    });
  }

  /** The bucket's name. */
  public get bucketName(): string {
    return this.bucket.bucket;
  }

  /** The bucket's ARN. */
  public get bucketArn(): string {
    return this.bucket.arn;
  }

  /** The ARN of the objects under `keyPattern`, e.g. `model.tar.gz` or `data-capture/*`. */
  public objectArn(keyPattern: string): string {
    return `${this.bucketArn}/${keyPattern}`;
  }
}
