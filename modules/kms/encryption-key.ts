import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Fn, ref, TerraformStack, Token, type IResolvable, type TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { knownKeys } from "../core/known-keys";
import { EXPRESSION, listOf, NUMBER, optional, STRING, STRINGS, TAGS } from "../core/kinds";
import { KMS_ALIAS_NAME } from "../core/limits/kms";
import { checkResourceTags } from "../core/limits/tags";
import { integerBetween } from "../core/rules";
import { Problems } from "../core/validation";
import { TRUST_CONDITION_KEYS, type TrustCondition } from "../iam/service-role";
import { acknowledge } from "../policy/acknowledgements";

/** Why a key policy's `Resource "*"` is acknowledged (shown in the synth output). */
export const KEY_POLICY_RESOURCE_REASON =
  'In a key policy, Resource "*" is the key the policy is attached to, no other resource (AWS KMS Developer Guide, Key policies).';

/** A statement of the key policy that lets an AWS service use the key. */
export interface KeyServiceAccess {
  /** The statement's id, e.g. `Allow SageMaker Service`. */
  readonly sid: string;
  /** The service principal, e.g. `sagemaker.amazonaws.com` or `logs.<region>.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** The KMS actions, e.g. `kms:Decrypt`, `kms:GenerateDataKey*`. */
  readonly actions: readonly string[];
  /**
   * Conditions of the statement, e.g. `StringEquals aws:SourceAccount <account>`.
   *
   * @default - none
   */
  readonly conditions?: readonly TrustCondition[];
}

export interface EncryptionKeyProps {
  /** What the key is for. */
  readonly description: string;
  /** The alias, `alias/<name>`. */
  readonly aliasName: string;
  /**
   * Days AWS waits before deleting the key once it is scheduled for deletion (7-30).
   *
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  /**
   * Services allowed to use the key, besides the account's IAM principals (whose IAM policies decide).
   *
   * @default - none
   */
  readonly serviceAccess?: readonly KeyServiceAccess[];
  /**
   * Tags of the key.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * A Terraform condition, known when planning, under which the key and its alias exist (`count = condition ? 1 :
   * 0`), e.g. "no key ARN was given". The accessors then read instance 0.
   *
   * @default - the key always exists
   */
  readonly createIf?: IResolvable;
}

const SERVICE_ACCESS_KEYS = knownKeys<KeyServiceAccess>({
  sid: STRING,
  servicePrincipal: STRING,
  actions: STRINGS,
  conditions: optional(listOf(TRUST_CONDITION_KEYS)),
});
const ENCRYPTION_KEY_KEYS = knownKeys<EncryptionKeyProps>({
  description: STRING,
  aliasName: STRING,
  deletionWindowInDays: optional(NUMBER),
  serviceAccess: optional(listOf(SERVICE_ACCESS_KEYS)),
  tags: optional(TAGS),
  createIf: optional(EXPRESSION),
});

/**
 * A symmetric KMS key with automatic rotation, its alias, and a key policy that delegates to the account's IAM
 * policies and lets the given services use the key.
 */
export class EncryptionKey extends Construct {
  /** The key policy. */
  public readonly policy: DataAwsIamPolicyDocument;
  /** The key. */
  public readonly key: KmsKey;
  /** The alias. */
  public readonly alias: KmsAlias;

  public constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    ENCRYPTION_KEY_KEYS.refuseWrongShape(this, props);
    const deletionWindowInDays = props.deletionWindowInDays ?? 30;
    const problems = new Problems();
    ENCRYPTION_KEY_KEYS.check(problems, "", props);
    SERVICE_ACCESS_KEYS.checkEach(problems, "serviceAccess", props.serviceAccess);
    if (Array.isArray(props.serviceAccess)) {
      props.serviceAccess.forEach((access: KeyServiceAccess | undefined, index) =>
        TRUST_CONDITION_KEYS.checkEach(
          problems,
          `serviceAccess.${index}.conditions`,
          access?.conditions,
        ),
      );
    }
    problems
      .check("aliasName", props.aliasName, KMS_ALIAS_NAME)
      .check("deletionWindowInDays", deletionWindowInDays, integerBetween(7, 30, " (days)"));
    checkResourceTags(problems, "tags", props.tags);
    problems.throwIfAny(this);

    const aws = AwsContext.of(this);
    const statements: DataAwsIamPolicyDocumentStatement[] = [
      {
        sid: "Enable IAM User Permissions",
        principals: [
          {
            type: "AWS",
            identifiers: [aws.arn({ service: "iam", region: "", resource: "root" })],
          },
        ],
        actions: ["kms:*"],
        resources: ["*"],
      },
      ...(props.serviceAccess ?? []).map((access) => ({
        sid: access.sid,
        principals: [{ type: "Service", identifiers: [access.servicePrincipal] }],
        actions: [...access.actions],
        resources: ["*"],
        condition: access.conditions?.map((c) => ({
          test: c.test,
          variable: c.variable,
          values: [...c.values],
        })),
      })),
    ];
    this.policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: statements.map((statement) => ({ effect: "Allow", ...statement })),
    });
    acknowledge(this.policy, "iam-wildcard-resource", KEY_POLICY_RESOURCE_REASON);

    const count = props.createIf ? Token.asNumber(Fn.conditional(props.createIf, 1, 0)) : undefined;
    this.key = new KmsKey(this, "key", {
      count,
      description: props.description,
      deletionWindowInDays,
      enableKeyRotation: true,
      policy: this.policy.json,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.alias = new KmsAlias(this, "alias", {
      count,
      name: props.aliasName,
      targetKeyId: this.attribute(this.key, "key_id", this.key.keyId),
    });
  }

  /** The key's ARN. */
  public get keyArn(): string {
    return this.attribute(this.key, "arn", this.key.arn);
  }

  /** The key's id. */
  public get keyId(): string {
    return this.attribute(this.key, "key_id", this.key.keyId);
  }

  /** The alias's name. */
  public get aliasName(): string {
    return this.attribute(this.alias, "name", this.alias.name);
  }

  /** `resource.<name>`, or instance 0's when the resource has a count (cdktf has no reference for that). */
  private attribute(resource: TerraformResource, name: string, direct: string): string {
    if (resource.count === undefined) return direct;
    return Token.asString(
      ref(
        `${resource.terraformResourceType}.${resource.friendlyUniqueId}[0].${name}`,
        TerraformStack.of(this),
      ),
    );
  }
}
