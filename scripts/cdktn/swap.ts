/**
 * The move from CDK for Terraform to its community fork, CDK Terrain, as a mechanical edit of a project folder:
 * the package renames in package.json and in the code's module names, the exact CDK Terrain versions, and
 * constructs pinned inside CDK Terrain's peer range. `npm run check:cdktn` applies it to a temporary copy and
 * runs the tests there; `node dist/scripts/cdktn/swap.js <folder>` applies it to a checkout (docs/cdk-terrain.md).
 *
 * `@cdktf/provider-time` stays: CDK Terrain publishes no time provider, and the cdktf one works with cdktn (both
 * use the same `Symbol.for("cdktf/...")` keys to recognize their constructs). An npm override gives it cdktn for
 * its `cdktf` peer, so no archived cdktf is installed or loaded (it would load 370 modules more at every synth).
 *
 * A file with the line {@link LEAVE_ALONE} is not edited: this one and its tests, which name the cdktf packages
 * on purpose.
 */
// cdktn-swap: leave this file alone
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Each renamed package: its cdktf name and its CDK Terrain name. */
export const RENAMED_PACKAGES: Readonly<Record<string, string>> = {
  cdktf: "cdktn",
  "cdktf-cli": "cdktn-cli",
  "@cdktf/provider-aws": "@cdktn/provider-aws",
  "@cdktf/provider-random": "@cdktn/provider-random",
  "@cdktf/hcl2json": "@cdktn/hcl2json",
};

/** The exact versions the swapped project installs. */
export const CDKTN_VERSIONS: Readonly<Record<string, string>> = {
  cdktn: "0.24.0",
  "cdktn-cli": "0.24.0",
  // AWS provider 6.66.0 (the cdktf binding 21.22.1 is 6.25.0).
  "@cdktn/provider-aws": "25.7.0",
  // random provider 3.9.1 (the cdktf binding 12.0.1 is 3.7.2).
  "@cdktn/provider-random": "15.0.1",
  "@cdktn/hcl2json": "0.24.0",
  // cdktn 0.24.0 and its providers ask for constructs >=10.6.0 <10.8.0: the newest release in that range.
  constructs: "10.7.2",
};

/** The package that keeps its cdktf name, and what its `cdktf` peer dependency resolves to after the swap. */
export const KEPT_PACKAGE_OVERRIDES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "@cdktf/provider-time": { cdktf: `npm:cdktn@${CDKTN_VERSIONS.cdktn!}` },
};

/** The Node.js versions the CDK Terrain CLI runs on (`cdktn-cli` 0.24.0 declares >= 22.19.0). */
export const CDKTN_NODE_ENGINE = ">=22.19";

/** The line that keeps the swap out of a file. */
export const LEAVE_ALONE = "// cdktn-swap: leave this file alone";

/** The files whose code the swap edits: TypeScript and JavaScript sources and configuration. */
const SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Folders the swap never enters: installed packages, build and synth output, version control. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "cdktf.out", ".git", "coverage"]);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const IMPORTED = Object.keys(RENAMED_PACKAGES).filter((name) => name !== "cdktf-cli");

/**
 * A string literal that names a renamed package or a file in it: `"cdktf"`, `'@cdktf/provider-aws/lib/x'`.
 * Only whole literals: `"cdktf.out"`, `"cdktf.json"` or a comment that mentions cdktf do not match.
 */
const MODULE_NAME = new RegExp(
  `(["'\`])(${IMPORTED.map(escape).join("|")})((?:/[^"'\`\\s]*)?)\\1`,
  "g",
);

/**
 * Renames the packages in a source file's module names (imports, `require`, `require.resolve`, and any other
 * string literal that names the package or a file in it). A `Symbol.for("cdktf/...")` key stays: CDK Terrain
 * kept those keys.
 */
export function swapSource(code: string): string {
  return code.replace(
    MODULE_NAME,
    (literal: string, quote: string, name: string, path: string, offset: number) =>
      code.slice(Math.max(0, offset - "Symbol.for(".length), offset) === "Symbol.for("
        ? literal
        : `${quote}${RENAMED_PACKAGES[name]!}${path}${quote}`,
  );
}

export interface PackageManifest {
  engines?: Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * package.json after the swap: each renamed package replaced by its CDK Terrain name at the exact version,
 * constructs pinned in CDK Terrain's peer range, cdktn for the kept time provider's `cdktf` (npm `overrides`), the
 * `cdktf` command of the scripts replaced by `cdktn`, and the Node.js engine the CDK Terrain CLI needs.
 */
export function swapManifest(manifest: PackageManifest): PackageManifest {
  const swapped: PackageManifest = { ...manifest };
  for (const field of ["dependencies", "devDependencies"] as const) {
    const dependencies = manifest[field];
    if (!dependencies) continue;
    const renamed = Object.entries(dependencies).map(([name, version]): [string, string] => {
      const newName = RENAMED_PACKAGES[name] ?? name;
      return [newName, CDKTN_VERSIONS[newName] ?? version];
    });
    swapped[field] = Object.fromEntries(renamed.sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  const kept = Object.keys(KEPT_PACKAGE_OVERRIDES).filter(
    (name) => manifest.dependencies?.[name] !== undefined,
  );
  if (kept.length > 0) {
    swapped.overrides = {
      ...(manifest.overrides as object | undefined),
      ...Object.fromEntries(kept.map((name) => [name, KEPT_PACKAGE_OVERRIDES[name]])),
    };
  }
  if (manifest.scripts) {
    swapped.scripts = Object.fromEntries(
      Object.entries(manifest.scripts).map(([name, command]) => [
        name,
        command.replace(/(^|[\s;&|(])cdktf(?=\s|$)/g, "$1cdktn"),
      ]),
    );
  }
  if (manifest.engines?.node !== undefined) {
    swapped.engines = { ...manifest.engines, node: CDKTN_NODE_ENGINE };
  }
  return swapped;
}

/** What {@link applySwap} changed. */
export interface SwapReport {
  /** Source files whose module names changed, relative to the folder. */
  readonly sourceFiles: string[];
  /** Dependencies before and after, `name@version`. */
  readonly removed: string[];
  readonly added: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_FOLDERS.has(name) ? [] : sourceFiles(path);
    return SOURCE_FILE.test(name) ? [path] : [];
  });
}

function dependencyList(manifest: PackageManifest): string[] {
  return [manifest.dependencies, manifest.devDependencies].flatMap((deps) =>
    Object.entries(deps ?? {}).map(([name, version]) => `${name}@${version}`),
  );
}

/**
 * Applies the swap to the project in `dir`: its package.json and every source file outside node_modules, dist
 * and cdktf.out, except those marked {@link LEAVE_ALONE}. package-lock.json is left for `npm install` to bring
 * up to date.
 */
export function applySwap(dir: string): SwapReport {
  const manifestFile = join(dir, "package.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as PackageManifest;
  const swapped = swapManifest(manifest);
  writeFileSync(manifestFile, `${JSON.stringify(swapped, null, 2)}\n`);

  const changed: string[] = [];
  for (const file of sourceFiles(dir)) {
    const code = readFileSync(file, "utf8");
    if (code.split("\n").includes(LEAVE_ALONE)) continue;
    const result = swapSource(code);
    if (result !== code) {
      writeFileSync(file, result);
      changed.push(relative(dir, file));
    }
  }
  const before = new Set(dependencyList(manifest));
  const after = new Set(dependencyList(swapped));
  return {
    sourceFiles: changed.sort(),
    removed: [...before].filter((dependency) => !after.has(dependency)),
    added: [...after].filter((dependency) => !before.has(dependency)),
  };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error("Usage: node dist/scripts/cdktn/swap.js <project folder>");
    process.exit(2);
  }
  const report = applySwap(dir);
  console.log(
    `Swapped to CDK Terrain in ${dir}: ${report.sourceFiles.length} source files renamed, ` +
      `dependencies -${report.removed.join(" -")} +${report.added.join(" +")}. Then run npm install.`,
  );
}
