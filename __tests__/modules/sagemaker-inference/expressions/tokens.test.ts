import { describe, expect, it } from "vitest";
import {
  acceptedValue,
  Cursor,
  describeProblem,
  tokenize,
} from "../../../../modules/sagemaker-inference/expressions/tokens";

describe("tokenize", () => {
  it("splits words, numbers and operators and records their columns", () => {
    expect(tokenize("Invocations average >= 10")).toEqual([
      { kind: "word", text: "Invocations", column: 1 },
      { kind: "word", text: "average", column: 13 },
      { kind: "operator", text: ">=", column: 21 },
      { kind: "number", text: "10", column: 24 },
    ]);
  });

  it("needs no whitespace around operators", () => {
    expect(tokenize("a sum>=-1.5e3").map((t) => [t.kind, t.text])).toEqual([
      ["word", "a"],
      ["word", "sum"],
      ["operator", ">="],
      ["number", "-1.5e3"],
    ]);
  });

  it("keeps a run of operator characters together, so == and => are one (wrong) operator", () => {
    expect(tokenize("x == 1 => !=").map((t) => t.text)).toEqual(["x", "==", "1", "=>", "!="]);
  });

  it("reads words that look almost like numbers as words", () => {
    expect(tokenize("1,000 0x10 1e 12abc").map((t) => t.kind)).toEqual([
      "word",
      "word",
      "word",
      "word",
    ]);
  });

  it("returns nothing for blank text", () => {
    expect(tokenize(" \t ")).toEqual([]);
  });
});

describe("Cursor", () => {
  it("points at the token where reading stopped, or past the end", () => {
    const cursor = new Cursor("a b");
    expect(cursor.next()?.text).toBe("a");
    expect(cursor.problemAt(cursor.peek(), "x")).toEqual({
      column: 3,
      expected: "x",
      found: '"b"',
      note: undefined,
    });
    cursor.next();
    expect(cursor.problemIfNotAtEnd()).toBeUndefined();
    expect(cursor.problemAt(cursor.next(), "y", "why")).toEqual({
      column: 4,
      expected: "y",
      found: "the end of the expression",
      note: "why",
    });
  });
});

describe("describeProblem", () => {
  it("quotes the grammar, the column, what was expected and found, and the note", () => {
    expect(describeProblem("<a> = <b>", { column: 3, expected: '"="', found: '"=="' })).toBe(
      '<a> = <b>; at column 3 expected "=", found "=="',
    );
    expect(
      describeProblem("<a>", { column: 1, expected: "x", found: '"y"', note: "because" }),
    ).toBe('<a>; at column 1 expected x, found "y" (because)');
  });
});

describe("acceptedValue", () => {
  it("unwraps a parsed value and refuses a problem", () => {
    expect(acceptedValue({ ok: true, value: 1 }, "e")).toBe(1);
    expect(() =>
      acceptedValue({ ok: false, problem: { column: 1, expected: "", found: "" } }, "bad"),
    ).toThrowError('Expression not validated: "bad"');
  });
});
