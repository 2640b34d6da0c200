/**
 * The deferral in a fresh Node process, as the app command runs it: this suite's own process loaded cdktf
 * long ago. The two source files are transpiled with TypeScript into a temp folder for that process.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CDKTF_DEFERRED_DEPENDENCIES } from "../../stacks/defer-cdktf-dependencies";
import { runApp } from "../helpers/app-command";

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

/** Loads cdktf in a new process, with or without the deferral first, and synthesizes a directory asset. */
function synthInFreshProcess(deferFirst: boolean): ChildReport {
  const root = mkdtempSync(join(tmpdir(), "defer-"));
  for (const source of SOURCES) {
    const { outputText } = ts.transpileModule(readFileSync(join(REPO, source), "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    const target = join(root, source.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  mkdirSync(join(root, "model"));
  writeFileSync(join(root, "model", "inference.py"), "print('hello')\n");
  writeFileSync(
    join(root, "child.js"),
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
     const app = new App({ outdir: ${JSON.stringify(join(root, "out"))} });
     const asset = new TerraformAsset(new TerraformStack(app, "s"), "model", {
       path: ${JSON.stringify(join(root, "model"))}, type: AssetType.ARCHIVE });
     app.synth();
     const archive = require("path").join(${JSON.stringify(join(root, "out", "stacks", "s"))}, asset.path);
     console.log(JSON.stringify({ loadedWithCdktf, loadedAfterSynth: loaded(), archive }));`,
  );
  const output = execFileSync(process.execPath, [join(root, "child.js")], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(REPO, "node_modules"), CHECKPOINT_DISABLE: "1" },
  });
  return JSON.parse(output) as ChildReport;
}

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

  it("without it, loading cdktf loads those dependencies", () => {
    expect(synthInFreshProcess(false).loadedWithCdktf).toEqual(declared);
  });

  it("keeps them out of a synth, and cdktf still zips a directory asset (in its own child process)", () => {
    const report = synthInFreshProcess(true);
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
      "./stacks/synthesize-app",
    ]);
  });

  it("still works in the bundle cdktf.json's app command runs, which holds every module of this project", () => {
    const probe = join(mkdtempSync(join(tmpdir(), "probe-")), "probe.js");
    const loaded = `${probe}.json`;
    writeFileSync(
      probe,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    const run = runApp("main.ts", { env: { NODE_OPTIONS: `--require ${probe}` } });
    expect(run.status).toBe(0);
    const files = JSON.parse(readFileSync(loaded, "utf8")) as string[];
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
