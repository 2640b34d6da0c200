/**
 * The expressions are asserted as Terraform will read them. What they evaluate to was checked by hand with
 * terraform 1.11 (a provider-free configuration of these outputs, `terraform apply -var v=...`) on the same
 * accepted and rejected values as the synth-time rules in rules.test.ts: every verdict matched.
 */
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  iamRoleName,
  IAM_ROLE_NAME_PATTERN,
  sagemakerName,
  SAGEMAKER_NAME_PATTERN,
} from "../../../modules/core/rules";
import {
  allOf,
  ecrImageUriCondition,
  IAM_ROLE_NAME_RE2,
  iamRoleNameCondition,
  s3BucketNameCondition,
  SAGEMAKER_NAME_RE2,
  sagemakerNameCondition,
} from "../../../modules/core/terraform-conditions";
import { resolved } from "../../helpers/synth";

describe("Terraform conditions", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;

  it("sagemakerNameCondition checks the length and the pattern", () => {
    expect(resolved(stack, sagemakerNameCondition(v))).toBe(
      '${((length(var.v) <= 63) && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$", var.v)))}',
    );
  });

  it("iamRoleNameCondition checks the length and the characters", () => {
    expect(resolved(stack, iamRoleNameCondition(v))).toBe(
      '${((length(var.v) <= 64) && can(regex("^[a-zA-Z0-9_+=,.@-]+$", var.v)))}',
    );
  });

  it("ecrImageUriCondition uses the same pattern as the synth-time rule", () => {
    expect(resolved(stack, ecrImageUriCondition(v))).toBe(
      '${((length(var.v) <= 255) && can(regex("^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$", var.v)))}',
    );
  });

  it("s3BucketNameCondition checks every S3 naming rule", () => {
    expect(resolved(stack, s3BucketNameCondition(v))).toBe(
      "${((((((((length(var.v) >= 3) && (length(var.v) <= 63))" +
        ' && can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.v)))' +
        ' && !strcontains(var.v, ".."))' +
        ' && !can(regex("^[0-9]{1,3}([.][0-9]{1,3}){3}$", var.v)))' +
        ' && !can(regex("^(xn--|sthree-|amzn-s3-demo-)", var.v)))' +
        ' && !can(regex("(-s3alias|--ol-s3|[.]mrap|--x-s3|--table-s3)$", var.v)))' +
        ' && (!endswith(var.v, "-an") || can(regex("-[0-9]{12}-[a-z]{2}(-[a-z]+)+-[0-9]+-an$", var.v))))}',
    );
  });

  it("allOf joins conditions with &&", () => {
    expect(resolved(stack, allOf(sagemakerNameCondition("a"), iamRoleNameCondition("b")))).toBe(
      '${(((length("a") <= 63) && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$", "a"))) && ((length("b") <= 64) && can(regex("^[a-zA-Z0-9_+=,.@-]+$", "b"))))}',
    );
  });
});

describe("the RE2 name patterns", () => {
  // The synth-time patterns carry repeat counts and \w; the Terraform ones check the length apart. Both must
  // give the same verdict.
  const names = [
    "a",
    "A1",
    "a--b",
    "alex-embedding-endpoint",
    "a+=,.@_-b",
    "x".repeat(63),
    "x".repeat(64),
    "x".repeat(65),
    `${"a-".repeat(31)}a`,
    `${"a-".repeat(32)}a`,
    "",
    "-a",
    "a-",
    "a_b",
    "a.b",
    "a b",
    "slash/role",
    "ünï",
  ];

  it.each(names)("agree with the synth-time rules on %j", (name) => {
    expect(name.length <= 63 && new RegExp(SAGEMAKER_NAME_RE2).test(name)).toBe(
      sagemakerName(name) === undefined && SAGEMAKER_NAME_PATTERN.test(name),
    );
    expect(name.length <= 64 && new RegExp(IAM_ROLE_NAME_RE2).test(name)).toBe(
      iamRoleName(name) === undefined && IAM_ROLE_NAME_PATTERN.test(name),
    );
  });
});
