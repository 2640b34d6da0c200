/** Amazon S3's limits: bucket names and s3:// URIs. */
import { Fn, Op } from "cdktf";
import { allOf, matchesPattern } from "../terraform-conditions";
import type { Limit, Rule } from "../validation";

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
/** `-an` ends only account-regional bucket names: `<prefix>-<account>-<region>-an`. */
const ACCOUNT_REGIONAL = "-[0-9]{12}-[a-z]{2}(-[a-z]+)+-[0-9]+-an$";

/** Which of the naming rules `value` breaks, in words. */
function brokenBucketRules(value: string): string[] {
  const broken: string[] = [];
  if (value.length < 3 || value.length > 63) broken.push(`it has ${value.length} characters`);
  if (!/^[a-z0-9.-]*$/.test(value))
    broken.push("it has characters other than a-z, 0-9, '.' and '-'");
  // Upper case is reported by the character rule above, not again here.
  if (!/^[a-zA-Z0-9]/.test(value) || !/[a-zA-Z0-9]$/.test(value)) {
    broken.push("it does not start and end with a letter or digit");
  }
  if (value.includes("..")) broken.push("it has two adjacent periods");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) broken.push("it is formatted as an IP address");
  const prefix = RESERVED_PREFIXES.find((p) => value.startsWith(p));
  if (prefix) broken.push(`it starts with the reserved prefix '${prefix}'`);
  const suffix = RESERVED_SUFFIXES.find((s) => value.endsWith(s));
  if (suffix) broken.push(`it ends with the reserved suffix '${suffix}'`);
  if (value.endsWith("-an") && !new RegExp(ACCOUNT_REGIONAL).test(value)) {
    broken.push("it ends with '-an', which is reserved for account-regional bucket names");
  }
  return broken;
}

/** General purpose bucket names (S3 User Guide, "General purpose bucket naming rules"). */
export const S3_BUCKET_NAME: Limit<string> = {
  description:
    "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, " +
    `no '..', not an IP address, no reserved prefix (${RESERVED_PREFIXES.join(", ")}) or suffix ` +
    `(${RESERVED_SUFFIXES.join(", ")}; -an only in account-regional names)`,
  rule: (value) => {
    const broken = brokenBucketRules(value);
    return broken.length === 0
      ? undefined
      : `${S3_BUCKET_NAME.description}; this one: ${broken.join("; ")}`;
  },
  condition: (value) =>
    allOf(
      Op.gte(Fn.lengthOf(value), 3),
      Op.lte(Fn.lengthOf(value), 63),
      matchesPattern(value, "^[a-z0-9][a-z0-9.-]*[a-z0-9]$"),
      Op.not(Fn.strcontains(value, "..")),
      Op.not(matchesPattern(value, "^[0-9]{1,3}([.][0-9]{1,3}){3}$")),
      Op.not(matchesPattern(value, `^(${RESERVED_PREFIXES.join("|")})`)),
      Op.not(
        matchesPattern(
          value,
          `(${RESERVED_SUFFIXES.map((s) => s.replace(".", "[.]")).join("|")})$`,
        ),
      ),
      Op.or(Op.not(Fn.endswith(value, "-an")), matchesPattern(value, ACCOUNT_REGIONAL)),
    ),
};

/** An `s3://bucket/key` URI whose bucket part is a valid bucket name. */
export const s3Uri: Rule<string> = (value) => {
  const match = /^s3:\/\/([^/]+)(\/.*)?$/.exec(value);
  if (!match) return "an S3 URI of the form s3://<bucket>/<key>";
  return S3_BUCKET_NAME.rule(match[1]!) === undefined
    ? undefined
    : `an S3 URI of the form s3://<bucket>/<key> with a valid bucket name ('${match[1]}' is not one)`;
};
