import type { PolicyRule, RuleFinding } from "../rule";
import { strings } from "../values";
import { WILDCARD_MANAGED_POLICIES } from "../wildcard-managed-policies";

/**
 * An AWS managed policy (account `aws`, any partition, literal or from `data.aws_partition`), its name with its path
 * in group 1: `arn:aws:iam::aws:policy/service-role/AWSLambdaRole` gives `service-role/AWSLambdaRole`.
 */
const MANAGED_POLICY = /^arn:[^:]+:iam::aws:policy\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]+)$/;
/** A managed policy that grants a whole service or everything: AdministratorAccess, PowerUserAccess, `...FullAccess`. */
const WHOLE_SERVICES = /(?:^|\/)(AdministratorAccess|PowerUserAccess|[\w+=,.@-]*FullAccess)$/;
const WILDCARD_BY_NAME = new Map(WILDCARD_MANAGED_POLICIES.map((policy) => [policy.name, policy]));

/** Where each IAM type names the managed policies it attaches. */
const POLICY_ARN_ARGUMENTS: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: "policy_arn",
  aws_iam_user_policy_attachment: "policy_arn",
  aws_iam_group_policy_attachment: "policy_arn",
  aws_iam_policy_attachment: "policy_arn",
  aws_iam_role: "managed_policy_arns",
  aws_iam_role_policy_attachments_exclusive: "policy_arns",
};

function findingFor(arn: string): RuleFinding[] {
  const name = MANAGED_POLICY.exec(arn)?.[1];
  if (name === undefined) return [];
  const whole = WHOLE_SERVICES.exec(name)?.[1];
  if (whole) {
    return [
      `Attaches the AWS managed policy ${whole}, which grants far more than one workload needs; ` +
        "attach a policy scoped to the workload's resources instead.",
    ];
  }
  const wildcard = WILDCARD_BY_NAME.get(name);
  if (!wildcard) return [];
  return [
    {
      severity: "warning",
      message:
        `Attaches the AWS managed policy ${name.slice(name.lastIndexOf("/") + 1)}, which allows ` +
        `${wildcard.grants} of the account; grant the workload's own resources in a policy of its own.`,
    },
  ];
}

export const iamBroadManagedPolicy: PolicyRule = {
  id: "iam-broad-managed-policy",
  severity: "error",
  what: "No role, user or group gets an AWS managed policy as broad as `AdministratorAccess`, `PowerUserAccess` or `...FullAccess` (e.g. `AmazonSageMakerFullAccess`); those that grant actions on every resource (e.g. `AWSLambdaVPCAccessExecutionRole`, list in `modules/policy/wildcard-managed-policies.ts`) are warnings",
  why: "They grant whole services, or everything, on every resource, or a workload's actions on every resource of the account: far more than one workload needs",
  checkov: ["CKV_AWS_274", "CKV2_AWS_56"],
  reference: "cdk-nag AwsSolutions-IAM4; AWS Managed Policy Reference (the policy documents)",
  appliesTo: Object.keys(POLICY_ARN_ARGUMENTS),
  check(element) {
    const argument = POLICY_ARN_ARGUMENTS[element.addressType]!;
    return strings(element.attributes[argument]).flatMap(findingFor);
  },
};
