/** Amazon ECR's limits: repository names, image URIs, tag mutability, image digests. */
import { oneOfLimit, patternLimit } from "./shapes";

/**
 * A repository name as botocore's ECR model allows it (`CreateRepository`): lowercase components joined by `.`, `_`,
 * `__` or runs of `-`, optionally namespaced with `/`. Unanchored, without backslashes: the same text works as a
 * JavaScript and as a Terraform (RE2) pattern, inside HCL strings too.
 */
const REPOSITORY =
  "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";

/** `CreateRepository.repositoryName`: 2-256 characters. */
export const ECR_REPOSITORY_NAME = patternLimit(
  `^${REPOSITORY}$`,
  "an ECR repository name of 2-256 characters: lowercase letters and digits, separated by '.', '_', '__' or " +
    "hyphens, with optional '/' namespaces (e.g. team/model-server)",
  { min: 2, max: 256 },
);

/**
 * An Amazon ECR image URI, `<account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]`
 * (repository and tag as botocore's ECR model allows them). Capture groups: 1 account, 2 region, 3 DNS suffix,
 * 4 repository (`ecrRepositoryArn` reads them).
 */
export const ECR_IMAGE_URI_PATTERN =
  "^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/" +
  `(${REPOSITORY})` +
  "(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$";

/** An image SageMaker pulls from Amazon ECR (`ContainerDefinition.Image`, at most 255 characters). */
export const ECR_IMAGE_URI = patternLimit(
  ECR_IMAGE_URI_PATTERN,
  "an Amazon ECR image URI of at most 255 characters: " +
    "<account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]",
  { max: 255 },
);

/** `imageTagMutability` of a repository. */
export const ECR_TAG_MUTABILITY = oneOfLimit(["MUTABLE", "IMMUTABLE"], "MUTABLE or IMMUTABLE");

/** An image digest as registries write it: `sha256:` and 64 hex digits. */
export const IMAGE_DIGEST = patternLimit(
  "^sha256:[a-f0-9]{64}$",
  "an image digest, sha256: and 64 lowercase hex digits",
);
