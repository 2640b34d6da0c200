/** IAM's limits: role and policy names, role ARNs. */
import { patternLimit } from "./shapes";

/** Role names (botocore `roleNameType`): 1-64 characters from letters, digits and `+=,.@_-`. */
export const IAM_ROLE_NAME = patternLimit(
  "^[a-zA-Z0-9_+=,.@-]+$",
  "an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -",
  { max: 64 },
);

/** Policy names (botocore `policyNameType`): 1-128 characters from letters, digits and `+=,.@_-`. */
export const IAM_POLICY_NAME = patternLimit(
  "^[a-zA-Z0-9_+=,.@-]+$",
  "an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ -",
  { max: 128 },
);

/** A role ARN as SageMaker accepts it for `ExecutionRoleArn` (botocore `RoleArn`, 20-2048 characters). */
export const IAM_ROLE_ARN = patternLimit(
  "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[a-zA-Z0-9_+=,.@/-]+$",
  "an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>",
  { max: 2048 },
);
