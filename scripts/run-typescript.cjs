/**
 * Runs a TypeScript entry point of this project from its current source: `node scripts/run-typescript.cjs main.ts`
 * is the app command of cdktf.json, so every cdktf command runs the code as it is now, straight after `npm ci`,
 * without a build step that could be forgotten (type checking stays in `npm test`).
 *
 * esbuild bundles the entry point and the project's own modules into one file, leaving packages as `require`s
 * (`packages: "external"`), and this process runs it: the same Terraform JSON as the compiled app, byte for
 * byte (`npm run bench` measures both). The bundle is written inside the project (`.cdktf-app/`, gitignored),
 * where Node.js finds the packages in node_modules.
 *
 * The bundle records what it was built from: the SHA-1 of every source file esbuild read, the names in their
 * folders and esbuild's version. A run whose sources all hash the same runs it as it is; any other run bundles
 * again (about 60 ms). A bundle is written under a name of its own and renamed into place, so concurrent runs
 * never read a half-written file.
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
"use strict";
const { createHash } = require("node:crypto");
const { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { SourceMap } = require("node:module");
const { basename, dirname, join, relative, resolve } = require("node:path");

const PROJECT = resolve(__dirname, "..");
const OUTPUT = join(PROJECT, ".cdktf-app");
const RECORD = "//# cdktf-app-sources=";

function sha1(text) {
  return createHash("sha1").update(text).digest("hex");
}

/** What a bundle of `files` (paths relative to the project) depends on, to tell whether it is current. */
function sourcesRecord(files, esbuildVersion) {
  const folders = [...new Set(files.map((file) => dirname(file)))].sort();
  return {
    esbuild: esbuildVersion,
    files: Object.fromEntries(files.map((file) => [file, sha1(readFileSync(join(PROJECT, file)))])),
    // A new file beside a source can change what an import resolves to.
    folders: Object.fromEntries(
      folders.map((folder) => [folder, sha1(readdirSync(join(PROJECT, folder)).sort().join("\n"))]),
    ),
  };
}

/** True when the bundle at `bundled` was built from the sources as they are now. */
function isCurrent(bundled) {
  let text;
  try {
    text = readFileSync(bundled, "utf8");
  } catch {
    return false;
  }
  const start = text.lastIndexOf(RECORD);
  if (start < 0) return false;
  try {
    const recorded = JSON.parse(text.slice(start + RECORD.length));
    const esbuildVersion = JSON.parse(
      readFileSync(require.resolve("esbuild/package.json"), "utf8"),
    ).version;
    const current = sourcesRecord(Object.keys(recorded.files), esbuildVersion);
    return JSON.stringify(current) === JSON.stringify(recorded);
  } catch {
    return false; // a source was removed, or the record is damaged
  }
}

/** Bundles `entry` (a path relative to the project) into `.cdktf-app/<name>.js` unless it is current. */
async function bundle(entry) {
  const name = basename(entry).replace(/\.ts$/, "");
  const bundled = join(OUTPUT, `${name}.js`);
  if (isCurrent(bundled)) return bundled;
  const esbuild = require("esbuild");
  mkdirSync(OUTPUT, { recursive: true });
  let result;
  try {
    // The asynchronous API: 25-30 ms faster than buildSync here, which starts an esbuild process of its own.
    result = await esbuild.build({
      absWorkingDir: PROJECT,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      // Beside the bundle, read only to show an unexpected error at its TypeScript lines.
      sourcemap: "external",
      metafile: true,
      write: false,
      outfile: bundled,
      logLevel: "warning",
    });
  } finally {
    esbuild.stop();
  }
  const record = sourcesRecord(Object.keys(result.metafile.inputs).sort(), esbuild.version);
  for (const output of result.outputFiles) {
    const text = output.path.endsWith(".map")
      ? output.text
      : `${output.text}${RECORD}${JSON.stringify(record)}\n`;
    const own = `${output.path}.${process.pid}`;
    writeFileSync(own, text);
    renameSync(own, output.path);
  }
  return bundled;
}

/** An error's stack with the bundle's lines replaced by the TypeScript lines they come from. */
function sourceStack(error, bundled) {
  const stack = String(error.stack);
  let map;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${bundled}.map`, "utf8")));
  } catch {
    return stack;
  }
  return stack.replace(/([(\s])([^()\s]+\.js):(\d+):(\d+)/g, (text, before, file, line, column) => {
    if (resolve(file) !== bundled) return text;
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !entry.originalSource) return text;
    const source = relative(PROJECT, resolve(OUTPUT, entry.originalSource));
    return `${before}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write("Usage: node scripts/run-typescript.cjs <entry point .ts> [arguments]\n");
  process.exit(2);
}
process.argv.splice(1, 2, join(PROJECT, entry));
bundle(entry).then(
  (bundled) => {
    try {
      require(bundled);
    } catch (error) {
      process.stderr.write(
        `${error instanceof Error ? sourceStack(error, bundled) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
  // esbuild has printed what it could not compile.
  () => {
    process.exitCode = 1;
  },
);
