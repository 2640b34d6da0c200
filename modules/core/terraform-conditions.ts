/**
 * Building blocks of Terraform boolean expressions, for values known only at apply time: variable validations and
 * resource preconditions. The conditions of the AWS limits (`limits/`) are made of these.
 *
 * The patterns are RE2 without counted repeats above 1000 (lengths are checked with `length()`), and without
 * backslashes, which a string literal inside a Terraform expression needs doubled.
 */
import { Fn, Op, Token, Tokenization, type IResolvable, type IResolveContext } from "cdktf";

/**
 * A variable validation's `error_message` ending with the value given, e.g.
 * `model_name must hold only letters, digits and hyphens; got "xgb_v2".` The value is `jsonencode`d, which
 * shows every type as a `.tfvars.json` file would hold it: strings quoted, numbers bare, lists and maps as JSON,
 * and `null` as null (a plain `${var.x}` would itself fail on null, a list or a map).
 */
export function withValueGiven(variable: string, message: string): string {
  return `${message.replace(/\.$/, "")}; got \${jsonencode(var.${variable})}.`;
}

/** True when every condition is. */
export function allOf(...conditions: IResolvable[]): IResolvable {
  return conditions.reduce((all, next) => new Conjunction(all, next));
}

/**
 * `(left && right)`, rendered exactly as `Op.and(left, right)` renders it, but resolving each operand once.
 *
 * cdktf's operators resolve every operand that is itself an expression twice (`resolveArg`, then
 * `resolveExpressionPart`), so a chain of `Op.and` costs 2^length: the eight clauses of the bucket-name
 * condition took 13-16 ms per resolution, and synth resolves each element at least twice. This one is linear.
 */
class Conjunction implements IResolvable {
  // No creation stack: cdktf's tokens capture one each (about 40 µs); this one never fails to resolve.
  public readonly creationStack: string[] = [];

  public constructor(
    private readonly left: IResolvable,
    private readonly right: IResolvable,
  ) {}

  public resolve(context: IResolveContext): string {
    return inExpression(
      context,
      () => `(${operand(context, this.left)} && ${operand(context, this.right)})`,
    );
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * An expression written as HCL around values that may be tokens: hcl`${value} >= 1 && floor(${value}) == ${value}`
 * renders `${var.x >= 1 && floor(var.x) == var.x}` for a number variable's value. Tokens (of strings, numbers, maps,
 * or expressions such as `Fn.can(...)`) render as references inside the one `${}`; other values as written, so a
 * literal string must carry its own quotes.
 */
export function hcl(strings: TemplateStringsArray, ...operands: unknown[]): IResolvable {
  return new HclExpression(strings, operands);
}

class HclExpression implements IResolvable {
  public readonly creationStack: string[] = [];

  public constructor(
    private readonly strings: readonly string[],
    private readonly operands: readonly unknown[],
  ) {}

  public resolve(context: IResolveContext): string {
    return inExpression(context, () =>
      this.operands.reduce<string>(
        (text, value, index) => `${text}${operand(context, value)}${this.strings[index + 1]}`,
        this.strings[0]!,
      ),
    );
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** `render()` with operands written without their own `${}`, as inside any cdktf expression; wrapped unless nested. */
function inExpression(context: IResolveContext, render: () => string): string {
  const suppressBraces = context.suppressBraces;
  context.suppressBraces = true;
  try {
    const expression = render();
    return suppressBraces ? expression : `\${${expression}}`;
  } finally {
    context.suppressBraces = suppressBraces;
  }
}

function operand(context: IResolveContext, value: unknown): string {
  if (typeof value === "number" && Token.isUnresolved(value)) {
    return String(context.resolve(Tokenization.reverseNumber(value)));
  }
  if (typeof value === "string" && Token.isUnresolved(value)) {
    const token = Tokenization.reverseString(value).firstToken;
    return String(context.resolve(token ?? value));
  }
  if (Tokenization.isResolvable(value)) return String(context.resolve(value));
  return String(value);
}

/** `can(regex(pattern, value))`. */
export function matchesPattern(value: string, pattern: string): IResolvable {
  return Fn.can(Fn.regex(pattern, value));
}

/**
 * True when `value` is the empty string. cdktf's `Op` functions drop a falsy right operand (`Op.eq(v, "")` and
 * `Op.eq(length(v), 0)` both render `== undefined`), so this compares the length with 1.
 */
export function isEmptyString(value: string): IResolvable {
  return Op.lt(Fn.lengthOf(value), 1);
}
