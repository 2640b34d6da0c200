import type { PolicyRule } from "../rule";
import { strings } from "../values";

/**
 * An AWS managed policy (account `aws`, any partition, literal or from `data.aws_partition`) that grants a whole
 * service or everything: AdministratorAccess, PowerUserAccess, or any `...FullAccess`.
 */
const BROAD_MANAGED_POLICY =
  /^arn:[^:]+:iam::aws:policy\/(?:[\w+=,.@-]+\/)*(AdministratorAccess|PowerUserAccess|[\w+=,.@-]*FullAccess)$/;

/** Where each IAM type names the managed policies it attaches. */
const POLICY_ARN_ARGUMENTS: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: "policy_arn",
  aws_iam_user_policy_attachment: "policy_arn",
  aws_iam_group_policy_attachment: "policy_arn",
  aws_iam_policy_attachment: "policy_arn",
  aws_iam_role: "managed_policy_arns",
  aws_iam_role_policy_attachments_exclusive: "policy_arns",
};

export const iamBroadManagedPolicy: PolicyRule = {
  id: "iam-broad-managed-policy",
  severity: "error",
  what: "No role, user or group gets an AWS managed policy as broad as `AdministratorAccess`, `PowerUserAccess` or `...FullAccess` (e.g. `AmazonSageMakerFullAccess`)",
  why: "They grant whole services, or everything, on every resource: far more than one workload needs",
  reference: "cdk-nag AwsSolutions-IAM4; checkov CKV_AWS_274 (AdministratorAccess)",
  appliesTo: Object.keys(POLICY_ARN_ARGUMENTS),
  check(element) {
    const argument = POLICY_ARN_ARGUMENTS[element.addressType]!;
    return strings(element.attributes[argument]).flatMap((arn) => {
      const name = BROAD_MANAGED_POLICY.exec(arn)?.[1];
      return name
        ? [
            `Attaches the AWS managed policy ${name}, which grants far more than one workload needs; ` +
              "attach a policy scoped to the workload's resources instead.",
          ]
        : [];
    });
  },
};
