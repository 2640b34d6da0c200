/**
 * The Terraform cases of a stack, and what makes one pass: a table of inputs, each with what `terraform plan`
 * of the stack's stand-in must say (the exact errors of the checks it trips, or the outputs and planned
 * attributes it computes), the plan with the defaults (resource count and every output), and the `moved`
 * blocks (a state at the old addresses must plan as moves). Each evaluation returns the problems it found, in
 * words; none means the case passes.
 */
import type { Check } from "./checks";
import type { PlanOutcome, PlanRequest, StandInWorkspace } from "./stand-in-plans";

/** What an expected error names for an error of Terraform's own, from no check of the stack. */
export const NO_CHECK = "(no check)";

/** An error a case expects: the check that trips and its message exactly as Terraform renders it. */
export interface ExpectedError {
  /**
   * e.g. `var.region/validation[0]` or `aws_s3_bucket.model_artifacts/precondition[0]`; {@link NO_CHECK} for one of
   * Terraform's own errors, e.g. a required variable set to null.
   */
  readonly check: string;
  readonly message: string;
}

export interface TerraformCase {
  /** What the case shows, e.g. `a region code is required`. */
  readonly name: string;
  /** Variable values beyond the stack's required ones. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The plan must fail with exactly these errors (in any order); without them it must succeed. */
  readonly errors?: readonly ExpectedError[];
  /** Outputs the plan must compute, each exactly. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /**
   * Plan a stand-in whose only conditions are the ones `errors` names (the others always true): for a
   * precondition that one upstream of it shadows in the whole stack (see `StandInWorkspace.alone`). Another case
   * must show what the whole stack reports for the same input.
   */
  readonly alone?: boolean;
  /** Planned attributes, by resource instance then path (`primary_container[0].image`), each exactly. */
  readonly attributes?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface StackCases {
  /** Values for the variables without a default, given to every case. */
  readonly required?: Readonly<Record<string, unknown>>;
  /** The resource instances the plan with the defaults creates. */
  readonly resources: number;
  /** Every output's value with the defaults. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Instances that must move, old address -> new address (e.g. the recipe's `[0]` instances). */
  readonly moves?: Readonly<Record<string, string>>;
  readonly cases: readonly TerraformCase[];
}

const show = (value: unknown) => JSON.stringify(value);

function equal(a: unknown, b: unknown): boolean {
  return show(sorted(a)) === show(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, sorted(item)]),
    );
  }
  return value;
}

/** The value at `path` (`a.b[0].c`) of `value`, or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key ?? Number(index)];
  }
  return current;
}

function errorProblems(outcome: PlanOutcome, expected: readonly ExpectedError[]): string[] {
  const actual = outcome.errors.map((error) => ({
    check: error.check ?? NO_CHECK,
    message: error.message,
  }));
  const key = (error: { check: string; message: string }) => `${error.check}: ${error.message}`;
  const missing = expected.filter((error) => !actual.some((found) => key(found) === key(error)));
  const extra = actual.filter((found) => !expected.some((error) => key(found) === key(error)));
  return [
    ...missing.map((error) => `expected error ${show(key(error))} did not happen`),
    ...extra.map((error) => `unexpected error ${show(key(error))}`),
  ];
}

function outputProblems(
  outcome: PlanOutcome,
  expected: Readonly<Record<string, unknown>>,
): string[] {
  return Object.entries(expected).flatMap(([name, value]) => {
    if (!(name in outcome.outputs)) return [`output ${name} is missing`];
    const actual = outcome.outputs[name];
    return equal(actual, value)
      ? []
      : [`output ${name} is ${show(actual)}, expected ${show(value)}`];
  });
}

function attributeProblems(
  outcome: PlanOutcome,
  expected: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): string[] {
  return Object.entries(expected).flatMap(([address, paths]) => {
    const change = outcome.changes.find((candidate) => candidate.address === address);
    if (!change) return [`no planned instance ${address}`];
    return Object.entries(paths).flatMap(([path, value]) => {
      const actual = valueAt(change.attributes, path);
      return equal(actual, value)
        ? []
        : [`${address} ${path} is ${show(actual)}, expected ${show(value)}`];
    });
  });
}

/** The problems of one case: errors that should or should not be, outputs and attributes that differ. */
export async function caseProblems(
  workspace: StandInWorkspace,
  cases: StackCases,
  testCase: TerraformCase,
): Promise<string[]> {
  const planned = testCase.alone
    ? workspace.alone((testCase.errors ?? []).map((error) => error.check))
    : workspace;
  const outcome = await planned.plan({ variables: { ...cases.required, ...testCase.variables } });
  if (testCase.errors) {
    if (outcome.errors.length === 0)
      return [`the plan succeeded; expected ${show(testCase.errors)}`];
    return errorProblems(outcome, testCase.errors);
  }
  return [
    ...errorProblems(outcome, []),
    ...outputProblems(outcome, testCase.outputs ?? {}),
    ...attributeProblems(outcome, testCase.attributes ?? {}),
  ];
}

/** The problems of the plan with the defaults: an error, another resource count, any output not as expected. */
export async function defaultPlanProblems(
  workspace: StandInWorkspace,
  cases: StackCases,
): Promise<string[]> {
  const outcome = await workspace.plan({ variables: cases.required ?? {} });
  if (outcome.errors.length > 0) return errorProblems(outcome, []);
  const created = outcome.changes.filter((change) => change.actions.join() === "create").length;
  const extraOutputs = Object.keys(outcome.outputs).filter((name) => !(name in cases.outputs));
  return [
    ...(created === cases.resources
      ? []
      : [`the plan creates ${created} resource instances, expected ${cases.resources}`]),
    ...outputProblems(outcome, cases.outputs),
    ...extraOutputs.map(
      (name) => `output ${name} (${show(outcome.outputs[name])}) has no expected value`,
    ),
  ];
}

/** How strict {@link moveProblems} is. */
export interface MoveOptions {
  /**
   * Nothing but the moves: no other instance may be created or changed either (a stack that only takes over what
   * other Terraform code created, e.g. a module call).
   */
  readonly only?: boolean;
  /**
   * New addresses whose resources the move replaces, created before the old ones are destroyed (`create,delete`):
   * models and endpoint configurations, named after their content, whose names the original did not have.
   */
  readonly replaced?: ReadonlySet<string>;
  /** What the state holds at some old addresses (see `PlanRequest.priorAttributes`). */
  readonly priorAttributes?: PlanRequest["priorAttributes"];
}

/**
 * The problems of the moves: with a state holding each old address (in the root module or in a module call), every
 * instance must plan as a move to its new address (an update or no change there; a replacement, created first, for
 * the `replaced` ones), and nothing else may be destroyed; with `only`, nothing else may be planned either.
 */
export async function moveProblems(
  workspace: StandInWorkspace,
  cases: Pick<StackCases, "required">,
  moves: Readonly<Record<string, string>>,
  options: MoveOptions = {},
): Promise<string[]> {
  const outcome = await workspace.plan({
    variables: cases.required ?? {},
    priorInstances: Object.keys(moves),
    priorAttributes: options.priorAttributes,
  });
  if (outcome.errors.length > 0) return errorProblems(outcome, []);
  const replaced = options.replaced ?? new Set<string>();
  const problems: string[] = [];
  for (const [from, to] of Object.entries(moves)) {
    const change = outcome.changes.find((candidate) => candidate.address === to);
    const expected = replaced.has(to) ? ["create,delete"] : ["update", "no-op"];
    if (change?.previousAddress !== from) {
      problems.push(
        `${from} does not move to ${to} (${to} plans ${show(change?.actions ?? "nothing")})`,
      );
    } else if (!expected.includes(change.actions.join())) {
      problems.push(`${from} moves to ${to} but plans ${show(change.actions)}`);
    }
  }
  for (const change of outcome.changes.filter(
    (candidate) => candidate.actions.includes("delete") && !replaced.has(candidate.address),
  )) {
    problems.push(`${change.address} is destroyed (${show(change.actions)})`);
  }
  if (options.only) {
    const targets = new Set(Object.values(moves));
    for (const change of outcome.changes) {
      const action = change.actions.join();
      if (targets.has(change.address) || action === "no-op" || change.actions.includes("delete")) {
        continue;
      }
      problems.push(`${change.address} plans ${show(change.actions)}, not a move`);
    }
  }
  return problems;
}

/**
 * What the table leaves uncovered: a check no case trips, a validated variable no successful case sets, a
 * case naming a check the stack does not have.
 */
export function coverageProblems(checks: readonly Check[], cases: StackCases): string[] {
  const tripped = new Set(
    cases.cases.flatMap((testCase) => (testCase.errors ?? []).map((error) => error.check)),
  );
  const setByGoodCases = new Set([
    ...Object.keys(cases.required ?? {}),
    ...cases.cases
      .filter((testCase) => !testCase.errors)
      .flatMap((testCase) => Object.keys(testCase.variables ?? {})),
  ]);
  const ids = new Set(checks.map((check) => check.id));
  const validated = new Set(
    checks.filter((check) => check.kind === "validation").map((check) => check.subject),
  );
  return [
    ...checks
      .filter((check) => !tripped.has(check.id))
      .map((check) => `${check.id} has no case that trips it`),
    ...[...validated]
      .filter((subject) => !setByGoodCases.has(subject.slice("var.".length)))
      .map((subject) => `${subject} has no successful case that sets it`),
    ...[...tripped]
      .filter((id) => id !== NO_CHECK && !ids.has(id))
      .map((id) => `a case names ${id}, which the stack does not have`),
  ];
}
