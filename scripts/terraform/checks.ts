/**
 * The checks a synthesized stack asks Terraform to make: every variable `validation`, every `precondition` and
 * `postcondition` of a resource, data source or output. Each has an id (`var.region/validation[0]`,
 * `aws_s3_bucket.model_artifacts/precondition[0]`, `output.url/precondition[0]`) by which the Terraform cases
 * name the check they trip, and a pattern of its rendered `error_message`, by which a plan's error is traced to
 * the check it comes from.
 */
import { templateParts } from "./expressions";
import type { TerraformConfiguration } from "./stand-in";

export interface Check {
  /** e.g. `var.region/validation[0]` */
  readonly id: string;
  readonly kind: "validation" | "precondition" | "postcondition";
  /** `var.<name>`, `<type>.<name>`, `data.<type>.<name>` or `output.<name>` */
  readonly subject: string;
  readonly index: number;
  /** The `error_message` template as synthesized. */
  readonly errorMessage: string;
  /** Matches the messages the template renders to (each `${...}` as any text). */
  readonly message: RegExp;
}

type Json = Record<string, unknown>;

export function checksOf(configuration: TerraformConfiguration): Check[] {
  const checks: Check[] = [];
  const add = (subject: string, kind: Check["kind"], rules: unknown) => {
    if (!Array.isArray(rules)) return;
    rules.forEach((rule: Json, index) => {
      const errorMessage = String(rule.error_message ?? "");
      checks.push({
        id: `${subject}/${kind}[${index}]`,
        kind,
        subject,
        index,
        errorMessage,
        message: messagePattern(errorMessage),
      });
    });
  };
  for (const [name, variable] of Object.entries(configuration.variable ?? {})) {
    add(`var.${name}`, "validation", variable.validation);
  }
  const blocks = (prefix: string, byType: Record<string, Record<string, Json>> | undefined) => {
    for (const [type, byName] of Object.entries(byType ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const lifecycle = (body.lifecycle ?? {}) as Json;
        add(`${prefix}${type}.${name}`, "precondition", lifecycle.precondition);
        add(`${prefix}${type}.${name}`, "postcondition", lifecycle.postcondition);
      }
    }
  };
  blocks("", configuration.resource);
  blocks("data.", configuration.data);
  for (const [name, output] of Object.entries(configuration.output ?? {})) {
    add(`output.${name}`, "precondition", output.precondition);
  }
  return checks;
}

/** A pattern of the texts a template renders to: its literal text exactly, each interpolation as any text. */
export function messagePattern(template: string): RegExp {
  const source = templateParts(template)
    .map((part) => (part.literal ? part.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : "[\\s\\S]*?"))
    .join("");
  return new RegExp(`^${source}$`);
}

/** A condition that always holds (Terraform refuses a constant one: a condition must refer to something). */
const ALWAYS_TRUE = "${terraform.workspace == terraform.workspace}";

/**
 * The configuration with every resource, data source and output condition not in `kept` made always true (the
 * condition, not the block, is replaced: indexes stay as they were).
 */
export function withOnlyConditions(
  configuration: TerraformConfiguration,
  kept: ReadonlySet<string>,
): TerraformConfiguration {
  const neutral = (subject: string, kind: string, rules: unknown) =>
    Array.isArray(rules)
      ? rules.map((rule: Json, index) =>
          kept.has(`${subject}/${kind}[${index}]`) ? rule : { ...rule, condition: ALWAYS_TRUE },
        )
      : rules;
  const blocks = (prefix: string, byType: Record<string, Record<string, Json>> | undefined) =>
    byType &&
    Object.fromEntries(
      Object.entries(byType).map(([type, byName]) => [
        type,
        Object.fromEntries(
          Object.entries(byName).map(([name, body]) => {
            const lifecycle = body.lifecycle as Json | undefined;
            if (!lifecycle) return [name, body];
            const subject = `${prefix}${type}.${name}`;
            return [
              name,
              {
                ...body,
                lifecycle: {
                  ...lifecycle,
                  precondition: neutral(subject, "precondition", lifecycle.precondition),
                  postcondition: neutral(subject, "postcondition", lifecycle.postcondition),
                },
              },
            ];
          }),
        ),
      ]),
    );
  const output =
    configuration.output &&
    Object.fromEntries(
      Object.entries(configuration.output).map(([name, body]) => [
        name,
        { ...body, precondition: neutral(`output.${name}`, "precondition", body.precondition) },
      ]),
    );
  return {
    ...configuration,
    resource: blocks("", configuration.resource),
    data: blocks("data.", configuration.data),
    output,
  };
}
