import {
  AnnotationMetadataEntryType,
  Annotations,
  Aspects,
  TerraformStack,
  type IAspect,
} from "cdktf";
import type { IConstruct } from "constructs";
import { acknowledgementFor, acknowledgementsIn, type Acknowledgement } from "./acknowledgements";
import { StackConfiguration } from "./configuration";
import { POLICY_PACK } from "./pack";
import { takePreparedElements, type ResolvedElements } from "./prepared-configuration";
import type { PolicyRule, Severity } from "./rule";

/** One rule's finding on one resource or data source. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Terraform address of the element, e.g. `aws_iam_role.sagemaker_role`. */
  readonly address: string;
  /** The construct that synthesizes the element; the finding is reported on it. */
  readonly construct: IConstruct;
  readonly message: string;
  /** The acknowledgement that accepts it, if any. */
  readonly acknowledgement?: Acknowledgement;
}

/**
 * Runs `rules` over every resource and data source of `stack` and returns what they find. `resolved`: elements
 * resolved already in this synth (see `StackConfiguration.read`).
 */
export function evaluatePolicy(
  stack: TerraformStack,
  rules: readonly PolicyRule[] = POLICY_PACK,
  resolved?: ResolvedElements,
): Finding[] {
  const configuration = StackConfiguration.read(stack, resolved);
  const findings: Finding[] = [];
  for (const element of configuration.elements) {
    for (const rule of rules) {
      if (rule.appliesTo !== "all" && !rule.appliesTo.includes(element.addressType)) continue;
      for (const found of rule.check(element, configuration)) {
        const { message, severity } =
          typeof found === "string" ? { message: found, severity: rule.severity } : found;
        findings.push({
          ruleId: rule.id,
          severity,
          address: element.address,
          construct: element.construct,
          message,
          acknowledgement: acknowledgementFor(element.construct, rule.id),
        });
      }
    }
  }
  return findings;
}

/** The text a finding is reported with. */
export function findingText(finding: Finding): string {
  const text = `[${finding.ruleId}] ${finding.address}: ${finding.message}`;
  const acknowledgement = finding.acknowledgement;
  return acknowledgement
    ? `${text} Acknowledged on ${acknowledgement.scope.node.path}: ${acknowledgement.reason}`
    : text;
}

/**
 * The policy checks as a cdktf Aspect: on synth it runs a pack of rules over every resource and data source of
 * the stack it is applied to and reports each finding on the construct through `Annotations`: an error fails
 * synth (`app.synth()`, `cdktf synth`), a warning is printed, an acknowledged finding is printed as info with
 * its reason.
 *
 * `ProjectStack` applies it to every stack of this project; for a stack of your own, call
 * `PolicyChecks.applyTo(stack)`. An Aspect added to the App does nothing in cdktf: apply it to each stack.
 */
export class PolicyChecks implements IAspect {
  /** Applies the checks to `stack`, once (a second call returns the checks already applied). */
  public static applyTo(
    stack: TerraformStack,
    rules: readonly PolicyRule[] = POLICY_PACK,
  ): PolicyChecks {
    const existing = Aspects.of(stack).all.find((aspect) => aspect instanceof PolicyChecks);
    if (existing) return existing as PolicyChecks;
    const checks = new PolicyChecks(rules);
    Aspects.of(stack).add(checks);
    return checks;
  }

  public constructor(public readonly rules: readonly PolicyRule[] = POLICY_PACK) {
    const ids = rules.map((rule) => rule.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length > 0) {
      throw new Error(`Policy rule ids must be unique; repeated: ${repeated.join(", ")}`);
    }
  }

  public visit(node: IConstruct): void {
    // Aspects visit every construct; the checks read the whole stack once, when they visit the stack.
    if (!TerraformStack.isStack(node)) return;
    for (const finding of evaluatePolicy(node, this.rules, takePreparedElements(node))) {
      const level = finding.acknowledgement ? "info" : finding.severity;
      annotate(finding.construct, level, findingText(finding));
    }
    const known = new Set(this.rules.map((rule) => rule.id));
    for (const acknowledgement of acknowledgementsIn(node)) {
      if (known.has(acknowledgement.ruleId)) continue;
      annotate(
        acknowledgement.scope,
        "error",
        `[policy] acknowledge() names the unknown rule "${acknowledgement.ruleId}"; the rules are: ${[...known].join(", ")}.`,
      );
    }
  }
}

/** Adds an annotation unless the construct has it already: aspects run again on every synth. */
function annotate(construct: IConstruct, level: Severity | "info", message: string): void {
  const annotations = Annotations.of(construct);
  const type = {
    error: AnnotationMetadataEntryType.ERROR,
    warning: AnnotationMetadataEntryType.WARN,
    info: AnnotationMetadataEntryType.INFO,
  }[level];
  if (construct.node.metadata.some((entry) => entry.type === type && entry.data === message))
    return;
  if (level === "error") annotations.addError(message);
  else if (level === "warning") annotations.addWarning(message);
  else annotations.addInfo(message);
}
