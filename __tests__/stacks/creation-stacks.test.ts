/**
 * cdktf's token creation stacks, off in the app (main.ts) unless SAGEMAKER_CREATION_STACKS=1: the same Terraform,
 * and an error about a token that says how to see them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Lazy } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import {
  CREATION_STACKS_HINT,
  recordCreationStacks,
  withCreationStacksHint,
} from "../../stacks/creation-stacks";
import { runApp } from "../helpers/app-command";
import { synthProject } from "../helpers/project";

// The module's exports object itself, as stacks/creation-stacks.ts changes it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTraceModule = require("cdktf/lib/tokens/private/stack-trace") as {
  captureStackTrace: (below?: unknown) => string[];
  /** CDK Terrain's (docs/cdk-terrain.md). */
  captureCreationStack?: () => string[];
};

/** Runs `record` and gives back cdktf's own function afterwards: the worker's other test files share the module. */
function afterRecording(env: NodeJS.ProcessEnv): { recorded: boolean; stack: readonly string[] } {
  const original = { ...stackTraceModule };
  try {
    const recorded = recordCreationStacks(env);
    return { recorded, stack: Lazy.anyValue({ produce: () => 1 }).creationStack };
  } finally {
    stackTraceModule.captureStackTrace = original.captureStackTrace;
    if (original.captureCreationStack) {
      stackTraceModule.captureCreationStack = original.captureCreationStack;
    }
  }
}

// At collection, awaited by its test (and by the file, so it never outlives the test run).
const appRun = runApp("main.ts", { cli: false });
afterAll(() => appRun);

describe("recordCreationStacks", () => {
  it("turns them off by default: a token records no creation stack", () => {
    expect(afterRecording({})).toEqual({ recorded: false, stack: [] });
  });

  it("keeps them with SAGEMAKER_CREATION_STACKS=1: a token records where it was made", () => {
    const { recorded, stack } = afterRecording({ SAGEMAKER_CREATION_STACKS: "1" });
    expect(recorded).toBe(true);
    expect(stack.some((frame) => frame.includes("creation-stacks.test.ts"))).toBe(true);
  });

  it("is called by main.ts before the stacks are defined", () => {
    const main = readFileSync(join(__dirname, "..", "..", "main.ts"), "utf8");
    expect(main.indexOf("recordCreationStacks(process.env)")).toBeGreaterThan(-1);
    expect(main.indexOf("recordCreationStacks(process.env)")).toBeLessThan(
      main.indexOf("synthesizeApp(defineStacks)"),
    );
  });

  it("changes nothing the app writes: main.ts writes the files the tests' build (stacks on) writes", async () => {
    const run = await appRun;
    expect(run.status, run.stderr).toBe(0);
    const { files } = synthProject();
    expect(Object.keys(files).length).toBe(4);
    for (const [stack, text] of Object.entries(files)) {
      expect(readFileSync(join(run.outdir, "stacks", stack, "cdk.tf.json"), "utf8"), stack).toBe(
        text,
      );
    }
  });
});

describe("withCreationStacksHint", () => {
  it("adds the switch to an error about a token, in its message and in the stack Node.js prints", () => {
    const error = new Error("Found an encoded token that was not resolved");
    expect(withCreationStacksHint(error)).toBe(error);
    expect(error.message).toBe(
      `Found an encoded token that was not resolved\n${CREATION_STACKS_HINT}`,
    );
    expect(error.stack?.split("\n").slice(0, 2)).toEqual([
      "Error: Found an encoded token that was not resolved",
      CREATION_STACKS_HINT,
    ]);
    expect(CREATION_STACKS_HINT).toBe(
      "(cdktf's token creation stacks are off for speed: run again with SAGEMAKER_CREATION_STACKS=1 to see in this message where each token was made)",
    );
  });

  it("leaves other errors, and what is not an error, as they are", () => {
    const error = new Error("ENOENT: no such file or directory");
    expect(withCreationStacksHint(error)).toBe(error);
    expect(error.message).toBe("ENOENT: no such file or directory");
    expect(withCreationStacksHint("a string")).toBe("a string");
  });
});
