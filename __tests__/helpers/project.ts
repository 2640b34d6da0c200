/**
 * The project's own app as `main.ts` builds it: `synthesizeApp(defineStacks)` (stacks/synthesize-app.ts), which
 * names every element and runs `app.synth()`, writing what `cdktf synth` writes, read back here.
 *
 * `synthProject()` builds it once per test worker (a worker keeps the modules between test files,
 * vitest.config.mts) for the many tests that only read it; `synthesizeProject()` builds a new one, for a test that
 * changes what it is built from (the environment, the working directory). What they return is frozen, so a test
 * that changed it fails there instead of changing what the next test reads; the constructs are shared as they
 * are: read them, add nothing to them.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformStack, type App } from "cdktf";
import { defineStacks, type ProjectStacks } from "../../stacks/app";
import { synthesizeApp } from "../../stacks/synthesize-app";
import type { SynthesizedStack } from "./synth";

/** What manifest.json says of a stack (the cdktf CLI prints its annotations). */
export interface ManifestStack {
  readonly synthesizedStackPath: string;
  readonly dependencies: readonly string[];
  readonly annotations: readonly {
    readonly constructPath: string;
    readonly level: string;
    readonly message: string;
  }[];
}

export interface SynthesizedProject {
  readonly stacks: Readonly<ProjectStacks>;
  /** Each stack's JSON by stack name, as `Testing.synth` gives it: no `//` metadata, keys sorted. */
  readonly json: Readonly<Record<string, SynthesizedStack>>;
  /** Each stack's `stacks/<stack>/cdk.tf.json` as written, by stack name, sorted. */
  readonly files: Readonly<Record<string, string>>;
  /** `manifest.json` as written. */
  readonly manifest: { readonly stacks: Readonly<Record<string, ManifestStack>> };
}

let shared: SynthesizedProject | undefined;

/** The project's app under the test run's environment, built once per worker: read it, change nothing. */
export function synthProject(): SynthesizedProject {
  shared ??= synthesizeProject();
  return shared;
}

/**
 * A new build of the project's app, as `main.ts` builds it under the current environment and working directory,
 * written to a temp folder (`CDKTF_OUTDIR`, as the cdktf CLI gives it) and read back. Fails on an invalid
 * configuration and on an error annotation, as `cdktf synth` does.
 */
export function synthesizeProject(): SynthesizedProject {
  const outdir = mkdtempSync(join(tmpdir(), "project-"));
  try {
    let stacks: ProjectStacks | undefined;
    let printed = "";
    const exitCode = synthesizeApp(
      (app) => {
        stacks = defineStacks(app);
      },
      { env: { CDKTF_OUTDIR: outdir }, writeError: (text) => (printed += text) },
    );
    if (exitCode !== 0 || stacks === undefined) {
      throw new Error(`The app failed with exit code ${exitCode}:\n${printed}`);
    }
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
      stacks: Record<string, ManifestStack>;
    };
    const errors = Object.values(manifest.stacks)
      .flatMap((stack) => stack.annotations)
      .filter((annotation) => annotation.level === "@cdktf/error");
    if (errors.length > 0) {
      const list = errors.map(({ constructPath, message }) => `[${constructPath}] ${message}`);
      throw new Error(`The app has error annotations:\n${list.join("\n")}`);
    }
    const files = Object.fromEntries(
      Object.keys(manifest.stacks)
        .sort()
        .map((id) => [
          id,
          readFileSync(join(outdir, manifest.stacks[id]!.synthesizedStackPath), "utf8"),
        ]),
    );
    const json = Object.fromEntries(
      Object.entries(files).map(([id, text]) => [
        id,
        withoutMetadata(JSON.parse(text)) as SynthesizedStack,
      ]),
    );
    return frozen({ stacks: Object.freeze(stacks), json, files, manifest });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `value` without cdktf's `//` metadata, keys sorted at every level: what `Testing.synth` gives for a stack. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, item]) => [key, withoutMetadata(item)]),
  );
}

/** `project` with its JSON, files and manifest frozen all the way down (the constructs stay as they are). */
function frozen(project: SynthesizedProject): SynthesizedProject {
  const freeze = (value: unknown): void => {
    if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
    Object.freeze(value);
    for (const item of Object.values(value)) freeze(item);
  };
  freeze(project.json);
  freeze(project.files);
  freeze(project.manifest);
  return Object.freeze(project);
}

/** What `app.synth()` (the app command of `cdktf synth`) writes: each stack's cdk.tf.json by stack name, sorted, and the folder it wrote to. */
export function writtenBy(app: App): { outdir: string; files: Record<string, string> } {
  app.synth();
  const stacks = app.node.children
    .filter((child) => child instanceof TerraformStack)
    .map(({ node }) => node.id)
    .sort();
  const files = Object.fromEntries(
    stacks.map((stack) => [
      stack,
      readFileSync(join(app.outdir, "stacks", stack, "cdk.tf.json"), "utf8"),
    ]),
  );
  return { outdir: app.outdir, files };
}
