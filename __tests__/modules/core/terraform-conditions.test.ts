/**
 * The expressions are asserted as Terraform will read them. What they evaluate to was checked by hand with
 * terraform 1.11 (a provider-free configuration of these outputs, `terraform apply -var v=...`) on the same
 * accepted and rejected values as the synth-time rules in rules.test.ts: every verdict matched.
 */
import { Fn, Op, TerraformStack, TerraformVariable, Testing, type IResolvable } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ecrRepositoryName,
  emailAddress,
  iamRoleName,
  IAM_ROLE_NAME_PATTERN,
  instanceType,
  sagemakerName,
  SAGEMAKER_NAME_PATTERN,
} from "../../../modules/core/rules";
import {
  allOf,
  ecrImageUriCondition,
  ecrRepositoryNameCondition,
  emailAddressCondition,
  instanceTypeCondition,
  isEmptyString,
  IAM_ROLE_NAME_RE2,
  iamRoleNameCondition,
  s3BucketNameCondition,
  SAGEMAKER_NAME_RE2,
  sagemakerNameCondition,
  tagsCondition,
  withValueGiven,
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

  it("ecrRepositoryNameCondition checks the length and the pattern the synth-time rule uses", () => {
    expect(resolved(stack, ecrRepositoryNameCondition(v))).toBe(
      '${(((length(var.v) >= 2) && (length(var.v) <= 256)) && can(regex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", var.v)))}',
    );
  });

  it("instanceTypeCondition and emailAddressCondition use the synth-time patterns", () => {
    expect(resolved(stack, instanceTypeCondition(v))).toBe(
      '${can(regex("^ml[.][a-z0-9]+(-[a-z0-9]+)?[.](medium|large|[0-9]*xlarge)$", var.v))}',
    );
    expect(resolved(stack, emailAddressCondition(v))).toBe(
      '${can(regex("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+[.][a-zA-Z]{2,}$", var.v))}',
    );
  });

  it("isEmptyString compares the length, as cdktf drops an empty right operand", () => {
    expect(resolved(stack, isEmptyString(v))).toBe("${(length(var.v) < 1)}");
  });

  it("allOf joins conditions with &&", () => {
    expect(resolved(stack, allOf(sagemakerNameCondition("a"), iamRoleNameCondition("b")))).toBe(
      '${(((length("a") <= 63) && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$", "a"))) && ((length("b") <= 64) && can(regex("^[a-zA-Z0-9_+=,.@-]+$", "b"))))}',
    );
  });

  it("tagsCondition checks count, keys and values of a map variable, counting the keys added to it", () => {
    const entry =
      'length(key) >= 1 && length(key) <= 128 && length(value) <= 256 && !startswith(lower(key), "aws:")' +
      ' && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", key)) && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", value))';
    expect(tagsCondition("var.t")).toBe(
      `\${length(var.t) <= 50 && alltrue([for key, value in var.t : ${entry}])}`,
    );
    expect(tagsCondition("var.t", ["Name", "Owner"])).toBe(
      `\${length(merge(var.t, {"Name" = "", "Owner" = ""})) <= 50 && alltrue([for key, value in var.t : ${entry}])}`,
    );
    // One backslash reaches RE2: the HCL string literal holds two.
    expect(entry).toContain(String.raw`"^[\\p{L}`);
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

describe("the RE2 patterns of repository names, instance types and e-mail addresses", () => {
  // Without backslashes, the same text is the JavaScript and the Terraform pattern: checked here in JavaScript
  // against the synth-time rules, and by hand in terraform 1.11 on the same values.
  const re2 = (pattern: string) =>
    new RegExp(pattern.replace(/^.*regex\("/, "").replace(/", var.v.*$/, ""));
  const stack = new TerraformStack(Testing.app(), "p");
  const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;

  it.each(["sagemaker-sklearn-inference", "team/model_server", "Upper", "a//b", "a-"])(
    "ecr repository %j",
    (name) => {
      expect(re2(String(resolved(stack, ecrRepositoryNameCondition(v)))).test(name)).toBe(
        ecrRepositoryName(name) === undefined,
      );
    },
  );
  it.each(["ml.m5.large", "ml.p6-b200.48xlarge", "m5.large", "ml.m5"])(
    "instance type %j",
    (type) => {
      expect(re2(String(resolved(stack, instanceTypeCondition(v)))).test(type)).toBe(
        instanceType(type) === undefined,
      );
    },
  );
  it.each(["ops@example.com", "ops@example"])("e-mail address %j", (address) => {
    expect(re2(String(resolved(stack, emailAddressCondition(v)))).test(address)).toBe(
      emailAddress(address) === undefined,
    );
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
