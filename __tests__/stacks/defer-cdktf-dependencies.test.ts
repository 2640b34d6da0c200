/**
 * The deferral in a fresh Node process, as the app command runs it: this suite's own process loaded cdktf
 * long ago. The two source files are compiled to CommonJS with esbuild (as the app command's runner does) into a
 * temp folder for those processes, which all start at once, when the file is collected.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { transformSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { CDKTF_DEFERRED_DEPENDENCIES } from "../../stacks/defer-cdktf-dependencies";
import { runApp } from "../helpers/app-command";
import { runProcess } from "../helpers/processes";

const REPO = resolve(__dirname, "../..");
const SOURCES = ["stacks/defer-cdktf-dependencies.ts", "modules/core/deferred-dependencies.ts"];

const installed = JSON.parse(readFileSync(require.resolve("cdktf/package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
};

/**
 * Which of the deferred dependencies each release of the CDK package declares: cdktf 0.21.0, which ships, and
 * CDK Terrain's cdktn 0.24.0, which `npm run check:cdktn` installs (it zips assets with fflate, in process).
 */
const DECLARED_BY_RELEASE: Readonly<Record<string, readonly string[]>> = {
  "0.21.0": ["archiver", "semver"],
  "0.24.0": ["semver"],
};
const declared = DECLARED_BY_RELEASE[installed.version];

interface ChildReport {
  loadedWithCdktf: string[];
  loadedAfterSynth: string[];
  archive: string;
}

/** The deferral's two source files, compiled, and a directory to zip as an asset. */
const root = mkdtempSync(join(tmpdir(), "defer-"));
for (const source of SOURCES) {
  const { code } = transformSync(readFileSync(join(REPO, source), "utf8"), {
    loader: "ts",
    format: "cjs",
    target: "es2022",
  });
  const target = join(root, source.replace(/\.ts$/, ".js"));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
}
mkdirSync(join(root, "model"));
writeFileSync(join(root, "model", "inference.py"), "print('hello')\n");

/** Loads cdktf in a new process, with or without the deferral first, and synthesizes a directory asset. */
async function synthInFreshProcess(deferFirst: boolean): Promise<ChildReport> {
  const name = deferFirst ? "deferred" : "not-deferred";
  const outdir = join(root, `${name}-out`);
  writeFileSync(
    join(root, `${name}.js`),
    `${deferFirst ? 'require("./stacks/defer-cdktf-dependencies");' : ""}
     const watched = ${JSON.stringify(declared)};
     // The stand-in sits in the module cache under the entry point's name; both packages' entry points
     // require more files of their own, so any other file of theirs in the cache means the real one ran.
     const loaded = () => watched.filter((name) => {
       const entry = require.resolve(name, { paths: [require.resolve("cdktf/package.json")] });
       return Object.keys(require.cache).some((file) => file !== entry && file.includes("/node_modules/" + name + "/"));
     });
     const { App, AssetType, TerraformAsset, TerraformStack } = require("cdktf");
     const loadedWithCdktf = loaded();
     const app = new App({ outdir: ${JSON.stringify(outdir)} });
     const asset = new TerraformAsset(new TerraformStack(app, "s"), "model", {
       path: ${JSON.stringify(join(root, "model"))}, type: AssetType.ARCHIVE });
     app.synth();
     const archive = require("path").join(${JSON.stringify(join(outdir, "stacks", "s"))}, asset.path);
     console.log(JSON.stringify({ loadedWithCdktf, loadedAfterSynth: loaded(), archive }));`,
  );
  const run = await runProcess(process.execPath, [join(root, `${name}.js`)], {
    cwd: root,
    env: { ...process.env, NODE_PATH: join(REPO, "node_modules"), CHECKPOINT_DISABLE: "1" },
  });
  if (run.status !== 0)
    throw new Error(`node ${name}.js exited with ${run.status}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ChildReport;
}

/** A promise started now and awaited later, settled at once: its failure is its test's, not an unhandled rejection. */
function started<T>(promise: Promise<T>): () => Promise<T> {
  const settled = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return async () => {
    const result = await settled;
    if ("error" in result) throw result.error;
    return result.value;
  };
}

/** The app command, main.ts, with a probe that lists every module the process loaded. */
const probe = join(mkdtempSync(join(tmpdir(), "probe-")), "probe.js");
const loadedByApp = `${probe}.json`;
writeFileSync(
  probe,
  `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(loadedByApp)}, JSON.stringify(Object.keys(require.cache))));`,
);

// Every process at once; each test awaits its own, and the file awaits them all before its temp folder goes.
const withoutDeferral = started(synthInFreshProcess(false));
const withDeferral = started(synthInFreshProcess(true));
const appRun = runApp("main.ts", { env: { NODE_OPTIONS: `--require ${probe}` } });
afterAll(() => Promise.allSettled([withoutDeferral(), withDeferral(), appRun]));

describe("stacks/defer-cdktf-dependencies", () => {
  it("names dependencies the installed CDK package declares", () => {
    expect(
      declared,
      `no entry for release ${installed.version} in DECLARED_BY_RELEASE`,
    ).toBeDefined();
    expect(CDKTF_DEFERRED_DEPENDENCIES.filter((name) => name in installed.dependencies)).toEqual(
      declared,
    );
  });

  it("without it, loading cdktf loads those dependencies", async () => {
    expect((await withoutDeferral()).loadedWithCdktf).toEqual(declared);
  });

  it("keeps them out of a synth, and cdktf still zips a directory asset (in its own child process)", async () => {
    const report = await withDeferral();
    expect(report.loadedWithCdktf).toEqual([]);
    expect(report.loadedAfterSynth).toEqual([]);
    expect(readFileSync(report.archive).subarray(0, 4)).toEqual(
      Buffer.from("PK\x03\x04", "latin1"),
    );
  });

  it("is what main.ts imports first, before anything that loads cdktf", () => {
    const imports = [
      ...readFileSync(join(REPO, "main.ts"), "utf8").matchAll(/^import .*"(.+)";$/gm),
    ];
    expect(imports.map((match) => match[1])).toEqual([
      "./stacks/defer-cdktf-dependencies",
      "./stacks/app",
      "./stacks/creation-stacks",
      "./stacks/synthesize-app",
    ]);
  });

  it("still works in the bundle cdktf.json's app command runs, which holds every module of this project", async () => {
    const run = await appRun;
    expect(run.status, run.stderr).toBe(0);
    const files = JSON.parse(readFileSync(loadedByApp, "utf8")) as string[];
    const cdktfFolder = dirname(require.resolve("cdktf/package.json"));
    for (const name of declared!) {
      // cdktf's copy of the package: only the stand-in, under the entry point's name (see the first tests).
      const entry = require.resolve(name, { paths: [cdktfFolder] });
      const folder = entry.slice(
        0,
        entry.indexOf(`/node_modules/${name}/`) + `/node_modules/${name}/`.length,
      );
      expect(files.filter((file) => file.startsWith(folder) && file !== entry)).toEqual([]);
      expect(files).toContain(entry);
    }
    // The project's own modules are in the bundle: the only files outside node_modules are the runner, the
    // bundle and the probe (the compiled app loads each of this project's 84 modules on its own).
    expect(files.filter((file) => !file.includes("/node_modules/")).sort()).toEqual(
      [
        join(REPO, ".cdktf-app", "main.js"),
        join(REPO, "scripts", "run-typescript.cjs"),
        probe,
      ].sort(),
    );
  });
});
