import { describe, expect, it } from "vitest";
import { compareKeys, inKeyOrder } from "../../../modules/core/key-order";

describe("inKeyOrder", () => {
  it("orders keys as Terraform iterates a map (terraform console: [for k, v in m : k])", () => {
    // The order terraform 1.11 printed for this map's keys.
    const map = { b: 1, a: 2, B: 3, "10": 4, "9": 5, "a-b": 6, a_b: 7, aB: 8 };
    expect(inKeyOrder(map).map(([key]) => key)).toEqual([
      "10",
      "9",
      "B",
      "a",
      "a-b",
      "aB",
      "a_b",
      "b",
    ]);
    // JavaScript's own order puts the index-like keys first, by number.
    expect(Object.keys(map).slice(0, 2)).toEqual(["9", "10"]);
  });

  it("compares by UTF-8 bytes, as Go sorts strings: a character beyond U+FFFF after U+FFFD", () => {
    expect(compareKeys("\u{1F600}", "\uFFFD")).toBeGreaterThan(0);
    expect(compareKeys("a", "a")).toBe(0);
    expect(compareKeys("a", "ab")).toBeLessThan(0);
  });
});
