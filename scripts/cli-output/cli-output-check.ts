/**
 * What `cdktf synth` prints for an app with invalid input, as a user sees it (`npm run check:cli-output`): each
 * problem once, no JavaScript stack trace, no dumped error object, a failing exit code. The app is
 * `invalid-app.ts`, run through cdktf.json's app command in a temporary project, by the project's cdktf CLI. And what
 * such a synth leaves of the last one (`synthInvalidAfterValid`): the folders of the stacks it does not define, with
 * their `.terraform`, as they were (stacks/last-synthesis.ts).
 *
 * A script of its own rather than a test: the test suite also runs on CDK Terrain (`npm run check:cdktn`), whose
 * CLI needs a newer Node.js than this project's.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** The folder of every stack of the project (stacks/app.ts), in the order the app defines them. */
export const PROJECT_STACKS = [
  "iam",
  "sagemaker-serverless",
  "ml-module",
  "sagemaker-provisioned",
] as const;

/** A file of the user's in the last stack's `.terraform`, where `cdktf deploy` keeps the providers it downloaded. */
export const MARKER = "stacks/sagemaker-provisioned/.terraform/marker";

export interface SynthRun {
  readonly output: string;
  readonly status: number | null;
}

/** Runs `cdktf synth` on the invalid app, in a temporary project that uses `project`'s app command and CLI. */
export function synthInvalidApp(project: string): SynthRun {
  return inTemporaryProject((dir) => {
    useEntry(project, dir, INVALID_APP);
    return cdktf(project, dir, ["synth"]);
  });
}

/**
 * The project synthesized (main.ts), a marker added in the last stack's `.terraform`, then the invalid app
 * synthesized in the same folder, in one format (`--hcl` or not): the failing synth, and what it changed of what the
 * first one wrote (`changedFiles`) for the stacks from the invalid one on, which the invalid app does not define.
 */
export function synthInvalidAfterValid(
  project: string,
  hcl: boolean,
): SynthRun & { readonly changed: string[] } {
  return inTemporaryProject((dir) => {
    const args = hcl ? ["synth", "--hcl"] : ["synth"];
    useEntry(project, dir, "main.ts");
    const valid = cdktf(project, dir, args);
    if (valid.status !== 0) {
      return { ...valid, changed: [`the first synth failed (exit code ${String(valid.status)})`] };
    }
    const outdir = join(dir, "cdktf.out");
    mkdirSync(join(outdir, MARKER, ".."), { recursive: true });
    writeFileSync(join(outdir, MARKER), "the AWS provider");
    const files = [
      MARKER,
      ...PROJECT_STACKS.slice(1).flatMap((stack) =>
        (hcl ? ["cdk.tf", "metadata.json"] : ["cdk.tf.json"]).map(
          (file) => `stacks/${stack}/${file}`,
        ),
      ),
    ];
    const before = readFiles(outdir, files);
    useEntry(project, dir, INVALID_APP);
    const invalid = cdktf(project, dir, args);
    return { ...invalid, changed: changedFiles(before, readFiles(outdir, files)) };
  });
}

/** The files of `before` (path to content) that are missing or differ in `after`, each with what happened. */
export function changedFiles(
  before: Readonly<Record<string, string | undefined>>,
  after: Readonly<Record<string, string | undefined>>,
): string[] {
  return Object.entries(before).flatMap(([path, content]) => {
    if (content === undefined) return [`${path} was not written by the first synth`];
    if (after[path] === undefined) return [`${path} was removed`];
    return after[path] === content ? [] : [`${path} was changed`];
  });
}

const INVALID_APP = "scripts/cli-output/invalid-app.ts";

function inTemporaryProject<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "cli-output-"));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the temporary project's cdktf.json: `project`'s app command, on `entry` in place of main.ts. */
function useEntry(project: string, dir: string, entry: string): void {
  const { app } = JSON.parse(readFileSync(join(project, "cdktf.json"), "utf8")) as { app: string };
  const command = app
    .replace(" main.ts", ` ${entry}`)
    .replace("scripts/run-typescript.cjs", join(project, "scripts", "run-typescript.cjs"));
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: command, sendCrashReports: "false" }),
  );
}

/** `project`'s cdktf CLI, run in `dir`. */
function cdktf(project: string, dir: string, args: readonly string[]): SynthRun {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1" };
  delete env.TF_CLI_CONFIG_FILE;
  const result = spawnSync(join(project, "node_modules", ".bin", "cdktf"), args, {
    cwd: dir,
    encoding: "utf8",
    env,
  });
  return { output: `${result.stdout}\n${result.stderr}`, status: result.status };
}

function readFiles(outdir: string, paths: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(
    paths.map((path) => [
      path,
      existsSync(join(outdir, path)) ? readFileSync(join(outdir, path), "utf8") : undefined,
    ]),
  );
}
