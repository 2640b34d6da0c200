import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  numberLimit,
  oneOfLimit,
  patternLimit,
  wholeNumberLimit,
} from "../../../../modules/core/limits/shapes";
import { validateBy } from "../../../../modules/core/limits/variables";
import { resolved, synthStack } from "../../../helpers/synth";
import { n, stack, v } from "./values";

describe("limit shapes", () => {
  it("patternLimit checks lengths apart from the pattern, and says how long a long value is", () => {
    const limit = patternLimit("^[a-z]+$", "lowercase letters", { min: 2, max: 4 });
    expect(limit.rule("abcd")).toBeUndefined();
    expect(limit.rule("a")).toBe("lowercase letters");
    expect(limit.rule("abcde")).toBe("lowercase letters (this one has 5)");
    expect(limit.rule("AB")).toBe("lowercase letters");
    expect(resolved(stack, limit.condition(v))).toBe(
      '${(((length(var.v) >= 2) && (length(var.v) <= 4)) && can(regex("^[a-z]+$", var.v)))}',
    );
  });

  it("wholeNumberLimit and numberLimit", () => {
    const whole = wholeNumberLimit(1, 10, " (days)");
    expect(whole.description).toBe("a whole number from 1 to 10 (days)");
    expect(whole.rule(10)).toBeUndefined();
    expect(whole.rule(1.5)).toBe("a whole number from 1 to 10 (days)");
    expect(resolved(stack, whole.condition(n))).toBe(
      "${var.n >= 1 && var.n <= 10 && floor(var.n) == var.n}",
    );
    const fraction = numberLimit(0, 1);
    expect(fraction.rule(0.5)).toBeUndefined();
    expect(fraction.rule(2)).toBe("a number from 0 to 1");
    expect(resolved(stack, fraction.condition(n))).toBe("${var.n >= 0 && var.n <= 1}");
  });

  it("oneOfLimit lists the choices, or says them in other words", () => {
    expect(oneOfLimit(["a", "b"]).rule("c")).toBe('one of "a" or "b"');
    expect(oneOfLimit(["a", "b"], "a or b").rule("c")).toBe("a or b");
    expect(oneOfLimit([1, 2]).rule(2)).toBeUndefined();
    expect(resolved(stack, oneOfLimit(["a", "b"]).condition(v))).toBe(
      '${contains(["a", "b"], var.v)}',
    );
  });
});

describe("validateBy", () => {
  it("validates a variable by the limit's condition, naming the variable and ending with the value given", () => {
    const scope = new TerraformStack(Testing.app(), "t");
    const count = new TerraformVariable(scope, "count", { type: "number" });
    validateBy(count, wholeNumberLimit(1, 10), count.numberValue);
    const name = new TerraformVariable(scope, "bucket", { type: "string" });
    validateBy(name, patternLimit("^[a-z]+$", "lowercase letters"), name.stringValue, {
      orEmpty: true,
    });
    expect(synthStack(scope).variable).toEqual({
      count: {
        type: "number",
        validation: [
          {
            condition: "${var.count >= 1 && var.count <= 10 && floor(var.count) == var.count}",
            error_message:
              "count must be a whole number from 1 to 10; got ${jsonencode(var.count)}.",
          },
        ],
      },
      bucket: {
        type: "string",
        validation: [
          {
            condition: '${var.bucket == "" || can(regex("^[a-z]+$", var.bucket))}',
            error_message:
              "bucket must be empty or lowercase letters; got ${jsonencode(var.bucket)}.",
          },
        ],
      },
    });
  });
});
