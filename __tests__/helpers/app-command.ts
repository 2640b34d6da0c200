/**
 * The app command of cdktf.json, run as the cdktf CLI runs it: through a shell, in the project folder, with the
 * environment the CLI gives it (`@cdktf/cli-core` SynthStack.synth).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runProcess, type ProcessRun } from "./processes";

export const PROJECT = resolve(__dirname, "..", "..");

/** cdktf.json's `app`, with another entry point in place of main.ts when `entry` is given. */
export function appCommand(entry = "main.ts"): string {
  const { app } = JSON.parse(readFileSync(join(PROJECT, "cdktf.json"), "utf8")) as { app: string };
  if (!app.includes(" main.ts")) throw new Error(`cdktf.json's app does not run main.ts: ${app}`);
  return app.replace(" main.ts", ` ${entry}`);
}

export interface AppRun extends ProcessRun {
  readonly outdir: string;
}

/**
 * Runs the app command; `cli: false` runs it as a person would, without the CLI's environment. Starts it at once
 * and never rejects (processes.ts): start the runs a test file needs when it is collected, await each in its test.
 */
export async function runApp(
  entry = "main.ts",
  { cli = true, env = {} }: { cli?: boolean; env?: Record<string, string> } = {},
): Promise<AppRun> {
  const outdir = mkdtempSync(join(tmpdir(), "app-run-"));
  const cliEnv = cli
    ? {
        CDKTF_OUTDIR: outdir,
        CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: "true",
        CDKTF_CONTEXT_JSON: JSON.stringify({ cdktfRelativeModules: [] }),
        SYNTH_HCL_OUTPUT: "false",
      }
    : { CDKTF_OUTDIR: outdir };
  const inherited = { ...process.env };
  delete inherited.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  delete inherited.SYNTH_HCL_OUTPUT;
  const run = await runProcess(appCommand(entry), [], {
    shell: true,
    cwd: PROJECT,
    env: { ...inherited, CHECKPOINT_DISABLE: "1", ...cliEnv, ...env },
  });
  return { ...run, outdir };
}
