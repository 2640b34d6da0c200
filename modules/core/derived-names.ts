/**
 * Names built from several inputs (`<project>-<environment>-<what>`), checked against AWS's limits: at synth time
 * when the parts are known, otherwise by a resource precondition, since Terraform 1.5 cannot validate a
 * combination of variables.
 */
import { Fn, type IResolvable, type Precondition } from "cdktf";
import {
  IAM_ROLE_NAME_RULE,
  iamRoleName,
  s3BucketName,
  SAGEMAKER_NAME_RULE,
  sagemakerName,
} from "./rules";
import {
  iamRoleNameCondition,
  s3BucketNameCondition,
  sagemakerNameCondition,
} from "./terraform-conditions";
import type { Rule } from "./validation";

/** A kind of name AWS limits: the synth-time rule, its words, and the same check as a Terraform condition. */
export interface NameLimit {
  readonly rule: Rule<string>;
  readonly description: string;
  readonly condition: (value: string) => IResolvable;
}

export const SAGEMAKER_NAME_LIMIT: NameLimit = {
  rule: sagemakerName,
  description: SAGEMAKER_NAME_RULE,
  condition: sagemakerNameCondition,
};

export const IAM_ROLE_NAME_LIMIT: NameLimit = {
  rule: iamRoleName,
  description: IAM_ROLE_NAME_RULE,
  condition: iamRoleNameCondition,
};

export const S3_BUCKET_NAME_LIMIT: NameLimit = {
  rule: s3BucketName,
  description:
    "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit",
  condition: s3BucketNameCondition,
};

/**
 * A precondition for the resource that carries a name joined with `-` from `parts`, e.g. `[var.project_name,
 * var.environment, "endpoint"]`: the message shows `label`, the name, its length and what is allowed, then
 * `hint` (what to shorten).
 */
export function derivedNamePrecondition(
  label: string,
  parts: readonly string[],
  limit: NameLimit,
  hint: string,
): Precondition {
  // Inside function calls the name is join() of its parts: cdktf warns about, and may mis-render, a string
  // template in a function's arguments.
  const joined = Fn.join("-", [...parts]);
  // Single quotes around the name: cdktf's HCL rendering (`cdktf synth --hcl`) breaks on double quotes next
  // to an interpolation inside a string.
  return {
    condition: limit.condition(joined),
    errorMessage: `${label} is '${parts.join("-")}', ${Fn.lengthOf(joined)} characters; allowed: ${limit.description}. ${hint}`,
  };
}
