/**
 * A construct's ValidationError, as users see it: printed once, as its list of problems, without a JavaScript
 * stack trace, and the command fails. The app runs as cdktf runs it (cdktf.json's app command, through a shell,
 * with the CLI's environment); `npm run check:cli-output` (CI) runs it through the cdktf CLI itself.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runApp } from "../helpers/app-command";

const PROBLEMS = [
  "Invalid configuration for 'sagemaker-serverless/embedding' (2 problems):",
  "  - memorySizeInMB: got 2500; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
  "  - maxConcurrency: got 0; allowed: a whole number from 1 to 200",
];
const FIXTURE = "scripts/cli-output/invalid-app.ts";

interface Manifest {
  stacks: Record<
    string,
    {
      synthesizedStackPath: string;
      annotations: {
        constructPath: string;
        level: string;
        message: string;
        stacktrace?: string[];
      }[];
    }
  >;
}

// Both runs at once, each awaited by its tests (and here, so none outlives the file's temp folder).
const runDirectly = runApp(FIXTURE, { cli: false });
const runByCli = runApp(FIXTURE);
afterAll(() => Promise.all([runDirectly, runByCli]));

describe("the app command, run directly", () => {
  it("prints the problems once to stderr, with no stack trace, and exits with 1", async () => {
    const run = await runDirectly;
    expect(run.stderr).toBe(`${PROBLEMS.join("\n")}\n`);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
    expect(existsSync(join(run.outdir, "manifest.json"))).toBe(false);
    expect(readdirSync(join(run.outdir, "stacks"))).toEqual([]);
  });
});

describe("the app command, run by the cdktf CLI", () => {
  const manifestOf = async (run: Promise<{ outdir: string }>) =>
    JSON.parse(readFileSync(join((await run).outdir, "manifest.json"), "utf8")) as Manifest;

  it("reports the problems as one error annotation at the construct's path, without a stack trace", async () => {
    const run = await runByCli;
    const manifest = await manifestOf(runByCli);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(manifest.stacks["sagemaker-serverless"]?.annotations).toEqual([
      {
        constructPath: "sagemaker-serverless/embedding",
        level: "@cdktf/error",
        message: PROBLEMS.join("\n"),
      },
    ]);
  });

  it("records no stack trace for any annotation (the policy findings included)", async () => {
    const manifest = await manifestOf(runByCli);
    const annotations = Object.values(manifest.stacks).flatMap((stack) => stack.annotations);
    expect(annotations.map((annotation) => annotation.level)).toEqual([
      "@cdktf/info",
      "@cdktf/error",
    ]);
    expect(annotations.filter((annotation) => annotation.stacktrace !== undefined)).toEqual([]);
  });

  it("writes the stacks defined before it, and nothing of the invalid one but its own state path", async () => {
    const run = await runByCli;
    const manifest = await manifestOf(runByCli);
    expect(Object.keys(manifest.stacks)).toEqual(["iam", "sagemaker-serverless"]);
    const invalid = JSON.parse(
      readFileSync(
        join(run.outdir, manifest.stacks["sagemaker-serverless"]!.synthesizedStackPath),
        "utf8",
      ),
    ) as Record<string, unknown>;
    expect(Object.keys(invalid).sort()).toEqual(["//", "terraform"]);
    expect(invalid.terraform).toEqual({ backend: { local: { path: "not-synthesized.tfstate" } } });
  });
});
