/**
 * The file side of `npm run diagram`: reads what `cdktf synth` wrote, writes the diagram files, finds stale ones.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DIAGRAMS_FOLDER, diagramFiles, README_FILE } from "./documents";
import type { SynthesizedStackInput, TerraformJson } from "./stack-graph";

/** The part of cdktf's `manifest.json` the diagrams need. */
interface Manifest {
  readonly stacks: Readonly<
    Record<
      string,
      {
        readonly name: string;
        readonly synthesizedStackPath: string;
        readonly dependencies: string[];
      }
    >
  >;
}

/** Every stack that `cdktf synth` wrote to `outdir`, with its dependencies from `manifest.json`. */
export function readSynthesizedStacks(outdir: string): SynthesizedStackInput[] {
  const manifestPath = join(outdir, "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} does not exist: run \`npm run synth\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  return Object.values(manifest.stacks).map((stack) => ({
    name: stack.name,
    dependencies: stack.dependencies,
    terraform: JSON.parse(
      readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"),
    ) as TerraformJson,
  }));
}

/** Diagram files in `root`'s diagrams folder that `files` does not have: those of stacks that are gone. */
function staleDiagramFiles(root: string, files: Readonly<Record<string, string>>): string[] {
  const folder = join(root, DIAGRAMS_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .map((name) => `${DIAGRAMS_FOLDER}/${name}`)
    .filter((path) => !(path in files))
    .sort();
}

/**
 * The drift check: paths of `files` that are missing in `root` or differ from it, then stale diagram files.
 */
export function outdatedDiagramFiles(
  root: string,
  files: Readonly<Record<string, string>>,
): string[] {
  const differing = Object.entries(files)
    .filter(([path, content]) => {
      const file = join(root, path);
      return !existsSync(file) || readFileSync(file, "utf8") !== content;
    })
    .map(([path]) => path);
  return [...differing, ...staleDiagramFiles(root, files)];
}

/**
 * Writes the diagrams of `stacks` into the project at `root` (README section included) and deletes stale ones.
 * Returns the paths it changed.
 */
export function writeDiagrams(root: string, stacks: readonly SynthesizedStackInput[]): string[] {
  const files = diagramFiles(stacks, readFileSync(join(root, README_FILE), "utf8"));
  const changed = outdatedDiagramFiles(root, files);
  for (const path of changed) {
    const file = join(root, path);
    const content = files[path];
    if (content === undefined) {
      rmSync(file);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return changed;
}
