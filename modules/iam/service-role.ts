import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { knownKeys } from "../core/known-keys";
import { listOf, optional, STRING, STRINGS, TAGS } from "../core/kinds";
import { IAM_ROLE_NAME } from "../core/limits/iam";
import { checkResourceTags } from "../core/limits/tags";
import { Problems } from "../core/validation";

/** One IAM condition of a trust policy statement, e.g. `ArnLike aws:SourceArn arn:aws:sagemaker:...`. */
export interface TrustCondition {
  /** Condition operator, e.g. `StringEquals` or `ArnLike`. */
  readonly test: string;
  /** Condition key, e.g. `aws:SourceAccount`. */
  readonly variable: string;
  /** Values the key is compared with. */
  readonly values: readonly string[];
}

export interface ServiceRoleProps {
  /** Name of the role. Validated against IAM's rules (1-64 characters of `[\w+=,.@-]`). */
  readonly roleName: string;
  /** Service principal allowed to assume the role, e.g. `sagemaker.amazonaws.com`. */
  readonly servicePrincipal: string;
  /**
   * Conditions that protect the role against the cross-service confused deputy problem.
   *
   * @default - for `sagemaker.amazonaws.com`, `ArnLike aws:SourceArn arn:<partition>:sagemaker:<region>:<account>:*`
   * (the form the SageMaker guide prescribes for inference roles); for any other service
   * `StringEquals aws:SourceAccount <account>`.
   */
  readonly trustConditions?: readonly TrustCondition[];
  /**
   * AWS managed policies to attach, by name (the part after `policy/`), e.g. `AmazonSageMakerFullAccess`
   * or `service-role/AWSLambdaVPCAccessExecutionRole`. Their ARNs are built with the stack's partition.
   *
   * @default - none
   */
  readonly managedPolicies?: readonly string[];
  /**
   * Tags of the role.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export const TRUST_CONDITION_KEYS = knownKeys<TrustCondition>({
  test: STRING,
  variable: STRING,
  values: STRINGS,
});
const SERVICE_ROLE_KEYS = knownKeys<ServiceRoleProps>({
  roleName: STRING,
  servicePrincipal: STRING,
  trustConditions: optional(listOf(TRUST_CONDITION_KEYS)),
  managedPolicies: optional(STRINGS),
  tags: optional(TAGS),
});

/** The settings of a condition, in a trust policy or a key policy. */

/**
 * An IAM role that one AWS service assumes, with a confused-deputy condition in its trust policy and
 * AWS managed policies attached by partition-aware ARNs.
 */
export class ServiceRole extends Construct {
  /** The trust (assume role) policy document. */
  public readonly trustPolicy: DataAwsIamPolicyDocument;
  /** The role. */
  public readonly role: IamRole;
  /** One attachment per managed policy, keyed by the policy name given in `managedPolicies`. */
  public readonly managedPolicyAttachments: Readonly<Record<string, IamRolePolicyAttachment>>;

  public constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    SERVICE_ROLE_KEYS.refuseWrongShape(this, props);
    const problems = new Problems();
    SERVICE_ROLE_KEYS.check(problems, "", props);
    TRUST_CONDITION_KEYS.checkEach(problems, "trustConditions", props.trustConditions);
    problems.check("roleName", props.roleName, IAM_ROLE_NAME);
    checkResourceTags(problems, "tags", props.tags);
    problems.throwIfAny(this);

    const aws = AwsContext.of(this);
    this.trustPolicy = new DataAwsIamPolicyDocument(this, "trust-policy", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: [props.servicePrincipal] }],
          condition: (
            props.trustConditions ?? defaultTrustConditions(aws, props.servicePrincipal)
          ).map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })),
        },
      ],
    });

    this.role = new IamRole(this, "role", {
      name: props.roleName,
      assumeRolePolicy: this.trustPolicy.json,
      tags: props.tags ? { ...props.tags } : undefined,
    });

    const attachments: Record<string, IamRolePolicyAttachment> = {};
    for (const policyName of props.managedPolicies ?? []) {
      attachments[policyName] = new IamRolePolicyAttachment(
        this,
        managedPolicyAttachmentId(policyName),
        {
          role: this.role.name,
          policyArn: aws.managedPolicyArn(policyName),
        },
      );
    }
    this.managedPolicyAttachments = attachments;
  }

  /** The role's ARN. */
  public get roleArn(): string {
    return this.role.arn;
  }

  /** The role's name. */
  public get roleName(): string {
    return this.role.name;
  }
}

/**
 * The construct id of the attachment of a managed policy, e.g. `managed-service-role--AWSLambdaVPCAccessExecutionRole`
 * (construct ids cannot hold `/`), for `ProjectStack.keepAddresses`.
 */
export function managedPolicyAttachmentId(policyName: string): string {
  return `managed-${policyName.replace(/\//g, "--")}`;
}

/** The confused-deputy condition AWS recommends for a service principal. */
export function defaultTrustConditions(
  aws: AwsContext,
  servicePrincipal: string,
): TrustCondition[] {
  if (servicePrincipal === "sagemaker.amazonaws.com") {
    // SageMaker guide, "Cross-service confused deputy prevention": the `*` is literal in the template,
    // not a wildcard to narrow, and the account inside the ARN makes aws:SourceAccount unnecessary.
    return [
      {
        test: "ArnLike",
        variable: "aws:SourceArn",
        values: [aws.arn({ service: "sagemaker", resource: "*" })],
      },
    ];
  }
  return [{ test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] }];
}
