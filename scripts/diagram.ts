/**
 * `npm run diagram` (after `npm run synth`): Mermaid diagrams of every stack from `cdktf.out`, written to
 * docs/diagrams/ and the README.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readSynthesizedStacks, writeDiagrams } from "./diagrams/diagram-files";

const root = process.cwd();
const { output } = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")) as { output: string };
const changed = writeDiagrams(root, readSynthesizedStacks(join(root, output)));
console.log(
  changed.length === 0
    ? "Diagrams are up to date."
    : `Updated ${changed.join(", ")}: commit ${changed.length === 1 ? "it" : "them"}.`,
);
