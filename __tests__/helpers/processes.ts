/**
 * Child processes for the tests that run one (the app command, a fresh Node.js): started without blocking the
 * worker, so that a test file can start all of its processes at once, at collection, and await each in its own
 * test. On a 2-core machine they then run side by side instead of one after the other.
 */
import { spawn } from "node:child_process";

export interface ProcessRun {
  /** The exit code; null when the process could not start or was killed. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProcessOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run `command` through a shell, as the cdktf CLI runs the app command. */
  readonly shell?: boolean;
}

/**
 * Runs `command` to its end. Never rejects: a process that cannot start has status null and the reason in
 * stderr, so a promise started at collection cannot become an unhandled rejection before its test awaits it.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  { cwd, env, shell = false }: ProcessOptions = {},
): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const child = spawn(command, args, { cwd, env, shell, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString("utf8");
    child.on("error", (error) =>
      resolve({ status: null, stdout: text(stdout), stderr: `${text(stderr)}${error.message}` }),
    );
    child.on("close", (status) => resolve({ status, stdout: text(stdout), stderr: text(stderr) }));
  });
}
