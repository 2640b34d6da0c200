import { describe, expect, it } from "vitest";
import { ALARM_NAME } from "../../../../modules/core/limits/cloudwatch";
import { resolved } from "../../../helpers/synth";
import { stack, v } from "./values";

describe("ALARM_NAME, for the construct's alarms and the rollback alarms", () => {
  it("takes names of 1-255 characters, not blank, without control characters, in Terraform too", () => {
    const WORDS =
      "a CloudWatch alarm name: 1-255 characters, not only whitespace, without control characters";
    for (const name of ["live/a/errors", "a b", "x".repeat(255), "é"]) {
      expect(ALARM_NAME.rule(name)).toBeUndefined();
    }
    for (const name of ["", "   ", "line\nbreak", "bell\u0007"]) {
      expect(ALARM_NAME.rule(name)).toBe(WORDS);
    }
    expect(ALARM_NAME.rule("x".repeat(256))).toBe(`${WORDS} (this one has 256)`);
    expect(resolved(stack, ALARM_NAME.condition(v))).toBe(
      '${length(var.v) <= 255 && trimspace(var.v) != "" && !can(regex("\\\\p{Cc}", var.v))}',
    );
  });
});
