/**
 * Encryption: the KMS key that encrypts the bucket, the repository, the log group, the topic, the endpoint's storage
 * and the captured data (created unless kms_key_id names one), the execution role's use of it, and with encryption
 * off, the acknowledged AWS managed encryption.
 */
import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import type { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Fn, TerraformLocal, type TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import type { AwsContext } from "../../modules/core/aws-context";
import { KMS_KEY_ARN } from "../../modules/core/limits/kms";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import { AttachedPolicy } from "../../modules/iam/attached-policy";
import { EncryptionKey } from "../../modules/kms/encryption-key";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { stringVariable } from "../validated-variables";
import { keyServiceAccess } from "./key-access";
import type { RecipeNames } from "./naming";
import type { Switches } from "./props";

const KEY = "encryption-key";
const KEY_ARN = "kms_key_arn";
const KEY_USE_DOCUMENT = "kms-policy-document";
const KEY_USE = "kms-policy";

/** The recipe's addresses of the key, its alias and the role's KMS policy, their policy documents and `local.kms_key_arn`, with encryption on. */
export function encryptionAddresses(switches: Switches): Record<string, string> {
  if (!switches.enableEncryption) return {};
  return {
    [KEY_ARN]: KEY_ARN,
    [`${KEY}/key`]: "sagemaker_key",
    [`${KEY}/alias`]: "sagemaker_key_alias",
    [`${KEY}/policy`]: "sagemaker_key_policy",
    [KEY_USE_DOCUMENT]: "sagemaker_kms_policy",
    [`${KEY_USE}/policy`]: "sagemaker_kms_policy",
    [`${KEY_USE}/attachment`]: "sagemaker_kms_policy_attachment",
  };
}

/** kms_key_id: the ARN of a key to use instead of creating one. */
export function kmsKeyIdVariable(scope: Construct): TerraformVariable {
  return stringVariable(scope, "kms_key_id", {
    default: "",
    description: "ARN of an existing KMS key (with encryption on); empty: the stack creates one",
    limit: KMS_KEY_ARN,
    orEmpty: true,
  });
}

/** The key, with encryption on: created unless kms_key_id names one (the recipe's count). */
export interface RecipeKey {
  readonly key: EncryptionKey;
  /** `local.kms_key_arn`: the created key's ARN, or kms_key_id. */
  readonly keyArn: string;
}

/** The key and `local.kms_key_arn`, with encryption on. */
export function recipeKey(
  scope: Construct,
  config: {
    readonly switches: Switches;
    readonly kmsKeyId: TerraformVariable;
    readonly names: RecipeNames;
    readonly aws: AwsContext;
  },
): RecipeKey | undefined {
  const { switches, names } = config;
  if (!switches.enableEncryption) return undefined;
  const noKeyGiven = isEmptyString(config.kmsKeyId.stringValue);
  const key = new EncryptionKey(scope, KEY, {
    description: "KMS key for SageMaker endpoint encryption",
    aliasName: `alias/${names.prefix}-sagemaker-key`,
    deletionWindowInDays: 7,
    serviceAccess: keyServiceAccess(config.aws, names.endpoint, switches),
    tags: names.tagged(`${names.prefix}-sagemaker-key`),
    createIf: noKeyGiven,
  });
  const keyArn = new TerraformLocal(
    scope,
    KEY_ARN,
    Fn.conditional(noKeyGiven, key.keyArn, config.kmsKeyId.stringValue),
  ).asString;
  return { key, keyArn };
}

/** The execution role's permission to use the key (`aws_iam_policy.sagemaker_kms_policy`). */
export function keyUsePolicy(
  scope: Construct,
  config: { readonly keyArn: string; readonly roleName: string; readonly names: RecipeNames },
): AttachedPolicy {
  const document = new DataAwsIamPolicyDocument(scope, KEY_USE_DOCUMENT, {
    statement: [
      {
        effect: "Allow",
        actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
        resources: [config.keyArn],
      },
    ],
  });
  return new AttachedPolicy(scope, KEY_USE, {
    policyName: `${config.names.prefix}-sagemaker-kms-policy`,
    description: "KMS permissions for SageMaker execution role",
    policy: document.json,
    roleName: config.roleName,
  });
}

/** Why the stack keeps AWS managed encryption with encryption off (printed with each finding on every synth). */
const NO_ENCRYPTION_REASON =
  "Encryption is off in this stack's configuration (enableEncryption: false, the recipe's enable_encryption): AWS managed encryption only, chosen on purpose.";

/** With encryption off: each resource's weaker encryption, acknowledged as the configuration's explicit choice. */
export function acknowledgeAwsManagedEncryption(resources: {
  readonly bucket: S3Bucket;
  readonly repository: EcrRepository;
  readonly endpointConfiguration: SagemakerEndpointConfiguration;
  readonly logGroup?: CloudwatchLogGroup;
  readonly topic?: SnsTopic;
}): void {
  const { bucket, repository, endpointConfiguration, logGroup, topic } = resources;
  acknowledge(bucket, "s3-bucket-kms-encryption", NO_ENCRYPTION_REASON);
  acknowledge(repository, "ecr-kms-encryption", NO_ENCRYPTION_REASON);
  acknowledge(endpointConfiguration, "sagemaker-endpoint-kms", NO_ENCRYPTION_REASON);
  acknowledge(endpointConfiguration, "sagemaker-data-capture-kms", NO_ENCRYPTION_REASON);
  if (logGroup) acknowledge(logGroup, "cloudwatch-log-group-kms", NO_ENCRYPTION_REASON);
  if (topic) acknowledge(topic, "sns-topic-kms-encryption", NO_ENCRYPTION_REASON);
}
