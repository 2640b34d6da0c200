/**
 * Terraform boolean expressions for the rules in `rules.ts`, for values known only at apply time: variable
 * validations and resource preconditions. Each takes the value (usually a token, e.g. a variable's
 * `stringValue`) and returns the expression.
 *
 * The patterns are RE2 without counted repeats above 1000 (lengths are checked with `length()`), and without
 * backslashes, which cdktf would pass into the HCL string unescaped.
 */
import { Fn, Op, type IResolvable } from "cdktf";
import { ECR_IMAGE_URI_PATTERN } from "./rules";

/** True when every condition is. */
export function allOf(...conditions: IResolvable[]): IResolvable {
  return conditions.reduce((all, next) => Op.and(all, next));
}

function matchesPattern(value: string, pattern: string): IResolvable {
  return Fn.can(Fn.regex(pattern, value));
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
