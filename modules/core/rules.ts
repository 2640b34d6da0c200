/**
 * Reusable synth-time rules for AWS inputs. Each returns `undefined` for a good value, otherwise the text
 * that completes "allowed: ...". The limits and their sources are collected in the README's
 * "Validation" section (from the AWS API models and service guides).
 */
import { Token } from "cdktf";
import { isUnresolved, type Problems, type Rule } from "./validation";

/** SageMaker model, endpoint configuration, endpoint, variant and container host names (botocore). */
export const SAGEMAKER_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** What {@link sagemakerName} allows, in words. */
export const SAGEMAKER_NAME_RULE =
  "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit";
/** IAM role names (botocore `roleNameType`, 1-64 characters). */
export const IAM_ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
/** What {@link iamRoleName} allows, in words. */
export const IAM_ROLE_NAME_RULE =
  "an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -";

function lengthNote(value: string, max: number): string {
  return value.length > max ? ` (this one has ${value.length})` : "";
}

// The pattern's {0,62} counts groups of hyphens plus one character, not characters: with hyphens in it, a
// name longer than 63 would match. The length is checked apart.
export const sagemakerName: Rule<string> = (value) =>
  value.length <= 63 && SAGEMAKER_NAME_PATTERN.test(value)
    ? undefined
    : SAGEMAKER_NAME_RULE + lengthNote(value, 63);

export const iamRoleName: Rule<string> = (value) =>
  IAM_ROLE_NAME_PATTERN.test(value) ? undefined : IAM_ROLE_NAME_RULE + lengthNote(value, 64);

/** IAM policy names (botocore `policyNameType`): 1-128 characters of letters, digits and `+=,.@_-`. */
export const iamPolicyName: Rule<string> = (value) =>
  /^[\w+=,.@-]{1,128}$/.test(value)
    ? undefined
    : "an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ -" +
      lengthNote(value, 128);

const RESERVED_BUCKET_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_BUCKET_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
const ACCOUNT_REGIONAL_BUCKET = /-\d{12}-[a-z]{2}(-[a-z]+)+-\d+-an$/;

/** S3 general purpose bucket naming rules (S3 User Guide, "General purpose bucket naming rules"). */
export const s3BucketName: Rule<string> = (value) => {
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
  const prefix = RESERVED_BUCKET_PREFIXES.find((p) => value.startsWith(p));
  if (prefix) broken.push(`it starts with the reserved prefix '${prefix}'`);
  const suffix = RESERVED_BUCKET_SUFFIXES.find((s) => value.endsWith(s));
  if (suffix) broken.push(`it ends with the reserved suffix '${suffix}'`);
  if (value.endsWith("-an") && !ACCOUNT_REGIONAL_BUCKET.test(value)) {
    broken.push("it ends with '-an', which is reserved for account-regional bucket names");
  }
  return broken.length === 0
    ? undefined
    : "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a " +
        `letter or digit, no '..', not an IP address, no reserved prefix or suffix (${broken.join("; ")})`;
};

/** An `s3://bucket/key` URI whose bucket part is a valid bucket name. */
export const s3Uri: Rule<string> = (value) => {
  const match = /^s3:\/\/([^/]+)(\/.*)?$/.exec(value);
  if (!match) return "an S3 URI of the form s3://<bucket>/<key>";
  return s3BucketName(match[1]!) === undefined
    ? undefined
    : `an S3 URI of the form s3://<bucket>/<key> with a valid bucket name ('${match[1]}' is not one)`;
};

/** One of a fixed set of values. */
export function oneOf<T extends string | number>(
  values: readonly T[],
  unit = "",
): Rule<T extends string ? string : number> {
  const shown = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
  const list =
    shown.length > 1 ? `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}` : shown[0];
  return (value) => (values.includes(value as T) ? undefined : `one of ${list}${unit}`);
}

/** A whole number from `min` to `max`, inclusive. */
export function integerBetween(min: number, max: number, unit = ""): Rule<number> {
  return (value) =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `a whole number from ${min} to ${max}${unit}`;
}

/** A number from `min` to `max`, inclusive. */
export function numberBetween(min: number, max: number): Rule<number> {
  return (value) =>
    Number.isFinite(value) && value >= min && value <= max
      ? undefined
      : `a number from ${min} to ${max}`;
}

/** A whole number of at least `min`. */
export function integerAtLeast(min: number): Rule<number> {
  return (value) =>
    Number.isInteger(value) && value >= min ? undefined : `a whole number of at least ${min}`;
}

/** A number of at least `min`. */
export function numberAtLeast(min: number): Rule<number> {
  return (value) =>
    Number.isFinite(value) && value >= min ? undefined : `a number of at least ${min}`;
}

/**
 * At most another prop's value, e.g. `atMost(maxConcurrency, "maxConcurrency")`. Anything passes while that
 * value is a token.
 */
export function atMost(limit: number, name: string): Rule<number> {
  return (value) =>
    isUnresolved(limit) || value <= limit ? undefined : `at most ${name} (${limit})`;
}

/** A string of at most `max` characters. */
export function maxLength(max: number): Rule<string> {
  return (value) =>
    value.length <= max ? undefined : `at most ${max} characters${lengthNote(value, max)}`;
}

/** A string matching `pattern`, described to the user as `description`. */
export function matches(pattern: RegExp, description: string): Rule<string> {
  return (value) => (pattern.test(value) ? undefined : description);
}

/** Serverless endpoint memory: 1024-6144 MB in 1 GB steps (ProductionVariantServerlessConfig). */
export const SERVERLESS_MEMORY_SIZES = [1024, 2048, 3072, 4096, 5120, 6144] as const;
export const serverlessMemorySize: Rule<number> = oneOf(SERVERLESS_MEMORY_SIZES, " (MB)");
/** Serverless max and provisioned concurrency: 1-200. */
export const serverlessConcurrency: Rule<number> = integerBetween(1, 200);

/** `ContainerDefinition.Image`: at most 255 characters, no whitespace. */
export const containerImage: Rule<string> = (value) =>
  /^\S{1,255}$/.test(value)
    ? undefined
    : "a container image URI of 1-255 characters without whitespace" + lengthNote(value, 255);

/**
 * An ECR repository name as botocore's ECR model allows it (`CreateRepository`): lowercase components joined by
 * `.`, `_`, `__` or runs of `-`, optionally namespaced with `/`. Unanchored, without backslashes: the same text
 * works as a JavaScript and as a Terraform (RE2) pattern, inside HCL strings too.
 */
const ECR_REPOSITORY =
  "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";
/** {@link ECR_REPOSITORY}, anchored. */
export const ECR_REPOSITORY_NAME_PATTERN = `^${ECR_REPOSITORY}$`;
/** What {@link ecrRepositoryName} allows, in words. */
export const ECR_REPOSITORY_NAME_RULE =
  "an ECR repository name of 2-256 characters: lowercase letters and digits, separated by '.', '_', '__' or " +
  "hyphens, with optional '/' namespaces (e.g. team/model-server)";

/** `CreateRepository.repositoryName`: 2-256 characters. */
export const ecrRepositoryName: Rule<string> = (value) =>
  value.length >= 2 && value.length <= 256 && new RegExp(ECR_REPOSITORY_NAME_PATTERN).test(value)
    ? undefined
    : ECR_REPOSITORY_NAME_RULE + lengthNote(value, 256);

/**
 * An Amazon ECR image URI, `<account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]`
 * (repository and tag as botocore's ECR model allows them). Written without backslashes so that the same text
 * works as a JavaScript and as a Terraform (RE2) pattern, inside HCL strings too. Capture groups: 1 account,
 * 2 region, 3 DNS suffix, 4 repository.
 */
export const ECR_IMAGE_URI_PATTERN =
  "^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/" +
  `(${ECR_REPOSITORY})` +
  "(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$";
/** What {@link ecrImageUri} allows, in words. */
export const ECR_IMAGE_URI_RULE =
  "an Amazon ECR image URI of at most 255 characters: " +
  "<account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]";

/** An image SageMaker pulls from Amazon ECR (`ContainerDefinition.Image`, at most 255 characters). */
export const ecrImageUri: Rule<string> = (value) =>
  value.length <= 255 && new RegExp(ECR_IMAGE_URI_PATTERN).test(value)
    ? undefined
    : ECR_IMAGE_URI_RULE + lengthNote(value, 255);

/** `ContainerDefinition.ModelDataUrl` of a compressed artifact: an s3:// or https:// URL of a `.tar.gz`. */
export const modelDataUrl: Rule<string> = (value) =>
  /^(https|s3):\/\/[^/]+\/.*\.tar\.gz$/.test(value) && value.length <= 1024
    ? undefined
    : "an s3:// or https:// URL of at most 1024 characters pointing at a .tar.gz model artifact";

const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/;

/**
 * `ContainerDefinition.Environment`: at most 100 entries, keys `[a-zA-Z_][a-zA-Z0-9_]*` up to 1024
 * characters, values up to 1024 characters, all keys and values together at most 32 KB.
 */
export function checkContainerEnvironment(
  problems: Problems,
  field: string,
  environment: Readonly<Record<string, string>> | undefined,
): void {
  if (environment === undefined || isUnresolved(Object.keys(environment))) return;
  const entries = Object.entries(environment);
  if (entries.length > 100) {
    problems.add(field, `${entries.length} entries`, "at most 100 environment variables");
  }
  let size = 0;
  for (const [key, value] of entries) {
    if (!ENVIRONMENT_KEY.test(key)) {
      problems.add(
        `${field}.${key}`,
        key,
        "an environment variable name of letters, digits and '_', not starting with a digit, at most 1024 characters",
      );
    }
    if (!isUnresolved(value)) {
      if (value.length > 1024) {
        problems.add(
          `${field}.${key}`,
          `${value.length} characters`,
          "a value of at most 1024 characters",
        );
      }
      size += key.length + value.length;
    }
  }
  if (size > 32 * 1024) {
    problems.add(field, `${size} bytes`, "at most 32768 bytes of keys and values together");
  }
}

/** `ExecutionRoleArn` as SageMaker accepts it (botocore `RoleArn`, 20-2048 characters). */
export const iamRoleArn: Rule<string> = (value) =>
  /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(value) && value.length <= 2048
    ? undefined
    : "an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>";

/** A KMS key or alias ARN (the AWS provider accepts ARNs only for SageMaker's KMS attributes). */
export const kmsKeyArn: Rule<string> = (value) =>
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/-]+$/.test(value) && value.length <= 2048
    ? undefined
    : "a KMS key ARN: arn:<partition>:kms:<region>:<12-digit account>:key/<key id> (or alias/<alias name>)";

/** An SNS topic ARN (botocore `SnsTopicArn`). */
export const snsTopicArn: Rule<string> = (value) =>
  /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w.-]{1,256}$/.test(value)
    ? undefined
    : "an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>";

/**
 * A SageMaker hosting instance type. Every value of botocore's `ProductionVariantInstanceType` matches this
 * pattern, including the hyphenated families such as `ml.p6-b200`. Without backslashes (a Terraform pattern too).
 */
export const INSTANCE_TYPE_PATTERN = "^ml[.][a-z0-9]+(-[a-z0-9]+)?[.](medium|large|[0-9]*xlarge)$";
/** What {@link instanceType} allows, in words. */
export const INSTANCE_TYPE_RULE = "a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge";

export const instanceType: Rule<string> = (value) =>
  new RegExp(INSTANCE_TYPE_PATTERN).test(value) ? undefined : INSTANCE_TYPE_RULE;

/**
 * A KMS alias name (`CreateAlias`): `alias/` and 1-250 letters, digits, `/`, `_` and `-`, not in the `alias/aws/`
 * namespace AWS reserves for its managed keys.
 */
export const kmsAliasName: Rule<string> = (value) =>
  /^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(value) && !value.startsWith("alias/aws/")
    ? undefined
    : "a KMS alias name: alias/ and 1-250 letters, digits, '/', '_' and '-', not starting with alias/aws/" +
      lengthNote(value, 256);

/**
 * An e-mail address as the recipe's Terraform checks it: a local part, `@`, a domain with a dot and a top-level
 * domain of 2 letters or more. Without backslashes (a Terraform pattern too).
 */
export const EMAIL_ADDRESS_PATTERN = "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+[.][a-zA-Z]{2,}$";
export const emailAddress: Rule<string> = (value) =>
  new RegExp(EMAIL_ADDRESS_PATTERN).test(value)
    ? undefined
    : "an e-mail address such as ops@example.com";

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Tags of SageMaker, CloudWatch and Application Auto Scaling resources: keys of 1-128 and values of at most
 * 256 letters, digits, spaces and `_.:/=+-@`; keys not starting with the reserved `aws:`. Tokens are skipped.
 */
export function checkTags(
  problems: Problems,
  field: string,
  tags: Readonly<Record<string, string>> | undefined,
): void {
  // A map known only at apply time (a map(string) variable) has a single token key.
  if (tags === undefined || Token.isUnresolved(tags)) return;
  for (const [key, value] of Object.entries(tags)) {
    if (isUnresolved(key)) continue;
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key) || /^aws:/i.test(key)) {
      problems.add(
        `${field}.${key}`,
        key,
        "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:",
      );
    }
    if (!isUnresolved(value) && (value.length > 256 || !TAG_TEXT.test(value))) {
      problems.add(
        `${field}.${key}`,
        value,
        "a tag value of at most 256 letters, digits, spaces and _ . : / = + - @",
      );
    }
  }
}

/** What `checkTags` allows, for error messages of Terraform validations (`tagsCondition`). */
export const TAG_TEXT_RULE =
  "keys of 1-128 and values of at most 256 letters, digits, spaces and _ . : / = + - @, no key starting with aws:";

/** At most 50 tags on one resource. */
export const MAX_TAGS = 50;

/**
 * `checkTags`, and at most `MAX_TAGS` on each resource: the given tags together with the keys the construct adds
 * itself (`addedKeys`, e.g. `Name`). A map known only at apply time is skipped: guard the variable it comes from
 * with `tagsCondition`.
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
