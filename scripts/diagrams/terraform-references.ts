/**
 * The references in Terraform JSON strings: `${aws_iam_role.x.arn}`, `data.<type>.<name>`, `var.<name>`,
 * `local.<name>`, also inside function calls, conditionals and templates nested in string literals.
 *
 * In Terraform JSON every string is a template: literal text, `${ expression }` interpolations and
 * `%{ directive }` blocks (`$${` and `%%{` are escaped literals). Only expressions can refer to anything, and an
 * expression can hold string literals that are templates again, so the scanner alternates between the two.
 */

/** One reference: the names of a traversal such as `aws_iam_role.x[0].arn` → `["aws_iam_role", "x", "arn"]`. */
export type Traversal = readonly string[];

/**
 * A traversal: a root name, then `.name`, `.0`, `.*` or `[0]`/`[*]`/`["key"]` (string keys are blanked before
 * matching). Names may contain `-`. An index that is an expression (`[var.i]`) ends the traversal; the
 * expression inside is matched on its own.
 */
const TRAVERSAL = /(?<![\w.])[A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\d+|\*)|\[[\d\s*]*\])*/g;
const SEGMENT = /[A-Za-z_][\w-]*|\*/g;

/** Every traversal of two names or more in the interpolations and directives of `template`, in order. */
export function templateTraversals(template: string): Traversal[] {
  return traversalsIn(expressionCode(template));
}

/**
 * Every traversal of a bare expression, such as an entry of `depends_on` (`aws_iam_role.x`) or of
 * `lifecycle.replace_triggered_by`.
 */
export function expressionTraversals(expression: string): Traversal[] {
  return traversalsIn(new TemplateScanner(expression).expression(0).code);
}

function traversalsIn(code: string): Traversal[] {
  return (
    [...code.matchAll(TRAVERSAL)]
      .map(([match]) => match.match(SEGMENT) ?? [])
      // A single name (a function, a keyword, a `for` expression's variable) refers to no block.
      .filter((names) => names.length >= 2)
  );
}

/** The code of every expression in a template; literal text and string literals become blanks. */
function expressionCode(template: string): string {
  return new TemplateScanner(template).template(0, false).code;
}

class TemplateScanner {
  public constructor(private readonly text: string) {}

  /** Literal text up to the end (or, `quoted`, up to the closing `"`), with its interpolations. */
  public template(start: number, quoted: boolean): { code: string; end: number } {
    const { text } = this;
    let code = "";
    let i = start;
    while (i < text.length) {
      const two = text.slice(i, i + 2);
      if (two === "$$" || two === "%%") {
        // `$${` and `%%{` are escapes for literal `${` and `%{`.
        i += text[i + 2] === "{" ? 3 : 1;
      } else if (two === "${" || two === "%{") {
        const inner = this.expression(i + 2);
        code += ` ${inner.code} `;
        i = inner.end;
      } else if (quoted && text[i] === "\\") {
        i += 2;
      } else if (quoted && text[i] === '"') {
        return { code, end: i + 1 };
      } else {
        i += 1;
      }
    }
    return { code, end: i };
  }

  /** An expression up to its closing `}` (or the end); string literals inside are templates. */
  public expression(start: number): { code: string; end: number } {
    const { text } = this;
    let code = "";
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        const literal = this.template(i + 1, true);
        code += ` ${literal.code} `;
        i = literal.end;
        continue;
      }
      if (char === "}") {
        if (depth === 0) return { code, end: i + 1 };
        depth -= 1;
      } else if (char === "{") {
        depth += 1;
      }
      code += char;
      i += 1;
    }
    return { code, end: i };
  }
}
