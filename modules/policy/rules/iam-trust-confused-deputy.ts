import {
  isUnreadable,
  readPolicyDocument,
  unreadablePolicyFinding,
  type PolicyStatement,
} from "../policy-document";
import type { PolicyRule } from "../rule";

const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn"];

function services(statement: PolicyStatement): string[] {
  return statement.principals
    .filter((principal) => principal.type === "Service")
    .flatMap((principal) => principal.identifiers);
}

/** A condition on the caller's account or resource that does not match everything. */
function hasSourceCondition(statement: PolicyStatement): boolean {
  return statement.conditions.some(
    (condition) =>
      SOURCE_KEYS.includes(condition.variable.toLowerCase()) &&
      condition.values.some((value) => value !== "*" && value !== ""),
  );
}

export const iamTrustConfusedDeputy: PolicyRule = {
  id: "iam-trust-confused-deputy",
  severity: "error",
  what: "Trust policies that let an AWS service assume a role have an `aws:SourceAccount` or `aws:SourceArn` condition",
  why: "Without one, anyone can have the service use the role on their behalf (the cross-service confused deputy)",
  checkov: [],
  reference:
    "AWS IAM User Guide, The confused deputy problem; SageMaker Developer Guide, Cross-service confused deputy prevention; Prowler `iam_role_cross_service_confused_deputy_prevention`",
  appliesTo: ["aws_iam_role"],
  check(role, configuration) {
    const document = readPolicyDocument(role.attributes.assume_role_policy, configuration);
    if (!document) return [];
    if (isUnreadable(document)) return [unreadablePolicyFinding("The trust policy", document)];
    const where = document.dataSource ? ` (${document.dataSource.address})` : "";
    return document.statements
      .filter(
        (statement) =>
          statement.effect === "Allow" &&
          services(statement).length > 0 &&
          !hasSourceCondition(statement),
      )
      .map(
        (statement) =>
          `The trust policy${where} lets ${services(statement).join(", ")} assume the role without an ` +
          `aws:SourceAccount or aws:SourceArn condition (statement ${statement.label}).`,
      );
  },
};
