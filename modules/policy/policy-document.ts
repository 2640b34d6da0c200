import type { ConfiguredElement, StackConfiguration } from "./configuration";
import { unverifiable, type RuleFinding } from "./rule";
import { abbreviated, asList, isExpression, strings } from "./values";

/** A principal of a statement: `Service` `sagemaker.amazonaws.com`, `AWS` `*`, ... (`*` alone is type `*`). */
export interface PolicyPrincipal {
  readonly type: string;
  readonly identifiers: readonly string[];
}

/** One condition of a statement, e.g. `ArnLike` `aws:SourceArn` `[arn:...]`. */
export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** An IAM policy statement, the same whether written as JSON or as an `aws_iam_policy_document` block. */
export interface PolicyStatement {
  /** How findings name it: `"Sid"` when it has one, else `#<position>`. */
  readonly label: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly PolicyPrincipal[];
  readonly conditions: readonly PolicyCondition[];
}

/** A policy document whose statements could be read. */
export interface ReadableDocument {
  readonly statements: readonly PolicyStatement[];
  /** The `aws_iam_policy_document` data source it comes from, when it is one. */
  readonly dataSource?: ConfiguredElement;
}

/** A policy document computed by Terraform (e.g. `jsonencode(...)`), which cannot be read at synth. */
export interface UnreadableDocument {
  readonly unreadable: string;
}

/**
 * Reads the policy document an argument holds: a JSON string, or a reference to the `json` of an
 * `aws_iam_policy_document` data source of the same stack. `undefined` when the argument is not set.
 */
export function readPolicyDocument(
  value: unknown,
  configuration: StackConfiguration,
): ReadableDocument | UnreadableDocument | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const reference = configuration.referencedBy(value);
  if (
    reference?.element.addressType === "data.aws_iam_policy_document" &&
    (reference.attribute === "json" || reference.attribute === "minified_json")
  ) {
    return readPolicyDocumentDataSource(reference.element, configuration);
  }
  if (typeof value !== "string" || reference) return { unreadable: String(value) };
  try {
    return { statements: jsonStatements(JSON.parse(value)) };
  } catch {
    return { unreadable: value };
  }
}

/** Whether reading a document failed. */
export function isUnreadable(
  document: ReadableDocument | UnreadableDocument,
): document is UnreadableDocument {
  return "unreadable" in document;
}

/** The finding for a policy document that cannot be read: `subject` is e.g. "The trust policy". */
export function unreadablePolicyFinding(
  subject: string,
  document: UnreadableDocument,
): RuleFinding {
  return unverifiable(
    `${subject} is computed by Terraform (${abbreviated(document.unreadable)}), so it cannot be checked ` +
      "at synth: write it as an aws_iam_policy_document data source or a JSON string.",
  );
}

/** Reads the document an `aws_iam_policy_document` data source builds. */
export function readPolicyDocumentDataSource(
  dataSource: ConfiguredElement,
  configuration: StackConfiguration,
): ReadableDocument | UnreadableDocument {
  const statements: PolicyStatement[] = [];
  // Statements merged in from other documents count as part of this one.
  for (const merged of [
    ...asList(dataSource.attributes.source_policy_documents),
    ...asList(dataSource.attributes.override_policy_documents),
  ]) {
    const document = readPolicyDocument(merged, configuration);
    if (document && isUnreadable(document)) return document;
    statements.push(...(document?.statements ?? []));
  }
  for (const [index, block] of asList(dataSource.attributes.statement).entries()) {
    const statement = block as Record<string, unknown>;
    statements.push({
      label: labelOf(statement.sid, index),
      effect: typeof statement.effect === "string" ? statement.effect : "Allow",
      actions: strings(statement.actions),
      notActions: strings(statement.not_actions),
      resources: strings(statement.resources),
      notResources: strings(statement.not_resources),
      principals: asList(statement.principals).map((principal) => {
        const { type, identifiers } = principal as Record<string, unknown>;
        return { type: String(type), identifiers: strings(identifiers) };
      }),
      conditions: asList(statement.condition).map((condition) => {
        const { test, variable, values } = condition as Record<string, unknown>;
        return { test: String(test), variable: String(variable), values: strings(values) };
      }),
    });
  }
  return { statements, dataSource };
}

function jsonStatements(document: unknown): PolicyStatement[] {
  const body = (document ?? {}) as Record<string, unknown>;
  return asList(body.Statement).map((item, index) => {
    const statement = item as Record<string, unknown>;
    return {
      label: labelOf(statement.Sid, index),
      effect: typeof statement.Effect === "string" ? statement.Effect : "Allow",
      actions: strings(statement.Action),
      notActions: strings(statement.NotAction),
      resources: strings(statement.Resource),
      notResources: strings(statement.NotResource),
      principals: jsonPrincipals(statement.Principal),
      conditions: Object.entries((statement.Condition ?? {}) as Record<string, unknown>).flatMap(
        ([test, byKey]) =>
          Object.entries((byKey ?? {}) as Record<string, unknown>).map(([variable, values]) => ({
            test,
            variable,
            values: asList(values).map(String),
          })),
      ),
    };
  });
}

function jsonPrincipals(principal: unknown): PolicyPrincipal[] {
  if (principal === undefined) return [];
  if (typeof principal === "string") return [{ type: "*", identifiers: [principal] }];
  return Object.entries(principal as Record<string, unknown>).map(([type, identifiers]) => ({
    type,
    identifiers: strings(identifiers),
  }));
}

function labelOf(sid: unknown, index: number): string {
  return typeof sid === "string" && sid !== "" && !isExpression(sid)
    ? JSON.stringify(sid)
    : `#${index + 1}`;
}
