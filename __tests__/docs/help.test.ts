/**
 * `help` lists every command a fresh clone has and every stack, and names no npm script that does not exist.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthProject } from "../helpers/project";

const ROOT = join(__dirname, "..", "..");
const help = readFileSync(join(ROOT, "help"), "utf8");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const { scripts } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};
/** The stacks of the app, as `main.ts` defines them (defineStacks). */
const stacks = Object.values(synthProject().stacks).map((stack) => stack.node.id);

/** The npm scripts a text runs: `npm run <name>`, `npm test`. */
function npmScripts(text: string): string[] {
  const run = [...text.matchAll(/\bnpm run ([\w-]+(?::[\w-]+)*)/g)].map((match) => match[1]!);
  const test = /\bnpm test\b/.test(text) ? ["test"] : [];
  return [...new Set([...run, ...test])].sort();
}

describe("help", () => {
  it("names only npm scripts that exist", () => {
    expect(npmScripts(help).filter((name) => !(name in scripts))).toEqual([]);
  });

  it("lists every npm script", () => {
    expect(Object.keys(scripts).filter((name) => !npmScripts(help).includes(name))).toEqual([]);
  });

  it("lists every stack defineStacks creates, and no other", () => {
    const listed = /Stacks: ([^(]+)\(/
      .exec(help)?.[1]
      ?.split(",")
      .map((name) => name.trim());
    expect(listed?.sort()).toEqual([...stacks].sort());
  });
});

describe("the README", () => {
  it("names only npm scripts that exist", () => {
    expect(npmScripts(readme).filter((name) => !(name in scripts))).toEqual([]);
  });

  it("has a row for every stack in its table of stacks", () => {
    const rows = [...readme.matchAll(/^\| `([\w-]+)` +\|/gm)].map((match) => match[1]);
    expect(stacks.filter((stack) => !rows.includes(stack))).toEqual([]);
  });
});
