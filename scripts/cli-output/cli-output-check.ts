/**
 * What `cdktf synth` prints for an app with invalid input, as a user sees it (`npm run check:cli-output`): each
 * problem once, no JavaScript stack trace, no dumped error object, a failing exit code. The app is
 * `invalid-app.ts`, run through cdktf.json's app command in a temporary project, by the project's cdktf CLI.
 *
 * A script of its own rather than a test: the test suite also runs on CDK Terrain (`npm run check:cdktn`), whose
 * CLI needs a newer Node.js than this project's.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The error the invalid app's input gets, line by line. */
export const EXPECTED_ERROR = [
  "ERROR [sagemaker-serverless/embedding]: Invalid configuration for 'sagemaker-serverless/embedding' (2 problems):",
  "  - memorySizeInMB: got 2500; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
  "  - maxConcurrency: got 0; allowed: a whole number from 1 to 200",
] as const;

/** The lines of the CLI's output a person reads: without colours and the spinner's frames. */
export function readLines(output: string): string[] {
  return output
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, "") // eslint-disable-line no-control-regex
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "" && !/^[⠀-⣿]\s+\w+$/.test(line));
}

/** What is wrong with the output of a failed synth of the invalid app; empty when it reads as it should. */
export function outputProblems(output: string, status: number | null): string[] {
  const lines = readLines(output);
  const problems: string[] = [];
  if (status === 0 || status === null)
    problems.push(`exit code ${String(status)}, expected a failure`);
  const start = lines.indexOf(EXPECTED_ERROR[0]);
  if (start < 0 || EXPECTED_ERROR.some((line, i) => lines[start + i] !== line)) {
    problems.push("the error is not printed as the construct's list of problems");
  }
  for (const line of EXPECTED_ERROR.slice(1)) {
    const count = lines.filter((printed) => printed.includes(line.trim())).length;
    if (count !== 1) problems.push(`'${line.trim()}' printed ${count} times`);
  }
  if (lines.some((line) => /^\s+at /.test(line)))
    problems.push("a JavaScript stack trace is printed");
  if (lines.some((line) => line.includes("problems: [")))
    problems.push("the error object is dumped");
  return problems;
}

/** Runs `cdktf synth` on the invalid app, in a temporary project that uses `project`'s app command and CLI. */
export function synthInvalidApp(project: string): { output: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), "cli-output-"));
  try {
    const { app } = JSON.parse(readFileSync(join(project, "cdktf.json"), "utf8")) as {
      app: string;
    };
    const invalidApp = app
      .replace(" main.ts", " scripts/cli-output/invalid-app.ts")
      .replace("scripts/run-typescript.cjs", join(project, "scripts", "run-typescript.cjs"));
    writeFileSync(
      join(dir, "cdktf.json"),
      JSON.stringify({ language: "typescript", app: invalidApp, sendCrashReports: "false" }),
    );
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1" };
    delete env.TF_CLI_CONFIG_FILE;
    const result = spawnSync(join(project, "node_modules", ".bin", "cdktf"), ["synth"], {
      cwd: dir,
      encoding: "utf8",
      env,
    });
    return { output: `${result.stdout}\n${result.stderr}`, status: result.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
