import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { optional, STRING } from "../core/kinds";
import { IAM_POLICY_NAME } from "../core/limits/iam";
import { Problems } from "../core/validation";

export interface AttachedPolicyProps {
  /** Name of the policy, unique in the account. */
  readonly policyName: string;
  /**
   * Description of the policy (it cannot change without replacing the policy).
   *
   * @default - none
   */
  readonly description?: string;
  /** The policy document, as JSON (e.g. `DataAwsIamPolicyDocument.json`). */
  readonly policy: string;
  /** Name of the role the policy is attached to. */
  readonly roleName: string;
}

const ATTACHED_POLICY_KEYS = knownKeys<AttachedPolicyProps>({
  policyName: STRING,
  description: optional(STRING),
  policy: STRING,
  roleName: STRING,
});

/**
 * A customer managed IAM policy and its attachment to a role: what Terraform modules write as an `aws_iam_policy`
 * and an `aws_iam_role_policy_attachment`, where an inline policy (`aws_iam_role_policy`) would also do.
 */
export class AttachedPolicy extends Construct {
  /** The policy. */
  public readonly policy: IamPolicy;
  /** Its attachment to the role. */
  public readonly attachment: IamRolePolicyAttachment;

  public constructor(scope: Construct, id: string, props: AttachedPolicyProps) {
    super(scope, id);
    ATTACHED_POLICY_KEYS.refuseWrongShape(this, props);
    const problems = new Problems();
    ATTACHED_POLICY_KEYS.check(problems, "", props);
    problems.check("policyName", props.policyName, IAM_POLICY_NAME).throwIfAny(this);
    this.policy = new IamPolicy(this, "policy", {
      name: props.policyName,
      description: props.description,
      policy: props.policy,
    });
    this.attachment = new IamRolePolicyAttachment(this, "attachment", {
      role: props.roleName,
      policyArn: this.policy.arn,
    });
  }
}
