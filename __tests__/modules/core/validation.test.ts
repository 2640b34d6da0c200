import { Fn, Testing, TerraformStack, TerraformVariable, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { integerBetween, oneOf } from "../../../modules/core/rules";
import {
  formatValue,
  isUnresolved,
  Problems,
  UniqueNames,
  ValidationError,
} from "../../../modules/core/validation";

describe("Problems", () => {
  it("lists every problem in one error naming the construct path, field, value and what is allowed", () => {
    const stack = new TerraformStack(Testing.app(), "my-stack");
    const problems = new Problems()
      .check("memorySizeInMB", 3000, oneOf([1024, 2048]))
      .check("maxConcurrency", 0, integerBetween(1, 200))
      .add("endpointName", "bad_name", "a SageMaker name");

    expect(() => problems.throwIfAny(stack)).toThrow(
      new ValidationError("my-stack", problems.list).message,
    );
    expect(() => problems.throwIfAny(stack)).toThrowError(
      [
        "Invalid configuration for 'my-stack' (3 problems):",
        "  - memorySizeInMB: got 3000; allowed: one of 1024 or 2048",
        "  - maxConcurrency: got 0; allowed: a whole number from 1 to 200",
        '  - endpointName: got "bad_name"; allowed: a SageMaker name',
      ].join("\n"),
    );
  });

  it("says '1 problem' for one, and throws a ValidationError carrying the problems", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const problems = new Problems().add("x", 1, "2");
    let thrown: unknown;
    try {
      problems.throwIfAny(stack);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).message).toBe(
      "Invalid configuration for 's' (1 problem):\n  - x: got 1; allowed: 2",
    );
    expect((thrown as ValidationError).problems).toEqual([{ field: "x", value: 1, allowed: "2" }]);
    expect((thrown as ValidationError).constructPath).toBe("s");
  });

  it("does not throw when nothing is wrong, and skips unset values", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const problems = new Problems()
      .check("a", undefined, integerBetween(1, 2))
      .check("b", 2, integerBetween(1, 2));
    expect(problems.isEmpty).toBe(true);
    expect(() => problems.throwIfAny(stack)).not.toThrow();
  });

  it("skips values that are tokens, which only Terraform knows", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const variable = new TerraformVariable(stack, "v", { type: "number" });
    const problems = new Problems()
      .check("number", variable.numberValue, integerBetween(1, 2))
      .check("string", `${variable.stringValue}-suffix`, oneOf(["a"]));
    expect(problems.list).toEqual([]);
  });

  it("records only the first failing rule of a field", () => {
    const problems = new Problems().check("n", 0, integerBetween(1, 2), oneOf([5]));
    expect(problems.list).toEqual([
      { field: "n", value: 0, allowed: "a whole number from 1 to 2" },
    ]);
  });

  it("merges nested problems under a prefix", () => {
    const inner = new Problems().add("memory", 1, "more");
    expect(new Problems().merge("variants.a", inner).list).toEqual([
      { field: "variants.a.memory", value: 1, allowed: "more" },
    ]);
  });
});

describe("formatValue", () => {
  it("writes values as they would appear in TypeScript", () => {
    expect(formatValue("a")).toBe('"a"');
    expect(formatValue(3)).toBe("3");
    expect(formatValue(true)).toBe("true");
    expect(formatValue(undefined)).toBe("(not set)");
    expect(formatValue(null)).toBe("null");
    expect(formatValue(["a", 1])).toBe('["a",1]');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});

describe("isUnresolved", () => {
  it("finds tokens in strings, numbers, lists and maps", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const variable = new TerraformVariable(stack, "v", {});
    expect(isUnresolved("plain")).toBe(false);
    expect(isUnresolved(5)).toBe(false);
    expect(isUnresolved(undefined)).toBe(false);
    expect(isUnresolved(variable.stringValue)).toBe(true);
    expect(isUnresolved(variable.numberValue)).toBe(true);
    expect(isUnresolved(["a", variable.stringValue])).toBe(true);
    expect(isUnresolved({ a: "b", c: variable.stringValue })).toBe(true);
    expect(isUnresolved({ a: "b" })).toBe(false);
  });
});

describe("UniqueNames", () => {
  it("reports a name an earlier field took, and skips tokens", () => {
    const problems = new Problems();
    const names = new UniqueNames("a name no other entry uses");
    const token = Token.asString(Fn.uuid());
    names.claim(problems, "a", "x");
    names.claim(problems, "b", "y");
    names.claim(problems, "c", "x");
    names.claim(problems, "d", token);
    names.claim(problems, "e", token);
    expect(problems.list).toEqual([
      { field: "c", value: "x", allowed: "a name no other entry uses (a has it too)" },
    ]);
  });
});
