/** IAM's limits: role and policy names, role ARNs. */
import { patternLimit } from "./shapes";

/** IAM names (botocore `roleNameType`, `policyNameType`): 1-`max` characters from letters, digits and `+=,.@_-`. */
function iamName(kind: string, max: number) {
  return patternLimit(
    "^[a-zA-Z0-9_+=,.@-]+$",
    `an IAM ${kind} name: 1-${max} characters from letters, digits and + = , . @ _ -`,
    { max },
  );
}

export const IAM_ROLE_NAME = iamName("role", 64);
export const IAM_POLICY_NAME = iamName("policy", 128);

/** A role ARN as SageMaker accepts it for `ExecutionRoleArn` (botocore `RoleArn`, 20-2048 characters). */
export const IAM_ROLE_ARN = patternLimit(
  "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[a-zA-Z0-9_+=,.@/-]+$",
  "an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>",
  { max: 2048 },
);
