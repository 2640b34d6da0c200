/**
 * Finds a text written again in another file: every run of `words` (10) consecutive words of the text, or the whole
 * of a shorter text, is looked up in each file, and a run found in more than one file is a copy. A text split across
 * string literals or built from parts is still found in the file that defines it, by the runs inside each part;
 * ten words are more than two different messages share by chance ("starting and ending with a letter or digit").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A run of words of a text found in more than one file. */
export interface Copy {
  readonly run: string;
  readonly files: readonly string[];
}

/** The TypeScript files below `folders` of `root`, with paths relative to it. */
export function sourceFiles(root: string, folders: readonly string[]): SourceFile[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (name === "node_modules") return [];
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith(".ts") ? [path] : [];
    });
  return folders
    .flatMap((folder) => walk(join(root, folder)))
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, "utf8") }));
}

/** The runs of `words` consecutive words of `text`; the whole text when it is shorter. */
export function runsOf(text: string, words: number): string[] {
  const all = text.split(/\s+/).filter((word) => word !== "");
  const length = Math.min(words, all.length);
  return Array.from({ length: all.length - length + 1 }, (_, i) =>
    all.slice(i, i + length).join(" "),
  );
}

/** Where the runs of `text` stand in more than one of `files`, each run once, in the text's order. */
export function copiesOf(text: string, files: readonly SourceFile[], words = 10): Copy[] {
  const copies: Copy[] = [];
  for (const run of new Set(runsOf(text, words))) {
    const found = files.filter((file) => file.text.includes(run)).map((file) => file.path);
    if (found.length > 1) copies.push({ run, files: found });
  }
  return copies;
}
