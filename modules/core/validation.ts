import { Token, type IResolvable } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * One invalid input: which field, what was given, and what would have been accepted.
 */
export interface Problem {
  /**
   * Dotted path of the offending prop inside the construct's props,
   * e.g. `memorySizeInMB` or `endpoints.realtime.provisioned.productionVariants.demo-model.autoScaling`.
   */
  readonly field: string;
  /** The value that was given. */
  readonly value: unknown;
  /** What is allowed instead, phrased so that it completes "allowed: ...". */
  readonly allowed: string;
}

/**
 * A check on one value. Returns `undefined` when the value is acceptable, otherwise a description of what
 * is allowed (it becomes the "allowed: ..." part of the error).
 */
export type Rule<T> = (value: T) => string | undefined;

/**
 * One limit of an input (an AWS limit, such as what a SageMaker name may be), defined once: what it allows in words,
 * the synth-time check and the same check as a Terraform condition, for values known only at apply time (variable
 * validations, resource preconditions). The limits are in `modules/core/limits/`.
 */
export interface Limit<T> {
  /** What is allowed, in words: it completes "allowed: ..." and "<variable> must be ...". */
  readonly description: string;
  /** The synth-time check: `undefined` for a good value, else the description (with detail, e.g. the length). */
  readonly rule: Rule<T>;
  /** The same check as a Terraform boolean expression over `value`, usually a token (a variable's value). */
  readonly condition: (value: T) => IResolvable;
}

/**
 * The single error a construct throws for bad input. It lists every problem found, each with the field,
 * the value given and what is allowed, under the construct's path.
 */
export class ValidationError extends Error {
  public constructor(
    public readonly constructPath: string,
    public readonly problems: readonly Problem[],
  ) {
    super(formatValidationMessage(constructPath, problems));
    this.name = "ValidationError";
  }
}

/** Renders a value the way it would be written in TypeScript, so the user can find it in their code. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) {
    return String(value);
  }
  return JSON.stringify(value);
}

export function formatValidationMessage(
  constructPath: string,
  problems: readonly Problem[],
): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map(
    (p) => `  - ${p.field}: got ${formatValue(p.value)}; allowed: ${p.allowed}`,
  );
  return [`Invalid configuration for '${constructPath}' (${count}):`, ...lines].join("\n");
}

/**
 * True when a value (or anything inside it) is only known at apply time: a cdktf token such as a
 * variable, a resource attribute or a cross-stack reference. Synth-time checks skip such values.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(isUnresolved);
  if (typeof value === "object") return Object.values(value).some(isUnresolved);
  return false;
}

/**
 * Something props are accepted with that their author should know (a value that is ignored, an order that is not
 * the one written): a construct reports it as a warning at synth, `<field>: <message>`.
 */
export interface Warning {
  /** Dotted path of the prop, as in a {@link Problem}. */
  readonly field: string;
  readonly message: string;
}

/** What is allowed for a prop that must be known when the stack is synthesized, e.g. one that is parsed. */
export const KNOWN_AT_SYNTH = "a literal value known at synth time, not a Terraform expression";

/**
 * Names that must be unique (within an endpoint, a construct, ...), each with the field that used it first.
 */
export class UniqueNames {
  private readonly fields = new Map<string, string>();

  /** @param allowed what is allowed instead of a taken name, e.g. "an alarm name no other alarm uses" */
  public constructor(private readonly allowed: string) {}

  /** Takes `name` for `field`, or reports it when an earlier field has it. Tokens are skipped. */
  public claim(problems: Problems, field: string, name: string): void {
    if (isUnresolved(name)) return;
    const other = this.fields.get(name);
    if (other === undefined) this.fields.set(name, field);
    else problems.add(field, name, `${this.allowed} (${other} has it too)`);
  }
}

/**
 * Whether `value` is set and passes every check, or is a token (checked at apply time): only then may another
 * prop's check take advice from it (`at most maxConcurrency (10)`), so that no problem quotes a value that is
 * itself reported as wrong.
 */
export function isAllowed<T>(value: T | undefined, ...checks: (Rule<T> | Limit<T>)[]): value is T {
  if (value === undefined) return false;
  if (isUnresolved(value)) return true;
  return checks.every(
    (check) => (typeof check === "function" ? check(value) : check.rule(value)) === undefined,
  );
}

/**
 * Collects every problem in a construct's props, then throws them together as one {@link ValidationError}.
 *
 * ```ts
 * const problems = new Problems();
 * problems.check("endpointName", props.endpointName, SAGEMAKER_NAME);
 * problems.check("memorySizeInMB", props.memorySizeInMB, SERVERLESS_MEMORY_SIZE);
 * problems.throwIfAny(this);
 * ```
 */
export class Problems {
  private readonly found: Problem[] = [];

  /** Records a problem found by custom logic. */
  public add(field: string, value: unknown, allowed: string): this {
    this.found.push({ field, value, allowed });
    return this;
  }

  /**
   * Applies `checks` (rules or limits) in order to a value and records the first failure. Values that are not
   * set, or are tokens (unknown until apply), are skipped.
   */
  public check<T>(field: string, value: T | undefined, ...checks: (Rule<T> | Limit<T>)[]): this {
    if (value === undefined || isUnresolved(value)) return this;
    for (const check of checks) {
      const allowed = typeof check === "function" ? check(value) : check.rule(value);
      if (allowed !== undefined) {
        this.add(field, value, allowed);
        break;
      }
    }
    return this;
  }

  /** Adds every problem of another collection, with `prefix.` in front of each field. */
  public merge(prefix: string, other: Problems): this {
    for (const p of other.list)
      this.add(prefix ? `${prefix}.${p.field}` : p.field, p.value, p.allowed);
    return this;
  }

  /**
   * The same problems, each field as `rename` reads it, for a construct that passes its props on under other
   * names. Problems that become the same (one prop passed on to several places) are listed once.
   */
  public renamed(rename: (field: string) => string): Problems {
    const renamed = new Problems();
    const seen = new Set<string>();
    for (const p of this.found) {
      const field = rename(p.field);
      const key = JSON.stringify([field, formatValue(p.value), p.allowed]);
      if (seen.has(key)) continue;
      seen.add(key);
      renamed.add(field, p.value, p.allowed);
    }
    return renamed;
  }

  public get list(): readonly Problem[] {
    return this.found;
  }

  public get isEmpty(): boolean {
    return this.found.length === 0;
  }

  /** Throws one {@link ValidationError} naming `scope`'s construct path when any problem was found. */
  public throwIfAny(scope: IConstruct): void {
    if (!this.isEmpty) throw new ValidationError(scope.node.path, this.found);
  }
}
