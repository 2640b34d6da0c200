import { Fn, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  atMost,
  integerAtLeast,
  integerBetween,
  matches,
  maxLength,
  numberAtLeast,
  numberBetween,
  oneOf,
} from "../../../modules/core/rules";

describe("number and choice rules", () => {
  it("oneOf lists the choices", () => {
    expect(oneOf(["Serial", "Direct"])("x")).toBe('one of "Serial" or "Direct"');
    expect(oneOf([1])(2)).toBe("one of 1");
    expect(oneOf(["a", "b"])("a")).toBeUndefined();
  });

  it("integerBetween takes whole numbers in range only", () => {
    const rule = integerBetween(1, 10);
    expect(rule(1)).toBeUndefined();
    expect(rule(10)).toBeUndefined();
    expect(rule(0)).toBe("a whole number from 1 to 10");
    expect(rule(11)).toBe("a whole number from 1 to 10");
    expect(rule(1.5)).toBe("a whole number from 1 to 10");
  });

  it("numberBetween takes fractions", () => {
    expect(numberBetween(0, 1)(0.5)).toBeUndefined();
    expect(numberBetween(0, 1)(1.5)).toBe("a number from 0 to 1");
    expect(numberBetween(0, 1)(Number.NaN)).toBe("a number from 0 to 1");
  });

  it("integerAtLeast and numberAtLeast have no upper bound", () => {
    expect(integerAtLeast(1)(1)).toBeUndefined();
    expect(integerAtLeast(1)(1e9)).toBeUndefined();
    expect(integerAtLeast(1)(0)).toBe("a whole number of at least 1");
    expect(integerAtLeast(1)(2.5)).toBe("a whole number of at least 1");
    expect(numberAtLeast(0)(0.25)).toBeUndefined();
    expect(numberAtLeast(0)(-0.5)).toBe("a number of at least 0");
    expect(numberAtLeast(0)(Number.NaN)).toBe("a number of at least 0");
  });

  it("atMost names the prop it is compared with, and lets anything pass while that is a token", () => {
    expect(atMost(5, "maxConcurrency")(5)).toBeUndefined();
    expect(atMost(5, "maxConcurrency")(6)).toBe("at most maxConcurrency (5)");
    expect(atMost(Token.asNumber(Fn.abs(1)), "maxConcurrency")(1000)).toBeUndefined();
  });

  it("maxLength says how long the value is", () => {
    expect(maxLength(3)("abc")).toBeUndefined();
    expect(maxLength(3)("abcd")).toBe("at most 3 characters (this one has 4)");
  });

  it("matches describes the pattern in words", () => {
    expect(matches(/^a/, "a word starting with a")("b")).toBe("a word starting with a");
    expect(matches(/^a/, "a word starting with a")("ab")).toBeUndefined();
  });
});
