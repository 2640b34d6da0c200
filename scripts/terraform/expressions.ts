/**
 * References in Terraform expressions, found by a tokenizer rather than by a regular expression: a string of
 * Terraform JSON is a template whose `${...}` and `%{...}` sequences hold expressions, and those expressions
 * hold quoted strings (with templates of their own), heredocs, function calls, conditionals, for-expressions and
 * object constructors with braces of their own. A regular expression cannot tell the `}` that ends an
 * interpolation from one in a nested object or string, nor `aws_s3_bucket.b.arn` in code from the same text in a
 * quoted string; this scanner follows the grammar (HCL native syntax) far enough to know.
 *
 * The stand-in generator (`stand-in.ts`) uses it to point references at stand-ins: `aws_s3_bucket.b[0].arn`
 * becomes `terraform_data.aws_s3_bucket__b[0].input.arn`, wherever the reference appears.
 */

/** One step of a traversal after its root. */
export type TraversalStep =
  /** `.name` (or the legacy `.0`) */
  | {
      readonly kind: "attribute";
      readonly name: string;
      readonly start: number;
      readonly end: number;
    }
  /** `[expression]`: the brackets included */
  | { readonly kind: "index"; readonly start: number; readonly end: number }
  /** `[*]` or `.*` */
  | { readonly kind: "splat"; readonly start: number; readonly end: number };

/** A reference such as `aws_s3_bucket.b[0].arn` or `var.region`: a root name and the steps after it. */
export interface Traversal {
  readonly root: string;
  /** Where the root name starts in the scanned text. */
  readonly start: number;
  /** Where the root name ends. */
  readonly rootEnd: number;
  readonly steps: readonly TraversalStep[];
  /** Where the whole traversal ends (after its last step). */
  readonly end: number;
}

/** A change to the scanned text: `text` replaces `[start, end)` (an insertion when they are equal). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Token {
  readonly kind: "identifier" | "number" | "string" | "punctuation";
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TWO_CHARACTER_OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "=>"];
const KEYWORDS = ["for", "in", "if", "else", "endif", "endfor", "true", "false", "null"];

/** The parse error of a template or expression, with where it happened. */
export class ExpressionSyntaxError extends Error {
  public constructor(message: string, source: string, position: number) {
    super(`${message} at offset ${position} of ${JSON.stringify(source)}`);
  }
}

class Scanner {
  public readonly traversals: Traversal[] = [];
  /** The `${...}` and `%{...}` sequences of the outermost template, `[start, end)` with their delimiters. */
  public readonly sequences: { start: number; end: number }[] = [];
  private nesting = 0;

  public constructor(private readonly source: string) {}

  /**
   * A template from `position` to `end` (Terraform JSON strings and heredoc bodies: no escapes but `$${` and
   * `%%{`), or, with `quoted`, up to the closing `"` of a quoted string (which also has backslash escapes).
   * Returns where it ends (after the closing quote when quoted).
   */
  public template(position: number, end: number, quoted: boolean): number {
    const source = this.source;
    let at = position;
    while (at < end) {
      if (source.startsWith("$${", at) || source.startsWith("%%{", at)) {
        at += 3;
      } else if (source.startsWith("${", at) || source.startsWith("%{", at)) {
        const start = at;
        this.nesting += 1;
        at = this.expression(at + 2, "}");
        this.nesting -= 1;
        if (this.nesting === 0) this.sequences.push({ start, end: at });
      } else if (quoted && source[at] === "\\") {
        at += 2;
      } else if (quoted && source[at] === '"') {
        return at + 1;
      } else {
        at += 1;
      }
    }
    if (quoted) throw new ExpressionSyntaxError("Unterminated string", source, position);
    return end;
  }

  /**
   * An expression starting at `position`, up to `closer` at nesting depth 0 (or the end of the text when
   * `closer` is undefined). Records its traversals; returns where it ends (after the closer).
   */
  public expression(position: number, closer: "}" | undefined): number {
    const tokens: Token[] = [];
    const source = this.source;
    let depth = 0;
    let at = position;
    for (;;) {
      at = this.skipSpace(at);
      if (at >= source.length) {
        if (closer === undefined && depth === 0) break;
        throw new ExpressionSyntaxError("Unterminated expression", source, position);
      }
      const char = source[at]!;
      if (closer !== undefined && depth === 0 && char === closer) {
        at += 1;
        break;
      }
      if (char === '"') {
        const end = this.template(at + 1, source.length, true);
        tokens.push({ kind: "string", text: source.slice(at, end), start: at, end });
        at = end;
      } else if (source.startsWith("<<", at) && /^<<-?[A-Za-z_]/.test(source.slice(at, at + 4))) {
        const end = this.heredoc(at);
        tokens.push({ kind: "string", text: source.slice(at, end), start: at, end });
        at = end;
      } else if (/[A-Za-z_]/.test(char)) {
        const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(at))!;
        tokens.push({ kind: "identifier", text: match[0], start: at, end: at + match[0].length });
        at += match[0].length;
      } else if (/[0-9]/.test(char)) {
        const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(at))!;
        tokens.push({ kind: "number", text: match[0], start: at, end: at + match[0].length });
        at += match[0].length;
      } else {
        const text = source.startsWith("...", at)
          ? "..."
          : (TWO_CHARACTER_OPERATORS.find((operator) => source.startsWith(operator, at)) ?? char);
        if ("([{".includes(text)) depth += 1;
        if (")]}".includes(text)) depth -= 1;
        if (depth < 0) throw new ExpressionSyntaxError(`Unbalanced '${text}'`, source, at);
        // `~` is a strip marker (`${~ x ~}`), not part of the expression.
        if (text !== "~")
          tokens.push({ kind: "punctuation", text, start: at, end: at + text.length });
        at += text.length;
      }
    }
    this.traversals.push(...traversalsOf(tokens));
    return at;
  }

  private skipSpace(position: number): number {
    const source = this.source;
    let at = position;
    for (;;) {
      if (/\s/.test(source[at] ?? "")) at += 1;
      else if (source[at] === "#" || source.startsWith("//", at)) {
        const newline = source.indexOf("\n", at);
        at = newline < 0 ? source.length : newline + 1;
      } else if (source.startsWith("/*", at)) {
        const close = source.indexOf("*/", at + 2);
        if (close < 0) throw new ExpressionSyntaxError("Unterminated comment", source, at);
        at = close + 2;
      } else return at;
    }
  }

  /** `<<MARKER` or `<<-MARKER`, a newline, a template, and a line holding only the marker. */
  private heredoc(position: number): number {
    const source = this.source;
    const header = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(source.slice(position));
    if (!header)
      throw new ExpressionSyntaxError("A heredoc marker must end its line", source, position);
    const bodyStart = position + header[0].length;
    let lineStart = bodyStart;
    for (;;) {
      const newline = source.indexOf("\n", lineStart);
      const lineEnd = newline < 0 ? source.length : newline;
      if (source.slice(lineStart, lineEnd).trim() === header[1]) {
        this.template(bodyStart, lineStart, false);
        return lineEnd;
      }
      if (newline < 0) throw new ExpressionSyntaxError("Unterminated heredoc", source, position);
      lineStart = newline + 1;
    }
  }
}

/** The traversals in one expression's tokens: an identifier that is not an attribute, a function or a key. */
function traversalsOf(tokens: readonly Token[]): Traversal[] {
  const found: Traversal[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== "identifier") return;
    const previous = tokens[index - 1];
    if (previous?.kind === "punctuation" && previous.text === ".") return;
    if (tokens[index + 1]?.text === "(") return;
    const steps: TraversalStep[] = [];
    let next = index + 1;
    for (;;) {
      const first = tokens[next];
      const second = tokens[next + 1];
      if (first?.text === "." && (second?.kind === "identifier" || second?.kind === "number")) {
        steps.push({ kind: "attribute", name: second.text, start: first.start, end: second.end });
        next += 2;
      } else if (first?.text === "." && second?.text === "*") {
        steps.push({ kind: "splat", start: first.start, end: second.end });
        next += 2;
      } else if (first?.text === "[") {
        const close = matchingBracket(tokens, next);
        const splat = close === next + 2 && second?.text === "*";
        steps.push({
          kind: splat ? "splat" : "index",
          start: first.start,
          end: tokens[close]!.end,
        });
        next = close + 1;
      } else break;
    }
    // Keywords and literals are not references (`for k, v in x`, `%{ if c }`, `true`).
    if (steps.length === 0 && KEYWORDS.includes(token.text)) return;
    const last = steps[steps.length - 1];
    found.push({
      root: token.text,
      start: token.start,
      rootEnd: token.end,
      steps,
      end: last?.end ?? token.end,
    });
  });
  return found;
}

function matchingBracket(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const text = tokens[index]!.kind === "punctuation" ? tokens[index]!.text : "";
    if ("([{".includes(text) && text !== "") depth += 1;
    if (")]}".includes(text) && text !== "") depth -= 1;
    if (depth === 0) return index;
  }
  // The scanner only ends an expression with its brackets balanced.
  throw new Error("Unbalanced brackets");
}

/** Every traversal in the expressions of a Terraform JSON string (a template), nested ones included. */
export function templateTraversals(template: string): Traversal[] {
  const scanner = new Scanner(template);
  scanner.template(0, template.length, false);
  return scanner.traversals.sort((a, b) => a.start - b.start);
}

/**
 * A template split into its literal text (with `$${` and `%%{` unescaped) and its `${...}` / `%{...}`
 * sequences (as written, delimiters included), in order.
 */
export function templateParts(template: string): { literal: boolean; text: string }[] {
  const scanner = new Scanner(template);
  scanner.template(0, template.length, false);
  const parts: { literal: boolean; text: string }[] = [];
  let at = 0;
  for (const sequence of scanner.sequences) {
    if (sequence.start > at)
      parts.push({ literal: true, text: unescapeLiteral(template.slice(at, sequence.start)) });
    parts.push({ literal: false, text: template.slice(sequence.start, sequence.end) });
    at = sequence.end;
  }
  if (at < template.length)
    parts.push({ literal: true, text: unescapeLiteral(template.slice(at)) });
  return parts;
}

function unescapeLiteral(text: string): string {
  return text.replace(/([$%])\1\{/g, "$1{");
}

/** Every traversal in a bare expression, e.g. a `depends_on` entry or a `moved` address. */
export function expressionTraversals(expression: string): Traversal[] {
  const scanner = new Scanner(expression);
  scanner.expression(0, undefined);
  return scanner.traversals;
}

/** `text` with the edits applied; they must not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at)
      throw new Error(`Overlapping edits at offset ${edit.start} of ${JSON.stringify(text)}`);
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** A template with each traversal changed as `rewrite` says (no edits: unchanged). */
export function rewriteTemplate(
  template: string,
  rewrite: (traversal: Traversal) => Edit[],
): string {
  if (!template.includes("${") && !template.includes("%{")) return template;
  return applyEdits(template, templateTraversals(template).flatMap(rewrite));
}

/** A bare expression with each traversal changed as `rewrite` says. */
export function rewriteExpression(
  expression: string,
  rewrite: (traversal: Traversal) => Edit[],
): string {
  return applyEdits(expression, expressionTraversals(expression).flatMap(rewrite));
}

/**
 * A Terraform JSON string (a template) as an HCL native expression with the same value: the expression itself
 * when the template is one interpolation (which keeps its type, as Terraform does), else a quoted template.
 */
export function templateExpression(template: string): string {
  const scanner = new Scanner(template);
  scanner.template(0, template.length, false);
  const only = scanner.sequences[0];
  if (
    scanner.sequences.length === 1 &&
    only!.start === 0 &&
    only!.end === template.length &&
    template.startsWith("${") &&
    !/^\$\{~|~\}$/.test(template.slice(0, 3) + template.slice(-2))
  ) {
    return `(${template.slice(2, -1)})`;
  }
  let quoted = '"';
  let at = 0;
  for (const sequence of [...scanner.sequences, { start: template.length, end: template.length }]) {
    quoted += template
      .slice(at, sequence.start)
      .replace(/\\/g, "\\\\")
      .replace(/"/g, '\\"')
      .replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r")
      .replace(/\t/g, "\\t");
    quoted += template.slice(sequence.start, sequence.end);
    at = sequence.end;
  }
  return `${quoted}"`;
}

/** A Terraform JSON value (strings are templates) as an HCL native expression with the same value. */
export function hclExpression(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return templateExpression(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(hclExpression).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${literalTemplate(JSON.stringify(key))} = ${hclExpression(item)}`,
  );
  return `{${entries.join(", ")}}`;
}

/** `value` as a Terraform JSON string that evaluates to exactly that text: `${` and `%{` escaped. */
export function literalTemplate(value: string): string {
  return value.replace(/([$%])\{/g, (_match, sigil: string) => `${sigil}${sigil}{`);
}
