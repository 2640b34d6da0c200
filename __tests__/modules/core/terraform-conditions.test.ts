/**
 * The building blocks of the limits' Terraform conditions, asserted as Terraform will read them (the limits'
 * conditions themselves are tested with each limit, in limits/).
 */
import { Fn, Op, TerraformStack, TerraformVariable, Testing, type IResolvable } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  allOf,
  hcl,
  isEmptyString,
  matchesPattern,
  withValueGiven,
} from "../../../modules/core/terraform-conditions";
import { resolved } from "../../helpers/synth";

describe("Terraform conditions", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;

  it("isEmptyString compares the length, as cdktf drops an empty right operand", () => {
    expect(resolved(stack, isEmptyString(v))).toBe("${(length(var.v) < 1)}");
  });

  it("allOf joins conditions with &&", () => {
    const first = allOf(Op.lte(Fn.lengthOf("a"), 63), matchesPattern("a", "^a$"));
    expect(resolved(stack, allOf(first, matchesPattern("b", "^b$")))).toBe(
      '${(((length("a") <= 63) && can(regex("^a$", "a"))) && can(regex("^b$", "b")))}',
    );
  });

  it("hcl writes an expression around tokens of strings, numbers, maps and expressions, once wrapped", () => {
    const n = new TerraformVariable(stack, "n", { type: "number" }).numberValue;
    const m = new TerraformVariable(stack, "m", { type: "map(string)" }).value as unknown;
    expect(resolved(stack, hcl`${n} >= 1 && floor(${n}) == ${n}`)).toBe(
      "${var.n >= 1 && floor(var.n) == var.n}",
    );
    expect(resolved(stack, hcl`${v} == "" || ${matchesPattern(v, "^a$")}`)).toBe(
      '${var.v == "" || can(regex("^a$", var.v))}',
    );
    expect(resolved(stack, hcl`length(${m}) <= ${50}`)).toBe("${length(var.m) <= 50}");
    expect(resolved(stack, Fn.conditional(hcl`${v} == ""`, "a", "b"))).toBe(
      '${var.v == "" ? "a" : "b"}',
    );
  });

  it("hcl leaves the braces of what follows it alone", () => {
    expect(resolved(stack, `${hcl`${v} == ""`}-${v}`)).toBe('${var.v == ""}-${var.v}');
  });

  it("allOf renders as a chain of Op.and, inside other expressions too", () => {
    const clauses = [
      Op.gte(Fn.lengthOf(v), 3),
      Op.lte(Fn.lengthOf(v), 63),
      Op.not(Fn.strcontains(v, "..")),
    ];
    const asOpAnd = clauses.reduce((all, next) => Op.and(all, next));
    expect(resolved(stack, allOf(...clauses))).toBe(resolved(stack, asOpAnd));
    expect(resolved(stack, Op.not(allOf(...clauses)))).toBe(resolved(stack, Op.not(asOpAnd)));
  });

  it("allOf resolves each clause once, however many there are (a chain of Op.and takes 2^length)", () => {
    const resolutions = Array.from({ length: 12 }, () => 0);
    const clauses = resolutions.map((_, index): IResolvable => ({
      creationStack: [],
      resolve: () => {
        resolutions[index]! += 1;
        return `c${index}`;
      },
    }));
    const expression = resolved(stack, allOf(...clauses));
    expect(expression).toMatch(/^\$\{\(+c0 && c1\) && c2\) .* && c11\)\}$/);
    expect(resolutions).toEqual(resolutions.map(() => 1));
  });
});

describe("withValueGiven", () => {
  it("ends a validation message with the value given, jsonencoded (npm run test:terraform shows it rendered)", () => {
    expect(
      withValueGiven("aws_region", "aws_region must be an AWS region code such as us-east-1."),
    ).toBe(
      "aws_region must be an AWS region code such as us-east-1; got ${jsonencode(var.aws_region)}.",
    );
  });
});
