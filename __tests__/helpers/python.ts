/**
 * Runs python3, for the tests of the iris sample (sample-model/): they need python3 3.8 or newer on PATH, with its
 * standard library only.
 */
import { spawnSync } from "node:child_process";

export interface PythonRun {
  readonly stdout: string;
  readonly stderr: string;
}

/** `python3 -B <args>` (no bytecode files left behind), failing with its stderr unless it exits 0. */
export function python3(
  args: readonly string[],
  options: { readonly input?: string; readonly env?: Readonly<Record<string, string>> } = {},
): PythonRun {
  const result = spawnSync("python3", ["-B", ...args], {
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });
  if (result.error) {
    throw new Error(
      `python3 could not run (${result.error.message}): the sample model's tests need python3 3.8 or newer on PATH.`,
    );
  }
  if (result.status !== 0) {
    throw new Error(`python3 ${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}
