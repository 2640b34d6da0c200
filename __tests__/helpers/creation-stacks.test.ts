/**
 * The test workers take cdktf's token creation stacks without Vite's source-map interceptor (creation-stacks.ts,
 * installed by setup.ts), and every other stack trace with it.
 */
import { readFileSync } from "node:fs";
import { Lazy } from "cdktf";
import { afterEach, describe, expect, it } from "vitest";

const installed = Error.prepareStackTrace;
let calls = 0;

/** Counts the calls of the installed `Error.prepareStackTrace` (Vite's interceptor) from now on in a test. */
function countPrepareCalls(): void {
  calls = 0;
  Error.prepareStackTrace = (error, frames) => {
    calls += 1;
    return installed!(error, frames);
  };
}

afterEach(() => {
  Error.prepareStackTrace = installed;
});

/** The stack trace a token cdktf makes here records. */
function madeHere(): string[] {
  const token = Lazy.anyValue({ produce: () => "value" }) as unknown as { creationStack: string[] };
  return token.creationStack;
}

/** This file's line that holds `text`, from 1. */
function lineOf(text: string): number {
  return (
    readFileSync(__filename, "utf8")
      .split("\n")
      .findIndex((line) => line.includes(text)) + 1
  );
}

describe("stack traces in the test workers", () => {
  it("run through Vite's interceptor, which maps a trace to its TypeScript lines", () => {
    expect(installed).toBeTypeOf("function");
  });

  it("of a token cdktf makes are taken without it, every frame from where the token was made down", () => {
    countPrepareCalls();
    const stack = madeHere();
    expect(calls).toBe(0);
    // cdktf's own frames first (the constructor that takes the trace is the first frame), then this file's.
    expect(stack[0]).toMatch(
      /^new \w+ \(.*\/node_modules\/cdkt[fn]\/lib\/tokens\/lazy\.js:\d+:\d+\)$/,
    );
    expect(stack.find((frame) => frame.startsWith("madeHere "))).toMatch(
      /^madeHere \(.*\/__tests__\/helpers\/creation-stacks\.test\.ts:\d+:\d+\)$/,
    );
  });

  it("of anything else, a failing test's, still go through it, at the TypeScript line", () => {
    countPrepareCalls();
    const stack = new Error("boom").stack;
    expect(calls).toBe(1);
    expect(stack?.split("\n").slice(0, 2)).toEqual([
      "Error: boom",
      expect.stringMatching(
        new RegExp(
          `^ {4}at .*/__tests__/helpers/creation-stacks\\.test\\.ts:${lineOf('new Error("boom")')}:\\d+\\)?$`,
        ),
      ),
    ]);
  });
});
