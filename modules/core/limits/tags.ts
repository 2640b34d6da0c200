/**
 * Tags of the resources this project creates (SageMaker, IAM, S3, ECR, KMS, SNS, CloudWatch, Application Auto
 * Scaling): at most 50 on a resource, keys of 1-128 and values of at most 256 characters from letters, digits, spaces
 * and `_.:/=+-@`, no key starting with the reserved `aws:`.
 */
import { Token } from "cdktf";
import { hcl } from "../terraform-conditions";
import { isUnresolved, Problems, type Limit } from "../validation";

/** At most 50 tags on one resource. */
export const MAX_TAGS = 50;

const CHARACTERS = "letters, digits, spaces and _ . : / = + - @";
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** {@link TAG_TEXT} for RE2 inside an HCL string literal: one backslash reaches RE2, the literal holds two. */
const TAG_TEXT_RE2 = "^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$";

const KEY_WORDS = `a tag key of 1-128 ${CHARACTERS}, not starting with aws:`;
const VALUE_WORDS = `a tag value of at most 256 ${CHARACTERS}`;

/**
 * Keys and values of `tags`; tokens are skipped. A map known only at apply time (a `map(string)` variable) is
 * skipped as a whole: guard the variable with {@link tagsLimit}.
 */
export function checkTags(
  problems: Problems,
  field: string,
  tags: Readonly<Record<string, string>> | undefined,
): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  for (const [key, value] of Object.entries(tags)) {
    if (isUnresolved(key)) continue;
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key) || /^aws:/i.test(key)) {
      problems.add(`${field}.${key}`, key, KEY_WORDS);
    }
    if (!isUnresolved(value) && (value.length > 256 || !TAG_TEXT.test(value))) {
      problems.add(`${field}.${key}`, value, VALUE_WORDS);
    }
  }
}

/**
 * {@link checkTags}, and at most {@link MAX_TAGS} on each resource: the given tags together with the keys the
 * construct adds itself (`addedKeys`, e.g. `Name`).
 */
export function checkResourceTags(
  problems: Problems,
  field: string,
  tags: Readonly<Record<string, string>> | undefined,
  addedKeys: readonly string[] = [],
): void {
  checkTags(problems, field, tags);
  if (tags === undefined || Token.isUnresolved(tags)) return;
  const count = new Set([...Object.keys(tags), ...addedKeys]).size;
  if (count > MAX_TAGS) {
    const counting = addedKeys.length > 0 ? `, counting ${addedKeys.join(", ")}` : "";
    problems.add(field, `${count} tags`, `at most ${MAX_TAGS} tags per resource${counting}`);
  }
}

/**
 * The tags of a `map(string)` input that every resource gets together with `addedKeys` (e.g. `Name`): its
 * condition checks the count with those keys, and every key and value.
 */
export function tagsLimit(
  addedKeys: readonly string[] = [],
): Limit<Readonly<Record<string, string>>> {
  const together = addedKeys.length > 0 ? ` together with ${addedKeys.join(", ")}` : "";
  const description =
    `a map of at most ${MAX_TAGS} tags${together}, keys of 1-128 and values of at most 256 ${CHARACTERS}, ` +
    "no key starting with aws:";
  const added = addedKeys.map((key) => `"${key}" = ""`).join(", ");
  return {
    description,
    rule: (tags) => {
      const problems = new Problems();
      checkResourceTags(problems, "tags", tags, addedKeys);
      return problems.isEmpty ? undefined : description;
    },
    condition: (tags) => {
      const withAdded = addedKeys.length > 0 ? hcl`merge(${tags}, {${added}})` : tags;
      const text = (value: string) => `can(regex("${TAG_TEXT_RE2}", ${value}))`;
      const entry = [
        "length(key) >= 1",
        "length(key) <= 128",
        "length(value) <= 256",
        '!startswith(lower(key), "aws:")',
        text("key"),
        text("value"),
      ].join(" && ");
      return hcl`length(${withAdded}) <= ${MAX_TAGS} && alltrue([for key, value in ${tags} : ${entry}])`;
    },
  };
}
