/**
 * The tokenizer and the reading cursor shared by the auto-scaling and alarm expression parsers.
 *
 * An expression is a sequence of words, numbers and operators. Whitespace separates words; operators
 * (runs of `<`, `>`, `=`, `!`) need no whitespace around them, so `Invocations sum>=10` reads like
 * `Invocations sum >= 10`.
 */

export type TokenKind = "word" | "number" | "operator";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly column: number;
}

/**
 * Why an expression was refused: where (1-based column), what was expected there and what was found.
 */
export interface ExpressionProblem {
  readonly column: number;
  readonly expected: string;
  /** The token found, quoted, or "the end of the expression". */
  readonly found: string;
  /** Why what was found does not fit, when that is not obvious. */
  readonly note?: string;
}

/** A parser's answer: the parsed value, or the first problem. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ExpressionProblem };

export function refused(problem: ExpressionProblem): Parsed<never> {
  return { ok: false, problem };
}

/** The value of an expression that validation has accepted. */
export function acceptedValue<T>(parsed: Parsed<T>, expression: string): T {
  if (!parsed.ok) throw new Error(`Expression not validated: ${JSON.stringify(expression)}`);
  return parsed.value;
}

const OPERATOR_CHARACTERS = "<>=!";
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    if (/\s/.test(expression[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const isOperator = OPERATOR_CHARACTERS.includes(expression[i]!);
    while (
      i < expression.length &&
      !/\s/.test(expression[i]!) &&
      OPERATOR_CHARACTERS.includes(expression[i]!) === isOperator
    ) {
      i++;
    }
    const text = expression.slice(start, i);
    const kind: TokenKind = isOperator ? "operator" : NUMBER.test(text) ? "number" : "word";
    tokens.push({ kind, text, column: start + 1 });
  }
  return tokens;
}

/** Reads tokens one by one and builds problems that point at the token where reading stopped. */
export class Cursor {
  private readonly tokens: readonly Token[];
  private index = 0;

  public constructor(private readonly expression: string) {
    this.tokens = tokenize(expression);
  }

  /** The next token, without consuming it; `undefined` at the end. */
  public peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** Consumes and returns the next token. */
  public next(): Token | undefined {
    return this.tokens[this.index++];
  }

  /** A problem at `token` (or at the end of the expression when there is none). */
  public problemAt(token: Token | undefined, expected: string, note?: string): ExpressionProblem {
    return token
      ? { column: token.column, expected, found: JSON.stringify(token.text), note }
      : { column: this.expression.length + 1, expected, found: "the end of the expression", note };
  }

  /** A problem unless every token has been read. */
  public problemIfNotAtEnd(): ExpressionProblem | undefined {
    const extra = this.peek();
    return extra ? this.problemAt(extra, "the end of the expression") : undefined;
  }
}

/**
 * `<grammar>; at column 21 expected "=", found "=="`, followed by the note in brackets when there is one:
 * the "allowed" text of a validation problem.
 */
export function describeProblem(grammar: string, problem: ExpressionProblem): string {
  const note = problem.note ? ` (${problem.note})` : "";
  return `${grammar}; at column ${problem.column} expected ${problem.expected}, found ${problem.found}${note}`;
}
