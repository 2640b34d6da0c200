/**
 * The Terraform cases (__tests__/terraform/cases, planned by `npm run test:terraform`) cover every check of every
 * stack of `defineStacks`, counted from the synthesized JSON: each variable validation and each precondition is
 * tripped by a case that asserts its message, each validated variable is set by a case that plans. Runs in
 * `npm test` (no terraform needed), so a new validation or precondition without a case fails here first.
 */
import { describe, expect, it } from "vitest";
import { checksOf } from "../../scripts/terraform/checks";
import { templateTraversals } from "../../scripts/terraform/expressions";
import { coverageProblems } from "../../scripts/terraform/terraform-cases";
import { synthProject } from "../helpers/project";
import { TERRAFORM_CASES } from "../terraform/cases";

const { json } = synthProject();

describe.each(Object.keys(json))("stack %s", (name) => {
  const checks = checksOf(json[name]!);

  it("has Terraform cases for every validation and precondition", () => {
    const cases = TERRAFORM_CASES[name];
    expect(
      cases,
      `add the Terraform cases of stack ${name} to __tests__/terraform/cases`,
    ).toBeDefined();
    expect(coverageProblems(checks, cases!)).toEqual([]);
  });

  it("makes every variable whose validation Terraform cannot evaluate on null not nullable", () => {
    // length(), contains(), merge() and number comparisons fail on null with Terraform's own error ("argument must
    // not be null") instead of the validation's message; not nullable, null stands for the default, or is refused
    // as "required variable may not be set to null" where there is none. can(regex(...)) is false on null: the
    // validation's message shows it.
    const nullable = Object.entries(json[name]!.variable ?? {})
      .filter(([, variable]) =>
        ((variable.validation ?? []) as { condition: string }[]).some((validation) =>
          failsOnNull(validation.condition),
        ),
      )
      .filter(([, variable]) => variable.nullable !== false)
      .map(([variable]) => variable);
    expect(nullable).toEqual([]);
  });

  it("shows the value given in every variable validation message", () => {
    const withoutValue = checks.filter(
      (check) => check.kind === "validation" && !refersTo(check.errorMessage, check.subject),
    );
    expect(withoutValue.map((check) => check.id)).toEqual([]);
  });
});

/** Whether a condition calls a function that refuses null, or compares numbers, on the variable itself. */
function failsOnNull(condition: string): boolean {
  return /\b(length|contains|merge|floor)\(|[<>]=?\s*-?[0-9]|\bvar\.\w+\s*[<>]/.test(condition);
}

/** Whether a template reads `subject` (`var.<name>`). */
function refersTo(template: string, subject: string): boolean {
  return templateTraversals(template).some(
    ({ root, steps: [first] }) =>
      root === "var" && first?.kind === "attribute" && `var.${first.name}` === subject,
  );
}

describe("the coverage count", () => {
  const checks = checksOf(json["sagemaker-provisioned"]!);
  const cases = TERRAFORM_CASES["sagemaker-provisioned"]!;

  it("counts every validation and precondition of the stack", () => {
    expect(checks.filter((check) => check.kind === "validation")).toHaveLength(23);
    expect(checks.filter((check) => check.kind === "precondition")).toHaveLength(12);
  });

  it("reports a check no case trips, and a validated variable no successful case sets", () => {
    const withoutRegionCases = {
      ...cases,
      cases: cases.cases.filter(
        (testCase) => !Object.keys(testCase.variables ?? {}).includes("region"),
      ),
    };
    expect(coverageProblems(checks, withoutRegionCases)).toEqual([
      "var.region/validation[0] has no case that trips it",
      "aws_sagemaker_model.ml_model/precondition[1] has no case that trips it",
      "var.region has no successful case that sets it",
    ]);
  });

  it("tells the conditions that fail on null from those that show their message", () => {
    const validations = Object.values(json["sagemaker-provisioned"]!.variable ?? {}).flatMap(
      (variable) => (variable.validation ?? []) as { condition: string }[],
    );
    const byVerdict = (fails: boolean) =>
      validations.filter((validation) => failsOnNull(validation.condition) === fails).length;
    expect([byVerdict(true), byVerdict(false)]).toEqual([16, 7]);
    expect(failsOnNull('${can(regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", var.region))}')).toBe(false);
    expect(failsOnNull('${var.x == "" || can(regex("^sha256:[a-f0-9]{64}$", var.x))}')).toBe(false);
    expect(failsOnNull("${var.n > 0 && var.n <= 1000}")).toBe(true);
    expect(failsOnNull('${contains(["a"], var.x)}')).toBe(true);
  });

  it("reports a case naming a check the stack does not have", () => {
    const misnamed = {
      ...cases,
      cases: [
        ...cases.cases,
        { name: "x", errors: [{ check: "var.nope/validation[0]", message: "m" }] },
      ],
    };
    expect(coverageProblems(checks, misnamed)).toEqual([
      "a case names var.nope/validation[0], which the stack does not have",
    ]);
  });
});
