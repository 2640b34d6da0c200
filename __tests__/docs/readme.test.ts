/**
 * The README is the entry point and `docs/` holds the depth: the README stays short, shows what a newcomer needs
 * first on its first screen, and links every page of `docs/`; every relative link of the README and `docs/` leads
 * to a file and heading that exist; each stack's page names the stack's variables and outputs, no more, no fewer.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { README_BEGIN, README_END } from "../../scripts/diagrams/documents";
import { synthProject } from "../helpers/project";

const ROOT = join(__dirname, "..", "..");
const README = "README.md";
/** The agreed size of the README (issue 17): an entry point, not a manual. */
const MAX_README_LINES = 250;
/** What a newcomer sees without scrolling. */
const FIRST_SCREEN_LINES = 50;
/** The widest README line outside tables and the generated diagrams section. */
const MAX_LINE_LENGTH = 120;

function read(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

/** The lines of a Markdown text outside fenced code blocks. */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split("\n").filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown file's headings, with GitHub's `-1`, `-2` for repeated ones. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of proseLines(read(file))) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

interface Link {
  readonly from: string;
  /** The file linked to, relative to the project root. */
  readonly file: string;
  readonly anchor: string | undefined;
  readonly text: string;
}

/** The relative links of a Markdown file (code spans and blocks left out). */
function links(from: string): Link[] {
  const prose = proseLines(read(from))
    .join("\n")
    .replace(/`[^`\n]*`/g, "code");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => {
      const [path, anchor] = target.split("#");
      const file = path === "" ? from : normalize(join(dirname(from), path!));
      return { from, file, anchor, text: target };
    });
}

const docsPages = markdownFiles("docs").sort();
const readmeLines = read(README).replace(/\n$/, "").split("\n");

describe("the README", () => {
  it(`has at most ${MAX_README_LINES} lines`, () => {
    expect(readmeLines.length).toBeLessThanOrEqual(MAX_README_LINES);
  });

  it(`has no line over ${MAX_LINE_LENGTH} characters but table rows and the generated diagrams`, () => {
    const begin = readmeLines.indexOf(README_BEGIN);
    const end = readmeLines.indexOf(README_END);
    const tooLong = readmeLines
      .map((line, index) => ({ line, number: index + 1 }))
      .filter(({ line }) => line.length > MAX_LINE_LENGTH && !line.startsWith("|"))
      .filter(({ number }) => !(number > begin && number <= end))
      .map(({ line, number }) => `${README}:${number} (${line.length} characters)`);
    expect(tooLong).toEqual([]);
  });

  it("shows the stacks, the quick start and how to deploy on its first screen", () => {
    const firstScreen = readmeLines.slice(0, FIRST_SCREEN_LINES).join("\n");
    const { stacks } = synthProject();
    for (const stack of Object.values(stacks)) {
      expect(firstScreen).toMatch(new RegExp(`^\\| \`${stack.node.id}\` +\\|`, "m"));
      expect(firstScreen).toContain(`(docs/stacks/${stack.node.id}.md)`);
    }
    expect(firstScreen).toMatch(/^## Quick start$/m);
    expect(firstScreen).toMatch(/^npm ci && npm run synth /m);
    expect(firstScreen).toMatch(/^## Deploying$/m);
    expect(firstScreen).toMatch(/ npx cdktf deploy [\w-]+/);
  });

  it("links every page of docs/, directly or from an index page (docs/**/README.md) it links", () => {
    const linked = new Set(links(README).map((link) => link.file));
    for (const index of [...linked].filter(
      (file) => file.endsWith("README.md") && file !== README,
    )) {
      if (existsSync(join(ROOT, index))) for (const link of links(index)) linked.add(link.file);
    }
    expect(docsPages.filter((page) => !linked.has(page))).toEqual([]);
  });
});

describe("the relative links of the README and docs/", () => {
  const all = [README, ...docsPages].flatMap(links);

  it("lead to files that exist", () => {
    const broken = all.filter((link) => !existsSync(join(ROOT, link.file)));
    expect(broken.map((link) => `${link.from}: ${link.text}`)).toEqual([]);
  });

  it("lead to headings that exist", () => {
    const broken = all.filter(
      (link) =>
        link.anchor !== undefined &&
        link.file.endsWith(".md") &&
        existsSync(join(ROOT, link.file)) &&
        !anchors(link.file).has(link.anchor),
    );
    expect(broken.map((link) => `${link.from}: ${link.text}`)).toEqual([]);
  });
});

/**
 * The names a section of a stack's page documents: the first cells of its table, or, without a table, the
 * backquoted names of its first paragraph.
 */
function documentedNames(page: string, heading: string): string[] {
  const lines = proseLines(read(page));
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const next = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const section = lines.slice(start + 1, next < 0 ? undefined : next);
  const rows = section
    .map((line) => /^\| `([a-z][a-z0-9_]*)` +\|/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
  if (rows.length > 0) return rows.sort();
  const paragraph = section.join("\n").trim().split("\n\n")[0] ?? "";
  return [
    ...new Set([...paragraph.matchAll(/`([a-z][a-z0-9_]*)`/g)].map((match) => match[1]!)),
  ].sort();
}

describe("the page of each stack, docs/stacks/<stack>.md", () => {
  const { json } = synthProject();

  it.each(Object.keys(json))(
    "%s: names its variables under Inputs and its outputs under Outputs",
    (stack) => {
      const page = `docs/stacks/${stack}.md`;
      expect(docsPages).toContain(page);
      const variables = Object.keys(json[stack]!.variable ?? {}).sort();
      // cdktf adds an output for each value another stack reads; it is no output of the original.
      const outputs = Object.keys(json[stack]!.output ?? {})
        .filter((name) => !name.startsWith("cross-stack-output-"))
        .sort();
      expect(documentedNames(page, "Inputs")).toEqual(variables);
      expect(documentedNames(page, "Outputs")).toEqual(outputs);
    },
  );
});
