/**
 * The stacks the last synth left in the output folder, as its `manifest.json` lists them: what a synth that stops at
 * a ValidationError keeps of the stacks it did not define.
 *
 * After running the app, the cdktf CLI removes every folder under `<outdir>/stacks` that the new manifest does not
 * list (`@cdktf/cli-core` SynthStack.synth), with its `.terraform` (the provider downloads) and whatever else is
 * there. An app that stops at an invalid construct never defines the stacks after it, so their entries of the last
 * synth are listed again, and their folders stay as that synth left them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Manifest, type StackManifest } from "cdktf";

/**
 * The entries of the outdir's `manifest.json` that the CLI can read again as they are, by stack name, without their
 * annotations (the CLI printed those when they were written). Read it before `app.synth()` overwrites it.
 *
 * An entry is kept only in the format of this synth: `cdktf synth --hcl` formats every listed stack's file as HCL,
 * which would rewrite a `cdk.tf.json`, and one synth's output is in one format (`writeOneFormatOnly`). Its files must
 * be there and hold what the CLI reads of every listed stack: the JSON file (`cdk.tf.json`, or `metadata.json` for
 * HCL) with its `//` and `terraform` blocks; else the CLI would fail on it and not print the error.
 */
export function lastSynthesizedStacks(manifest: Manifest): Map<string, StackManifest> {
  const kept = new Map<string, StackManifest>();
  const last = readJson(join(manifest.outdir, Manifest.fileName));
  const stacks = isRecord(last) && isRecord(last.stacks) ? last.stacks : {};
  for (const [name, entry] of Object.entries(stacks)) {
    const folder = join(Manifest.stacksFolder, name);
    const files = {
      workingDirectory: folder,
      synthesizedStackPath: join(folder, manifest.stackFileName),
      stackMetadataPath: join(folder, Manifest.stackMetadataPath),
    };
    if (
      !isRecord(entry) ||
      entry.name !== name ||
      typeof entry.constructPath !== "string" ||
      !isStringArray(entry.dependencies) ||
      Object.entries(files).some(([key, path]) => entry[key] !== path) ||
      !readableByCli(manifest, files)
    ) {
      continue;
    }
    kept.set(name, {
      name,
      constructPath: entry.constructPath,
      ...files,
      annotations: [],
      dependencies: entry.dependencies,
    });
  }
  return kept;
}

/** Whether the CLI can read the stack's files: the one it formats (HCL) and the JSON it reads of every stack. */
function readableByCli(
  manifest: Manifest,
  files: { synthesizedStackPath: string; stackMetadataPath: string },
): boolean {
  const json = manifest.hclOutput ? files.stackMetadataPath : files.synthesizedStackPath;
  const content = readJson(join(manifest.outdir, json));
  return (
    existsSync(join(manifest.outdir, files.synthesizedStackPath)) &&
    isRecord(content) &&
    isRecord(content["//"]) &&
    isRecord(content.terraform)
  );
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
