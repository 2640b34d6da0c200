/**
 * Runs a TypeScript entry point of this project from its current source: `node scripts/run-typescript.cjs main.ts`
 * is the app command of cdktf.json, so every cdktf command runs the code as it is now, straight after `npm ci`,
 * without a build step that could be forgotten (type checking stays in `npm test`).
 *
 * esbuild bundles the entry point and the project's own modules into one file, leaving packages as `require`s
 * (`--packages=external`), and this process runs it: the same Terraform JSON as the compiled app, byte for byte
 * (`npm run bench` checks it and measures both). The bundle is written inside the project (`.cdktf-app/`,
 * gitignored), where Node.js finds the packages in node_modules.
 *
 * The bundle records what it was built from: the SHA-1 of every source file esbuild read, the names in their
 * folders and esbuild's version. A run whose sources all hash the same runs it as it is; any other run bundles
 * again (about 45 ms). A bundle is written under a name of its own and renamed into place, so concurrent runs
 * never read a half-written file.
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const { SourceMap } = require("node:module");
const { basename, dirname, join, relative, resolve } = require("node:path");

const PROJECT = resolve(__dirname, "..");
const OUTPUT = join(PROJECT, ".cdktf-app");
const RECORD = "//# cdktf-app-sources=";

function sha1(text) {
  return createHash("sha1").update(text).digest("hex");
}

function esbuildVersion() {
  return JSON.parse(fs.readFileSync(require.resolve("esbuild/package.json"), "utf8")).version;
}

/** What a bundle of `files` (paths relative to the project) depends on, to tell whether it is current. */
function sourcesRecord(files) {
  const folders = [...new Set(files.map((file) => dirname(file)))].sort();
  return {
    esbuild: esbuildVersion(),
    files: Object.fromEntries(
      files.map((file) => [file, sha1(fs.readFileSync(join(PROJECT, file)))]),
    ),
    // A new module beside a source can change what an import resolves to (`./x` to `x.ts` or `x/index.ts`).
    folders: Object.fromEntries(
      folders.map((folder) => [folder, sha1(importable(folder).join("\n"))]),
    ),
  };
}

/** What an import in `folder` could resolve to: modules and folders, not state files, logs or dot folders. */
function importable(folder) {
  return fs
    .readdirSync(join(PROJECT, folder), { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory() ? !entry.name.startsWith(".") : /\.([cm]?[jt]sx?|json)$/.test(entry.name),
    )
    .map((entry) => entry.name)
    .sort();
}

/** True when the bundle at `bundled` was built from the sources as they are now. */
function isCurrent(bundled) {
  let text;
  try {
    text = fs.readFileSync(bundled, "utf8");
  } catch {
    return false;
  }
  const start = text.lastIndexOf(RECORD);
  if (start < 0) return false;
  try {
    const recorded = JSON.parse(text.slice(start + RECORD.length));
    return JSON.stringify(sourcesRecord(Object.keys(recorded.files))) === JSON.stringify(recorded);
  } catch {
    return false; // a source was removed, or the record is damaged
  }
}

/**
 * esbuild's own binary for this platform, run directly: about 15 ms faster than through its JavaScript API,
 * which loads first and then starts the same binary. Undefined where the package is laid out otherwise.
 */
function esbuildBinary() {
  try {
    return require.resolve(`@esbuild/${process.platform}-${process.arch}/bin/esbuild`, {
      paths: [dirname(require.resolve("esbuild/package.json"))],
    });
  } catch {
    return undefined;
  }
}

/** Runs esbuild on `entry` into `outfile`; its metafile, or undefined when it failed (it printed why). */
function build(entry, outfile, { sourcemap = false } = {}) {
  const options = {
    entryPoints: [join(PROJECT, entry)],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    outfile,
    logLevel: "warning",
  };
  const binary = esbuildBinary();
  if (binary === undefined) {
    try {
      return require("esbuild").buildSync({
        ...options,
        absWorkingDir: PROJECT,
        metafile: true,
        sourcemap: sourcemap && "external",
      }).metafile;
    } catch {
      return undefined;
    }
  }
  const metafile = `${outfile}.meta.json`;
  const result = spawnSync(
    binary,
    [
      options.entryPoints[0],
      "--bundle",
      `--platform=${options.platform}`,
      `--target=${options.target}`,
      `--format=${options.format}`,
      `--packages=${options.packages}`,
      `--outfile=${outfile}`,
      `--metafile=${metafile}`,
      `--log-level=${options.logLevel}`,
      ...(sourcemap ? ["--sourcemap=external"] : []),
    ],
    { cwd: PROJECT, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) return undefined;
  const parsed = JSON.parse(fs.readFileSync(metafile, "utf8"));
  fs.rmSync(metafile, { force: true });
  return parsed;
}

/** Bundles `entry` (a path relative to the project) into `.cdktf-app/<name>.js` unless it is current. */
function bundle(entry) {
  const bundled = join(OUTPUT, `${basename(entry).replace(/\.ts$/, "")}.js`);
  if (isCurrent(bundled)) return bundled;
  fs.mkdirSync(OUTPUT, { recursive: true });
  const own = `${bundled}.${process.pid}`;
  const metafile = build(entry, own);
  if (metafile === undefined) return undefined;
  const record = sourcesRecord(Object.keys(metafile.inputs).sort());
  fs.appendFileSync(own, `${RECORD}${JSON.stringify(record)}\n`);
  fs.renameSync(own, bundled);
  return bundled;
}

/**
 * An error's stack with the bundle's lines replaced by the TypeScript lines they come from. The source map is
 * made only now, by bundling the same sources again with one: making it on every run would cost every run.
 */
function sourceStack(error, entry, bundled) {
  const stack = String(error.stack);
  const withMap = `${bundled}.${process.pid}.map.js`;
  let map;
  try {
    if (build(entry, withMap, { sourcemap: true }) === undefined) return stack;
    map = new SourceMap(JSON.parse(fs.readFileSync(`${withMap}.map`, "utf8")));
  } catch {
    return stack;
  } finally {
    fs.rmSync(withMap, { force: true });
    fs.rmSync(`${withMap}.map`, { force: true });
  }
  return stack.replace(/([(\s])([^()\s]+\.js):(\d+):(\d+)/g, (text, before, file, line, column) => {
    if (resolve(file) !== bundled) return text;
    const entryFound = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entryFound || !entryFound.originalSource) return text;
    const source = relative(PROJECT, resolve(OUTPUT, entryFound.originalSource));
    return `${before}${source}:${entryFound.originalLine + 1}:${entryFound.originalColumn + 1}`;
  });
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write("Usage: node scripts/run-typescript.cjs <entry point .ts> [arguments]\n");
  process.exit(2);
}
process.argv.splice(1, 2, join(PROJECT, entry));
const bundled = bundle(entry);
if (bundled === undefined) {
  process.exitCode = 1; // esbuild printed what it could not compile
} else {
  try {
    require(bundled);
  } catch (error) {
    const text = error instanceof Error ? sourceStack(error, entry, bundled) : String(error);
    process.stderr.write(`${text}\n`);
    process.exitCode = 1;
  }
}
