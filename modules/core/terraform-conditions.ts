/**
 * Terraform boolean expressions for the rules in `rules.ts`, for values known only at apply time: variable
 * validations and resource preconditions. Each takes the value (usually a token, e.g. a variable's
 * `stringValue`) and returns the expression.
 *
 * The patterns are RE2 without counted repeats above 1000 (lengths are checked with `length()`), and without
 * backslashes, which a string literal inside a Terraform expression needs doubled (`tagsCondition` doubles its own).
 */
import { Fn, Op, Token, type IResolvable, type IResolveContext } from "cdktf";
import {
  ECR_IMAGE_URI_PATTERN,
  ECR_REPOSITORY_NAME_PATTERN,
  EMAIL_ADDRESS_PATTERN,
  INSTANCE_TYPE_PATTERN,
  MAX_TAGS,
} from "./rules";

/**
 * A variable validation's `error_message` ending with the value given, e.g.
 * `aws_region must be an AWS region code such as us-east-1; got "mars-1".` The value is `jsonencode`d, which
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
    const suppressBraces = context.suppressBraces;
    // Operands render without their own `${}`, as inside any cdktf expression.
    context.suppressBraces = true;
    const expression = `(${operand(context, this.left)} && ${operand(context, this.right)})`;
    return suppressBraces ? expression : `\${${expression}}`;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

function operand(context: IResolveContext, condition: IResolvable): string {
  return String(context.resolve(condition));
}

function matchesPattern(value: string, pattern: string): IResolvable {
  return Fn.can(Fn.regex(pattern, value));
}

/**
 * True when `value` is the empty string. cdktf's `Op` functions drop a falsy right operand (`Op.eq(v, "")` and
 * `Op.eq(length(v), 0)` both render `== undefined`), so this compares the length with 1.
 */
export function isEmptyString(value: string): IResolvable {
  return Op.lt(Fn.lengthOf(value), 1);
}

/** `SAGEMAKER_NAME_PATTERN` without its repeat count (the length is checked apart). */
export const SAGEMAKER_NAME_RE2 = "^[a-zA-Z0-9](-*[a-zA-Z0-9])*$";
/** `IAM_ROLE_NAME_PATTERN` without `\w` and its repeat count. */
export const IAM_ROLE_NAME_RE2 = "^[a-zA-Z0-9_+=,.@-]+$";

/** `sagemakerName`: 1-63 letters, digits and hyphens, starting and ending with a letter or digit. */
export function sagemakerNameCondition(value: string): IResolvable {
  return allOf(Op.lte(Fn.lengthOf(value), 63), matchesPattern(value, SAGEMAKER_NAME_RE2));
}

/** `iamRoleName`: 1-64 characters from letters, digits and `+=,.@_-`. */
export function iamRoleNameCondition(value: string): IResolvable {
  return allOf(Op.lte(Fn.lengthOf(value), 64), matchesPattern(value, IAM_ROLE_NAME_RE2));
}

/** `ecrImageUri`: an Amazon ECR image URI of at most 255 characters. */
export function ecrImageUriCondition(value: string): IResolvable {
  return allOf(Op.lte(Fn.lengthOf(value), 255), matchesPattern(value, ECR_IMAGE_URI_PATTERN));
}

/** `ecrRepositoryName`: an ECR repository name of 2-256 characters. */
export function ecrRepositoryNameCondition(value: string): IResolvable {
  return allOf(
    Op.gte(Fn.lengthOf(value), 2),
    Op.lte(Fn.lengthOf(value), 256),
    matchesPattern(value, ECR_REPOSITORY_NAME_PATTERN),
  );
}

/** `instanceType`: a SageMaker hosting instance type. */
export function instanceTypeCondition(value: string): IResolvable {
  return matchesPattern(value, INSTANCE_TYPE_PATTERN);
}

/** `emailAddress`: an e-mail address. */
export function emailAddressCondition(value: string): IResolvable {
  return matchesPattern(value, EMAIL_ADDRESS_PATTERN);
}

/** `s3BucketName`: the S3 general purpose bucket naming rules. */
export function s3BucketNameCondition(value: string): IResolvable {
  return allOf(
    Op.gte(Fn.lengthOf(value), 3),
    Op.lte(Fn.lengthOf(value), 63),
    matchesPattern(value, "^[a-z0-9][a-z0-9.-]*[a-z0-9]$"),
    Op.not(Fn.strcontains(value, "..")),
    Op.not(matchesPattern(value, "^[0-9]{1,3}([.][0-9]{1,3}){3}$")),
    Op.not(matchesPattern(value, "^(xn--|sthree-|amzn-s3-demo-)")),
    Op.not(matchesPattern(value, "(-s3alias|--ol-s3|[.]mrap|--x-s3|--table-s3)$")),
    Op.or(
      Op.not(Fn.endswith(value, "-an")),
      matchesPattern(value, "-[0-9]{12}-[a-z]{2}(-[a-z]+)+-[0-9]+-an$"),
    ),
  );
}

/**
 * `checkResourceTags` for a `map(string)` variable, as a validation condition: at most `MAX_TAGS` tags with the
 * keys each resource also gets (`addedKeys`), keys of 1-128 and values of at most 256 letters, digits, spaces
 * and `_.:/=+-@`, no key starting with `aws:`. `variable` is its reference, e.g. `var.tags`.
 *
 * Written as HCL text: a `for` expression has no cdktf function. The `\\p{...}` classes need their backslash
 * doubled for the HCL string literal, which cdktf writes as given.
 */
export function tagsCondition(variable: string, addedKeys: readonly string[] = []): string {
  const withAdded =
    addedKeys.length > 0
      ? `merge(${variable}, {${addedKeys.map((key) => `"${key}" = ""`).join(", ")}})`
      : variable;
  const text = (value: string) => `can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", ${value}))`;
  const entry = [
    "length(key) >= 1",
    "length(key) <= 128",
    "length(value) <= 256",
    '!startswith(lower(key), "aws:")',
    text("key"),
    text("value"),
  ].join(" && ");
  return `\${length(${withAdded}) <= ${MAX_TAGS} && alltrue([for key, value in ${variable} : ${entry}])}`;
}
