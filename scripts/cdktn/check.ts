/**
 * `npm run check:cdktn`: proves the way from CDK for Terraform (archived upstream) to its community fork, CDK
 * Terrain. It copies the project to a temporary folder, applies the swap there (swap.ts: package renames, exact
 * CDK Terrain versions, constructs in cdktn's peer range), installs from the npm registry, and runs the project's
 * test suite (`npm test`: lint, type check, Vitest) on it. Nothing in the project itself changes.
 *
 *   node dist/scripts/cdktn/check.js [--keep]
 *
 * The CDK Terrain CLI (`cdktn-cli` 0.24.0) needs Node.js >= 22.19; on older Node it is installed but not run, so
 * the check covers the library and the tests, not `cdktn synth`. --keep leaves the copy in place (it is kept
 * anyway when a step fails).
 */
// cdktn-swap: leave this file alone
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { applySwap, CDKTN_VERSIONS } from "./swap";

const PROJECT = resolve(__dirname, "..", "..", "..");
/** Never copied: installed packages, build and synth output, test and benchmark output, local state. */
const NOT_COPIED = new Set([
  "node_modules",
  "dist",
  "cdktf.out",
  ".git",
  "coverage",
  "bench-results",
]);

/** The project's files as git sees them (tracked, and untracked but not ignored), or every file but NOT_COPIED. */
function projectFiles(): string[] {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: PROJECT,
    encoding: "utf8",
  });
  if (git.status === 0) {
    return git.stdout.split("\0").filter((file) => file !== "" && existsSync(join(PROJECT, file)));
  }
  return [];
}

function copyProject(to: string): number {
  const files = projectFiles();
  if (files.length === 0) {
    cpSync(PROJECT, to, {
      recursive: true,
      filter: (source) =>
        !NOT_COPIED.has(source.slice(PROJECT.length + 1).split("/")[0] ?? "") &&
        !/terraform\..*\.tfstate/.test(source),
    });
    return -1;
  }
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(PROJECT, file), join(to, file));
  }
  return files.length;
}

function run(command: string, args: readonly string[], options: SpawnSyncOptions): void {
  const result = spawnSync(command, [...args], { stdio: "inherit", ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}

/** The name and version of the package installed at node_modules/`name` in `dir`, if any. */
function installed(dir: string, name: string): string {
  const manifest = join(dir, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return "not installed";
  const { name: real, version } = JSON.parse(readFileSync(manifest, "utf8")) as {
    name: string;
    version: string;
  };
  return `${real}@${version}`;
}

/** What `npm install` put in `dir` that the swap did not ask for. */
function installProblems(dir: string): string[] {
  const problems = Object.entries(CDKTN_VERSIONS)
    .filter(([name, version]) => installed(dir, name) !== `${name}@${version}`)
    .map(([name, version]) => `${name}: ${installed(dir, name)}, expected ${version}`);
  // The time provider's `cdktf` is cdktn under that name (an npm alias): the archived package is gone.
  const core = installed(dir, "cdktf");
  if (core !== "not installed" && core !== `cdktn@${CDKTN_VERSIONS.cdktn!}`) {
    problems.push(`cdktf: ${core}, expected only the npm alias of cdktn`);
  }
  return problems;
}

function main(): void {
  const keep = process.argv.includes("--keep");
  const dir = mkdtempSync(join(tmpdir(), "cdktn-check-"));
  const timings: [string, number][] = [];
  const step = <T>(name: string, action: () => T): T => {
    const start = performance.now();
    console.log(`\n== cdktn check: ${name}`);
    const result = action();
    timings.push([name, (performance.now() - start) / 1000]);
    return result;
  };
  const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
  let passed = false;
  try {
    const copied = step("copy", () => copyProject(dir));
    console.log(`${copied < 0 ? "All" : copied} project files copied to ${dir}`);
    const report = step("swap", () => applySwap(dir));
    console.log(`Renamed module names in ${report.sourceFiles.length} source files.`);
    console.log(`Dependencies removed: ${report.removed.join(", ")}`);
    console.log(`Dependencies added:   ${report.added.join(", ")}`);
    step("npm install", () =>
      run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir, env }),
    );
    const problems = installProblems(dir);
    if (problems.length > 0) {
      throw new Error(`Installed packages differ:\n  ${problems.join("\n  ")}`);
    }
    step("npm test", () => run("npm", ["test"], { cwd: dir, env }));
    passed = true;
  } finally {
    const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
    const parts = timings.map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(", ");
    console.log(
      `\ncdktn check ${passed ? "passed" : "FAILED"} in ${total.toFixed(1)} s (${parts}) on Node.js ` +
        `${process.versions.node}: cdktn ${CDKTN_VERSIONS.cdktn!}, library and test suite (the cdktn CLI, which ` +
        "needs Node.js >= 22.19, is not run).",
    );
    if (passed && !keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`The swapped copy is in ${dir}`);
  }
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
