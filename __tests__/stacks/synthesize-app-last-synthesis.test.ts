/**
 * A synth that stops at a ValidationError under the cdktf CLI keeps the folders of the stacks it did not define
 * (stacks/last-synthesis.ts): the manifest lists them as the last synth left them, so the CLI, which removes every
 * stack folder the manifest does not list, leaves them and their `.terraform` alone. synthesizeApp runs in this
 * process on small stacks; `removeUnlistedFolders` does what the CLI does after running the app. The real CLI on the
 * project's stacks: `npm run check:cli-output`.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Annotations, type App, type IManifest, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ValidationError } from "../../modules/core/validation";
import { synthesizeApp } from "../../stacks/synthesize-app";

const ERROR = [
  "Invalid configuration for 'second/endpoint' (1 problem):",
  "  - memorySizeInMB: got 1000; allowed: one of 1024 or 2048 (MB)",
].join("\n");
const ERROR_ANNOTATION = {
  constructPath: "second/endpoint",
  level: "@cdktf/error",
  message: ERROR,
};

/** A construct that refuses a memory size, as the project's constructs do. */
class Endpoint extends Construct {
  public constructor(scope: Construct, id: string, memorySizeInMB: number) {
    super(scope, id);
    if (memorySizeInMB !== 1024 && memorySizeInMB !== 2048) {
      throw new ValidationError(this.node.path, [
        { field: "memorySizeInMB", value: memorySizeInMB, allowed: "one of 1024 or 2048 (MB)" },
      ]);
    }
    new TerraformOutput(this, "memory", { value: memorySizeInMB });
  }
}

/** Stacks first, second (its endpoint with `memorySizeInMB`, after first) and third (with an info finding). */
function stacks(memorySizeInMB: number, { third = true } = {}): (app: App) => void {
  return (app) => {
    const first = new TerraformStack(app, "first");
    new TerraformOutput(first, "name", { value: "first" });
    const second = new TerraformStack(app, "second");
    second.addDependency(first);
    new Endpoint(second, "endpoint", memorySizeInMB);
    if (third) {
      const stack = new TerraformStack(app, "third");
      new TerraformOutput(stack, "name", { value: "third" });
      Annotations.of(stack).addInfo("a finding of the third stack");
    }
  };
}

const VALID = stacks(1024);
const INVALID = stacks(1000);

/** The manifest entry cdktf writes for a top-level stack, in the given format, without its annotations. */
function entry(name: string, file: "cdk.tf.json" | "cdk.tf", dependencies: string[] = []) {
  return {
    name,
    constructPath: name,
    workingDirectory: `stacks/${name}`,
    synthesizedStackPath: `stacks/${name}/${file}`,
    stackMetadataPath: `stacks/${name}/metadata.json`,
    dependencies,
    annotations: [],
  };
}

let outdir: string;
beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), "last-synthesis-"));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

interface Run {
  readonly status: number;
  readonly errors: string;
  readonly manifest: IManifest;
}

/**
 * synthesizeApp with the environment the cdktf CLI gives the app command (`cli: false`: run directly), then, as the
 * CLI does, the folders the manifest does not list removed.
 */
function synth(define: (app: App) => void, { hcl = false, cli = true } = {}): Run {
  vi.stubEnv("CDKTF_OUTDIR", outdir);
  vi.stubEnv("SYNTH_HCL_OUTPUT", cli ? String(hcl) : undefined);
  vi.stubEnv("CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS", cli ? "true" : undefined);
  let errors = "";
  const status = synthesizeApp(define, {
    env: process.env,
    writeError: (text) => (errors += text),
  });
  vi.unstubAllEnvs();
  const manifest = readManifest();
  if (cli) removeUnlistedFolders(manifest);
  return { status, errors, manifest };
}

function readManifest(): IManifest {
  return JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as IManifest;
}

/** What `@cdktf/cli-core` SynthStack.synth does after the app ran: every stack folder not listed is removed. */
function removeUnlistedFolders(manifest: IManifest): void {
  for (const folder of readdirSync(join(outdir, "stacks"))) {
    if (!(folder in manifest.stacks)) rmSync(join(outdir, "stacks", folder), { recursive: true });
  }
}

/** A file of the user's in the third stack's folder, where `cdktf deploy` keeps the providers it downloaded. */
function addMarker(): string {
  const marker = join(outdir, "stacks", "third", ".terraform", "marker");
  mkdirSync(join(marker, ".."), { recursive: true });
  writeFileSync(marker, "the AWS provider");
  return marker;
}

function read(path: string): string {
  return readFileSync(join(outdir, path), "utf8");
}

describe("a synth that stops at a ValidationError, under the cdktf CLI", () => {
  it("lists the stacks after the invalid one and the invalid one as the last synth left them", () => {
    synth(VALID);
    const marker = addMarker();
    const lastSecond = read("stacks/second/cdk.tf.json");
    const lastThird = read("stacks/third/cdk.tf.json");

    const run = synth(INVALID);

    expect(run.status).toBe(0);
    expect(run.errors).toBe("");
    expect(run.manifest.stacks).toEqual({
      first: entry("first", "cdk.tf.json"),
      second: { ...entry("second", "cdk.tf.json", ["first"]), annotations: [ERROR_ANNOTATION] },
      third: entry("third", "cdk.tf.json"),
    });
    expect(readFileSync(marker, "utf8")).toBe("the AWS provider");
    expect(read("stacks/second/cdk.tf.json")).toBe(lastSecond);
    expect(read("stacks/third/cdk.tf.json")).toBe(lastThird);
  });

  it("drops the annotations the last synth listed for the stacks it keeps (the CLI printed them then)", () => {
    expect(synth(VALID).manifest.stacks.third?.annotations).toEqual([
      { constructPath: "third", level: "@cdktf/info", message: "a finding of the third stack" },
    ]);
    expect(synth(INVALID).manifest.stacks.third?.annotations).toEqual([]);
  });

  it("keeps them across failing synths, until a synth without the error writes them", () => {
    synth(VALID);
    const lastThird = read("stacks/third/cdk.tf.json");
    synth(INVALID);
    const run = synth(INVALID);
    expect(Object.keys(run.manifest.stacks).sort()).toEqual(["first", "second", "third"]);
    expect(run.manifest.stacks.second?.annotations).toEqual([ERROR_ANNOTATION]);
    expect(read("stacks/third/cdk.tf.json")).toBe(lastThird);

    const fixed = synth(stacks(2048, { third: false }));
    expect(Object.keys(fixed.manifest.stacks).sort()).toEqual(["first", "second"]);
    expect(existsSync(join(outdir, "stacks", "third"))).toBe(false);
    const second = JSON.parse(read("stacks/second/cdk.tf.json")) as { output: unknown };
    expect(second.output).toEqual({ endpoint_memory_C6F0B792: { value: 2048 } });
  });

  it("keeps HCL stacks under --hcl, with their cdk.tf and metadata.json", () => {
    synth(VALID, { hcl: true });
    const marker = addMarker();
    const lastThird = read("stacks/third/cdk.tf");
    const lastMetadata = read("stacks/third/metadata.json");

    const run = synth(INVALID, { hcl: true });

    expect(run.manifest.stacks).toEqual({
      first: entry("first", "cdk.tf"),
      second: { ...entry("second", "cdk.tf", ["first"]), annotations: [ERROR_ANNOTATION] },
      third: entry("third", "cdk.tf"),
    });
    expect(readFileSync(marker, "utf8")).toBe("the AWS provider");
    expect(readdirSync(join(outdir, "stacks", "third")).sort()).toEqual([
      ".terraform",
      "cdk.tf",
      "metadata.json",
    ]);
    expect(read("stacks/third/cdk.tf")).toBe(lastThird);
    expect(read("stacks/third/metadata.json")).toBe(lastMetadata);
  });

  it.each([
    { last: "cdk.tf.json", now: "--hcl", hcl: [false, true] },
    { last: "--hcl", now: "cdk.tf.json", hcl: [true, false] },
  ])("keeps nothing the last synth wrote in the other format ($last, then $now)", ({ hcl }) => {
    synth(VALID, { hcl: hcl[0] });
    addMarker();
    const run = synth(INVALID, { hcl: hcl[1] });
    const file = hcl[1] ? "cdk.tf" : "cdk.tf.json";
    expect(run.manifest.stacks).toEqual({
      first: entry("first", file),
      second: { ...entry("second", file), annotations: [ERROR_ANNOTATION] },
    });
    expect(existsSync(join(outdir, "stacks", "third"))).toBe(false);
    expectNotSynthesized(file);
  });

  it("goes by the format the last synth listed, not by other files in the folder", () => {
    synth(VALID);
    const third = join(outdir, "stacks", "third");
    writeFileSync(join(third, "cdk.tf"), read("stacks/first/cdk.tf.json"));
    writeFileSync(join(third, "metadata.json"), read("stacks/first/cdk.tf.json"));
    const run = synth(INVALID, { hcl: true });
    expect(Object.keys(run.manifest.stacks).sort()).toEqual(["first", "second"]);
  });

  it("holds the error in an empty stack when the last synth left nothing of the invalid one", () => {
    const run = synth(INVALID);
    expect(run.manifest.stacks).toEqual({
      first: entry("first", "cdk.tf.json"),
      second: { ...entry("second", "cdk.tf.json"), annotations: [ERROR_ANNOTATION] },
    });
    expectNotSynthesized("cdk.tf.json");
  });

  it("does not keep a stack whose file the last synth left is missing or not cdktf's", () => {
    synth(VALID);
    rmSync(join(outdir, "stacks", "third", "cdk.tf.json"));
    writeFileSync(join(outdir, "stacks", "second", "cdk.tf.json"), "{}");
    const run = synth(INVALID);
    expect(Object.keys(run.manifest.stacks).sort()).toEqual(["first", "second"]);
    expectNotSynthesized("cdk.tf.json");
  });

  it("reads a missing or broken manifest as no last synth", () => {
    synth(VALID);
    writeFileSync(join(outdir, "manifest.json"), "{ not json");
    const run = synth(INVALID);
    expect(Object.keys(run.manifest.stacks).sort()).toEqual(["first", "second"]);
  });
});

describe("a synth that does not stop", () => {
  it("lists only the stacks the app defines, so the CLI removes the others' folders", () => {
    synth(VALID);
    addMarker();
    const run = synth(stacks(1024, { third: false }));
    expect(Object.keys(run.manifest.stacks).sort()).toEqual(["first", "second"]);
    expect(existsSync(join(outdir, "stacks", "third"))).toBe(false);
  });
});

describe("a ValidationError, run directly", () => {
  it("prints the error, exits with 1 and leaves the last synth's output as it was", () => {
    synth(VALID);
    const marker = addMarker();
    const lastManifest = read("manifest.json");
    const lastSecond = read("stacks/second/cdk.tf.json");

    const run = synth(INVALID, { cli: false });

    expect(run.status).toBe(1);
    expect(run.errors).toBe(`${ERROR}\n`);
    expect(read("manifest.json")).toBe(lastManifest);
    expect(read("stacks/second/cdk.tf.json")).toBe(lastSecond);
    expect(readFileSync(marker, "utf8")).toBe("the AWS provider");
  });
});

/** The second stack's folder holds only the empty stack that stands in for it, in the format of `file`. */
function expectNotSynthesized(file: "cdk.tf.json" | "cdk.tf"): void {
  const folder = join(outdir, "stacks", "second");
  const json = file === "cdk.tf.json" ? "cdk.tf.json" : "metadata.json";
  expect(readdirSync(folder).sort()).toEqual(file === "cdk.tf.json" ? [file] : [file, json]);
  const content = JSON.parse(read(`stacks/second/${json}`)) as Record<string, unknown>;
  expect(Object.keys(content).sort()).toEqual(["//", "terraform"]);
  expect(content.terraform).toEqual({ backend: { local: { path: "not-synthesized.tfstate" } } });
}
