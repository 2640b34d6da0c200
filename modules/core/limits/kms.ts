/** AWS KMS's limits: key and alias ARNs, alias names. */
import { Fn, Op } from "cdktf";
import { lengthNote } from "../rules";
import { allOf, matchesPattern } from "../terraform-conditions";
import type { Limit } from "../validation";
import { patternLimit } from "./shapes";

/** The start of every KMS ARN: partition, region and account. */
export const KMS_ARN_PREFIX = "arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:";
/** `alias/` and a name of letters, digits, `/`, `_` and `-` (`CreateAlias`). */
export const KMS_ALIAS = "alias/[a-zA-Z0-9/_-]+";
const KEY = "key/[a-zA-Z0-9-]+";

const KEY_ARN_WORDS = "a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>";

/** A key ARN, not an alias: IAM policy resources and CloudWatch Logs' `kms_key_id` need the key itself. */
export const KMS_KEY_ARN = patternLimit(
  `^${KMS_ARN_PREFIX}${KEY}$`,
  `${KEY_ARN_WORDS} (not an alias: IAM policies and log groups need the key)`,
);

/** A key or an alias ARN: what SageMaker's KMS attributes accept (the AWS provider takes ARNs only). */
export const KMS_KEY_OR_ALIAS_ARN = patternLimit(
  `^${KMS_ARN_PREFIX}(${KEY}|${KMS_ALIAS})$`,
  `${KEY_ARN_WORDS}, or an alias ARN, ...:alias/<alias name>`,
  { max: 2048 },
);

/** An alias name (`CreateAlias`), not in the `alias/aws/` namespace AWS reserves for its managed keys. */
export const KMS_ALIAS_NAME: Limit<string> = {
  description:
    "a KMS alias name: alias/ and 1-250 letters, digits, '/', '_' and '-', not starting with alias/aws/",
  rule: (value) =>
    /^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(value) && !value.startsWith("alias/aws/")
      ? undefined
      : KMS_ALIAS_NAME.description + lengthNote(value, 256),
  condition: (value) =>
    allOf(
      Op.lte(Fn.lengthOf(value), 256),
      matchesPattern(value, `^${KMS_ALIAS}$`),
      Op.not(Fn.startswith(value, "alias/aws/")),
    ),
};
