/** Amazon SNS's limits: topic ARNs and e-mail subscriptions. */
import { patternLimit } from "./shapes";

/** A topic ARN (botocore `SnsTopicArn`). */
export const SNS_TOPIC_ARN = patternLimit(
  "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[a-zA-Z0-9_.-]{1,256}$",
  "an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>",
);

/**
 * An e-mail address as the recipe's Terraform checks it: a local part, `@`, a domain with a dot and a top-level
 * domain of 2 letters or more.
 */
export const EMAIL_ADDRESS = patternLimit(
  "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+[.][a-zA-Z]{2,}$",
  "an e-mail address such as ops@example.com",
);
