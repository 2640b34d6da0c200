import type { ConfiguredElement } from "../configuration";
import {
  isUnreadable,
  readPolicyDocument,
  readPolicyDocumentDataSource,
  unreadablePolicyFinding,
  type PolicyStatement,
  type ReadableDocument,
  type UnreadableDocument,
} from "../policy-document";
import type { PolicyRule, RuleFinding } from "../rule";
import { asList } from "../values";

/**
 * Actions that have no resource-level permissions (the Service Authorization Reference lists no resource type
 * for them), so `*` is the only resource they can be granted on. Compared case-insensitively, like IAM does.
 */
export const UNSCOPABLE_ACTIONS: readonly string[] = [
  "cloudwatch:GetMetricData",
  "cloudwatch:GetMetricStatistics",
  "cloudwatch:ListMetrics",
  "cloudwatch:PutMetricData",
  "ec2:DescribeDhcpOptions",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeSubnets",
  "ec2:DescribeVpcs",
  "ecr:GetAuthorizationToken",
  "sts:GetCallerIdentity",
  "xray:PutTelemetryRecords",
  "xray:PutTraceSegments",
];
const UNSCOPABLE = new Set(UNSCOPABLE_ACTIONS.map((action) => action.toLowerCase()));

/** What is too broad in one statement, or `undefined` when it only uses `*` where `*` is unavoidable. */
function wildcardProblem(statement: PolicyStatement): string | undefined {
  if (statement.effect !== "Allow") return undefined;
  if (statement.notResources.length > 0) {
    return `statement ${statement.label} allows actions on every resource except ${statement.notResources.join(", ")} (NotResource)`;
  }
  if (!statement.resources.includes("*")) return undefined;
  if (statement.notActions.length > 0) {
    return `statement ${statement.label} allows every action except ${statement.notActions.join(", ")} on resource "*"`;
  }
  const scopable = statement.actions.filter((action) => !UNSCOPABLE.has(action.toLowerCase()));
  return scopable.length > 0
    ? `statement ${statement.label} allows ${scopable.join(", ")} on resource "*"`
    : undefined;
}

function findingsIn(
  subject: string,
  document: ReadableDocument | UnreadableDocument | undefined,
): RuleFinding[] {
  if (!document) return [];
  if (isUnreadable(document)) return [unreadablePolicyFinding(subject, document)];
  return document.statements
    .map(wildcardProblem)
    .filter((problem) => problem !== undefined)
    .map(
      (problem) =>
        `${subject}: ${problem}; scope the actions to the resources they need (only actions without ` +
        'resource-level permissions, such as ecr:GetAuthorizationToken, may use "*").',
    );
}

/** The policies an IAM resource carries: its `policy`, or the inline policies of a role. */
function policiesOf(element: ConfiguredElement): { subject: string; policy: unknown }[] {
  if (element.addressType === "aws_iam_role") {
    return asList(element.attributes.inline_policy).map((inline) => {
      const { name, policy } = inline as Record<string, unknown>;
      return { subject: `The inline policy ${JSON.stringify(name)}`, policy };
    });
  }
  return [{ subject: "The policy", policy: element.attributes.policy }];
}

export const iamWildcardResource: PolicyRule = {
  id: "iam-wildcard-resource",
  severity: "error",
  what: 'IAM policy statements allow actions on resource `"*"` only for actions that cannot be scoped to a resource',
  why: '`"*"` grants the actions on every resource of the account; scoped to the workload\'s resources, a leaked credential reaches only those',
  checkov: ["CKV_AWS_355", "CKV_AWS_356", "CKV_AWS_109", "CKV_AWS_111"],
  reference: "cdk-nag AwsSolutions-IAM5",
  appliesTo: [
    "data.aws_iam_policy_document",
    "aws_iam_policy",
    "aws_iam_role_policy",
    "aws_iam_user_policy",
    "aws_iam_group_policy",
    "aws_iam_role",
  ],
  check(element, configuration) {
    if (element.addressType === "data.aws_iam_policy_document") {
      return findingsIn(
        "The policy document",
        readPolicyDocumentDataSource(element, configuration),
      );
    }
    return policiesOf(element).flatMap(({ subject, policy }) => {
      const document = readPolicyDocument(policy, configuration);
      // A data source's statements are checked on the data source, where they are written.
      if (document && !isUnreadable(document) && document.dataSource) return [];
      return findingsIn(subject, document);
    });
  },
};
