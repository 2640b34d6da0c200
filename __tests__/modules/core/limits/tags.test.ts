import { Fn, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { checkResourceTags, checkTags, tagsLimit } from "../../../../modules/core/limits/tags";
import { Problems } from "../../../../modules/core/validation";
import { resolved } from "../../../helpers/synth";

const KEY_WORDS =
  "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:";

describe("checkTags", () => {
  it("checks keys and values, and skips tokens", () => {
    const problems = new Problems();
    checkTags(problems, "tags", {
      team: "ml",
      "cost center": "a/b=c+d@e:f_g.h-i",
      "aws:reserved": "x",
      "bad#key": "v",
      long: "v".repeat(257),
      [Token.asString(Fn.uuid())]: Token.asString(Fn.uuid()),
    });
    checkTags(problems, "tokenMap", Token.asStringMap(Fn.merge([{ a: "b" }])));
    expect(problems.list).toEqual([
      { field: "tags.aws:reserved", value: "aws:reserved", allowed: KEY_WORDS },
      { field: "tags.bad#key", value: "bad#key", allowed: KEY_WORDS },
      {
        field: "tags.long",
        value: "v".repeat(257),
        allowed: "a tag value of at most 256 letters, digits, spaces and _ . : / = + - @",
      },
    ]);
  });
});

describe("checkResourceTags", () => {
  const tags = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`tag-${i}`, "v"]));

  it("allows 50 tags on a resource, counting the keys the construct adds", () => {
    const problems = new Problems();
    checkResourceTags(problems, "fifty", tags(50));
    checkResourceTags(problems, "forty-nine and Name", tags(49), ["Name"]);
    checkResourceTags(problems, "Name given too", { ...tags(49), Name: "n" }, ["Name"]);
    checkResourceTags(problems, "token", Token.asStringMap(Fn.merge([tags(60)])), ["Name"]);
    expect(problems.list).toEqual([]);
  });

  it("reports a 51st tag, and still checks every key and value", () => {
    const problems = new Problems();
    checkResourceTags(problems, "tags", tags(51));
    checkResourceTags(problems, "named", { ...tags(50), "aws:x": "v" }, ["Name"]);
    expect(problems.list).toEqual([
      { field: "tags", value: "51 tags", allowed: "at most 50 tags per resource" },
      { field: "named.aws:x", value: "aws:x", allowed: KEY_WORDS },
      { field: "named", value: "52 tags", allowed: "at most 50 tags per resource, counting Name" },
    ]);
  });
});

describe("tagsLimit", () => {
  const entry =
    'length(key) >= 1 && length(key) <= 128 && length(value) <= 256 && !startswith(lower(key), "aws:")' +
    ' && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", key)) && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", value))';
  const stack = new TerraformStack(Testing.app(), "s");
  const map = new TerraformVariable(stack, "t", { type: "map(string)" }).value as Record<
    string,
    string
  >;

  it("checks count, keys and values of a map in Terraform, counting the keys added to it", () => {
    expect(resolved(stack, tagsLimit().condition(map))).toBe(
      `\${length(var.t) <= 50 && alltrue([for key, value in var.t : ${entry}])}`,
    );
    expect(resolved(stack, tagsLimit(["Name", "Owner"]).condition(map))).toBe(
      `\${length(merge(var.t, {"Name" = "", "Owner" = ""})) <= 50 && alltrue([for key, value in var.t : ${entry}])}`,
    );
    // One backslash reaches RE2: the HCL string literal holds two.
    expect(entry).toContain(String.raw`"^[\\p{L}`);
  });

  it("says what it allows, with the added keys, and checks a map known at synth time the same way", () => {
    const limit = tagsLimit(["Name"]);
    expect(limit.description).toBe(
      "a map of at most 50 tags together with Name, keys of 1-128 and values of at most 256 letters, digits, spaces and _ . : / = + - @, no key starting with aws:",
    );
    expect(limit.rule({ team: "ml" })).toBeUndefined();
    expect(limit.rule({ "aws:x": "v" })).toBe(limit.description);
    expect(
      limit.rule(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]))),
    ).toBe(limit.description);
  });
});
