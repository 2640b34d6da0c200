/** AWS region codes. */
import { patternLimit } from "./shapes";

/** us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1, eusc-de-east-1, ... */
export const REGION = patternLimit(
  "^[a-z]{2,4}(-[a-z]+)+-[0-9]+$",
  "an AWS region code such as us-east-1",
);
