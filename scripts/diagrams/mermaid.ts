/**
 * Mermaid flowchart syntax: safe ids, escaped labels, node shapes and edges.
 */
import { byCodeUnits, type NodeKind } from "./stack-graph";

/**
 * Mermaid ids for `keys` (Terraform addresses hold `.` and `-`, which Mermaid ids cannot): `prefix` plus the key
 * with every run of other characters than letters and digits replaced by `_`. Keys that would share an id get
 * `_2`, `_3`, ... in sorted order, so the same keys always get the same ids.
 */
export function mermaidIds(prefix: string, keys: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...new Set(keys)].sort(byCodeUnits)) {
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9]+/g, "_")}`;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

/** Text for a quoted Mermaid label: quotes and HTML-significant characters as Mermaid entity codes. */
export function escapeLabel(text: string): string {
  return text
    .replace(/&/g, "#amp;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;");
}

/** A label of several lines, each escaped. */
export function label(...lines: readonly string[]): string {
  return `"${lines.map(escapeLabel).join("<br/>")}"`;
}

/**
 * Each kind's shape: resources rectangles, data sources parallelograms, locals hexagons, variables stadiums,
 * outputs flags, provider configurations double-sided boxes.
 */
const SHAPES: Readonly<Record<NodeKind, readonly [open: string, close: string]>> = {
  resource: ["[", "]"],
  data: ["[/", "/]"],
  local: ["{{", "}}"],
  variable: ["([", "])"],
  output: [">", "]"],
  provider: ["[[", "]]"],
};

export function nodeLine(id: string, kind: NodeKind, text: string): string {
  const [open, close] = SHAPES[kind];
  return `${id}${open}${text}${close}`;
}

/** Arrow styles: a reference, a `depends_on`, and a reference to another stack. */
export const ARROWS = { reference: "-->", depends_on: "-.->", crossStack: "==>" } as const;

export function edgeLine(
  from: string,
  arrow: string,
  to: string,
  text: string | undefined,
): string {
  return text === undefined ? `${from} ${arrow} ${to}` : `${from} ${arrow}|${text}| ${to}`;
}
