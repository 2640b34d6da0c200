/**
 * Strings of Terraform JSON written as HCL native syntax, meaning exactly what they mean in the JSON.
 *
 * A string argument in Terraform JSON is a template: literal text with `${ expression }` interpolations and
 * `%{ directive }` sequences (`$${` and `%%{` are literal). In HCL the same template is written between
 * quotes, where the literal text needs `\` escapes for `"`, `\` and control characters, and the expressions
 * are written as they are. cdktf 0.21 escapes quotes only in strings without an interpolation and never
 * escapes backslashes or newlines; these functions do it for every string.
 */

/** The HCL expression for a Terraform JSON template string. */
export function templateExpression(template: string): string {
  // "${ expression }" alone is the expression's own value (not converted to a string), in JSON and in HCL.
  if (template.startsWith("${") && closingBrace(template, 1) === template.length) {
    return template.slice(2, -1).trim();
  }
  if (template.endsWith("\n") && !template.includes("\r")) return heredoc(template);
  return quoted(template);
}

/**
 * The HCL string literal for text that Terraform takes literally (a variable's default or description): the
 * interpolation and directive markers are escaped, so `${` stays two characters of text.
 */
export function literalString(text: string): string {
  return quoted(text.replace(/([$%])\{/g, "$1$1{"));
}

/**
 * A reference written as a JSON string (`"aws_iam_role.r"` or `"${aws_iam_role.r}"`), as HCL writes it:
 * `aws_iam_role.r`, without quotes (quoted references are deprecated in `depends_on` and refused elsewhere).
 */
export function reference(text: string): string {
  const bare = text.startsWith("${") && text.endsWith("}") ? text.slice(2, -1) : text;
  return bare.trim();
}

/** An object key: bare when it is a plain identifier, otherwise quoted (a template, as in JSON). */
export function objectKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !HCL_KEYWORDS.has(key) ? key : quoted(key);
}

const HCL_KEYWORDS = new Set([
  "true",
  "false",
  "null",
  "for",
  "in",
  "if",
  "else",
  "endif",
  "endfor",
]);

function quoted(template: string): string {
  let out = '"';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("$${", i) || template.startsWith("%%{", i)) {
      out += template.slice(i, i + 3);
      i += 3;
    } else if ((template[i] === "$" || template[i] === "%") && template[i + 1] === "{") {
      const end = closingBrace(template, i + 1);
      out += template.slice(i, end);
      i = end;
    } else {
      out += escapeCharacter(template[i]!);
      i += 1;
    }
  }
  return `${out}"`;
}

/** `<<EOT` ... `EOT`: no escapes are read in a heredoc, and its text ends with the newline before the marker. */
function heredoc(template: string): string {
  const lines = new Set(template.split("\n").map((line) => line.trim()));
  let marker = "EOT";
  for (let n = 1; lines.has(marker); n += 1) marker = `EOT${n}`;
  return `<<${marker}\n${template}${marker}`;
}

function escapeCharacter(character: string): string {
  switch (character) {
    case '"':
      return '\\"';
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    default: {
      const code = character.charCodeAt(0);
      return code < 0x20 ? `\\u${code.toString(16).padStart(4, "0")}` : character;
    }
  }
}

/**
 * The index just past the `}` that closes the interpolation or directive whose `{` is at `open`. Braces and
 * quoted strings inside the expression are followed (a string in an expression is itself a template).
 */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const character = text[i]!;
    if (character === '"') {
      i = closingQuote(text, i + 1);
    } else {
      if (character === "{") depth += 1;
      if (character === "}") {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
  }
  throw new Error(`Unterminated template sequence in ${JSON.stringify(text)}`);
}

/** The index just past the `"` that closes a string whose text starts at `start`. */
function closingQuote(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const character = text[i]!;
    if (character === "\\") i += 2;
    else if (character === '"') return i + 1;
    else if (text.startsWith("$${", i) || text.startsWith("%%{", i)) i += 3;
    else if ((character === "$" || character === "%") && text[i + 1] === "{") {
      i = closingBrace(text, i + 1);
    } else i += 1;
  }
  throw new Error(`Unterminated string in ${JSON.stringify(text)}`);
}
