/**
 * Gives the whole run a temp folder of its own and fails the run when the suite leaves anything behind in it,
 * or Terraform state files in the project.
 *
 * Test workers inherit TMPDIR from here, so every `cdktf.outdir.*` folder cdktf creates lands in this run's
 * folder (setup.ts then narrows it to one folder per test file and removes that). Other processes on the
 * machine writing to the system temp dir cannot make the check fail.
 *
 * It also clears the state backend variables (`SAGEMAKER_STATE_*`, stacks/state-backend.ts) of the shell that runs
 * the tests: the suite asserts the default local state, and the tests that need a backend set their own.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function stateFiles(): string[] {
  return readdirSync(process.cwd()).filter((name) => /^terraform\..*\.tfstate/.test(name));
}

export default function setup(): () => void {
  const stateVariables = Object.entries(process.env).filter(([name]) =>
    name.startsWith("SAGEMAKER_STATE_"),
  );
  for (const [name] of stateVariables) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- process.env is keyed by variable name
    delete process.env[name];
  }
  const originalTmpdir = process.env.TMPDIR;
  const runTmpdir = mkdtempSync(join(tmpdir(), "sagemaker-cdktf-run-"));
  process.env.TMPDIR = runTmpdir;
  const stateBefore = new Set(stateFiles());

  return () => {
    for (const [name, value] of stateVariables) process.env[name] = value;
    if (originalTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = originalTmpdir;
    const left = [
      ...readdirSync(runTmpdir).map((name) => join(runTmpdir, name)),
      ...stateFiles().filter((name) => !stateBefore.has(name)),
    ];
    rmSync(runTmpdir, { recursive: true, force: true });
    if (left.length > 0) {
      // Vitest only logs an error thrown from a global teardown and still exits 0: set the exit code too.
      process.exitCode = 1;
      const perFile = left.every((path) => path.includes("sagemaker-cdktf-test-"));
      const hint = perFile
        ? "\n(Only per-file temp folders: a test file probably failed before its cleanup could run.)"
        : "";
      throw new Error(`The test suite left files behind:\n  ${left.join("\n  ")}${hint}`);
    }
  };
}
