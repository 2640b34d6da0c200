/**
 * scripts/run-typescript.cjs, the app command's runner: it always runs the current source. Each test writes a
 * small entry point into a folder of its own inside the project (where the runner bundles from), under the
 * gitignored .cdktf-app/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT } from "../helpers/app-command";
import { runProcess } from "../helpers/processes";

mkdirSync(join(PROJECT, ".cdktf-app"), { recursive: true });
const folder = mkdtempSync(join(PROJECT, ".cdktf-app", "test-sources-"));

function write(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return relative(PROJECT, join(folder, name));
}

function run(entry: string, ...args: string[]) {
  return spawnSync(process.execPath, ["scripts/run-typescript.cjs", entry, ...args], {
    cwd: PROJECT,
    encoding: "utf8",
  });
}

// The runs of the last two tests start now, beside the first test's runs (each entry has a bundle of its own);
// the file awaits them before it removes their sources.
const throws = runProcess(
  process.execPath,
  [
    "scripts/run-typescript.cjs",
    write("throws.ts", 'function build(): void {\n  throw new Error("boom");\n}\nbuild();\n'),
  ],
  { cwd: PROJECT },
);
const broken = runProcess(
  process.execPath,
  ["scripts/run-typescript.cjs", write("broken.ts", "const x = ;\n")],
  { cwd: PROJECT },
);
afterAll(async () => {
  await Promise.all([throws, broken]);
  rmSync(folder, { recursive: true, force: true });
});

describe("scripts/run-typescript.cjs", () => {
  it("runs an edit on the next run, with no other command; an unchanged source is not bundled again", () => {
    write("value.ts", "export const memorySizeInMb: number = 3072;\n");
    const entry = write(
      "entry.ts",
      'import { memorySizeInMb } from "./value";\nconsole.log(memorySizeInMb, process.argv.slice(2).join(","));\n',
    );
    expect(run(entry, "a", "b").stdout).toBe("3072 a,b\n");
    const bundle = join(PROJECT, ".cdktf-app", "entry.js");
    const built = statSync(bundle).mtimeMs;
    expect(run(entry).stdout).toBe("3072 \n");
    expect(statSync(bundle).mtimeMs).toBe(built);
    write("value.ts", "export const memorySizeInMb: number = 2048;\n");
    expect(run(entry).stdout).toBe("2048 \n");
  });

  it("shows an unexpected error at its TypeScript line, and fails", async () => {
    const result = await throws;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Error: boom\n");
    expect(result.stderr).toContain(
      `at build (${relative(PROJECT, join(folder, "throws.ts"))}:2:9)`,
    );
  });

  it("fails, with esbuild's message, on source it cannot compile", async () => {
    const result = await broken;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Unexpected");
  });
});
