import { Fn, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { Problems } from "../../../modules/core/validation";
import {
  checkDuration,
  durationIn,
  formatDuration,
  parseDuration,
  resolveDuration,
} from "../../../modules/sagemaker-inference/duration";

describe("parseDuration", () => {
  it.each([
    ["1 second", 1],
    ["30 seconds", 30],
    ["1 minute", 60],
    ["5 minutes", 300],
    ["1 hour", 3600],
    ["6 hours", 21600],
    ["2 days", 172800],
    ["0 seconds", 0],
    // The module accepts either number for either form, and so do we.
    ["1 minutes", 60],
    ["5 minute", 300],
    ["  5   Minutes ", 300],
    // Decimals, as the module multiplies them out, exactly (1.1 x 3600 is 3960.0000000000005 in floating point).
    ["1.5 hours", 5400],
    ["1.1 hours", 3960],
    ["0.5 minutes", 30],
    ["2.50 minutes", 150],
    ["0.25 days", 21600],
  ])("reads %j as %d seconds", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    "",
    "5",
    "minutes",
    "5mins",
    "5 mins",
    "five minutes",
    "-1 minute",
    // Not whole seconds: every API these durations reach takes whole seconds.
    "0.5 seconds",
    "1.01 minutes",
    ".5 hours",
    "1. hours",
    "5 minutes later",
    "1 week",
  ])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("resolveDuration parses once: the given text or the default, nothing while it is a token", () => {
    expect(resolveDuration("1 hour")).toEqual({ given: "1 hour", seconds: 3600 });
    expect(resolveDuration(undefined, "5 minutes")).toEqual({ given: undefined, seconds: 300 });
    expect(resolveDuration(undefined)).toEqual({ given: undefined, seconds: undefined });
    expect(resolveDuration("soon")).toEqual({ given: "soon", seconds: undefined });
    const token = Token.asString(Fn.uuid());
    expect(resolveDuration(token, "1 minute")).toEqual({ given: token, seconds: undefined });
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 seconds"],
    [1, "1 second"],
    [90, "90 seconds"],
    [60, "1 minute"],
    [300, "5 minutes"],
    [3600, "1 hour"],
    [21600, "6 hours"],
    [86400, "1 day"],
    [604800, "7 days"],
  ])("writes %d seconds as %j", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("durationIn", () => {
  const timeout = durationIn({ min: 60, max: 3600 });
  const period = durationIn({ min: 60, max: 21600, step: 60 });
  const cooldown = durationIn({ min: 0 });

  it("accepts durations in range", () => {
    expect(timeout("1 minute")).toBeUndefined();
    expect(timeout("60 minutes")).toBeUndefined();
    expect(period("6 hours")).toBeUndefined();
    expect(cooldown("0 seconds")).toBeUndefined();
    expect(cooldown("2 days")).toBeUndefined();
  });

  it("names the range when a duration is outside it", () => {
    expect(timeout("59 seconds")).toBe('a duration from "1 minute" to "1 hour"');
    expect(timeout("2 hours")).toBe('a duration from "1 minute" to "1 hour"');
    expect(period("90 seconds")).toBe('a duration from "1 minute" to "6 hours" in whole minutes');
  });

  it("explains the format when the text is not a duration", () => {
    expect(cooldown("5m")).toBe(
      'a duration of "0 seconds" or more, written as a number and a unit (second, minute, hour or day, singular or plural) making whole seconds, e.g. "5 minutes" or "1.5 hours"',
    );
  });
});

describe("checkDuration", () => {
  it("refuses tokens: a duration becomes seconds at synth time", () => {
    const problems = new Problems();
    const token = Token.asString(Fn.timestamp());
    checkDuration(problems, "period", token, { min: 60 });
    checkDuration(problems, "other", undefined, { min: 60 });
    checkDuration(problems, "short", "1 second", { min: 60 });
    expect(problems.list).toEqual([
      {
        field: "period",
        value: token,
        allowed: "a literal value known at synth time, not a Terraform expression",
      },
      { field: "short", value: "1 second", allowed: 'a duration of "1 minute" or more' },
    ]);
  });
});
