import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { IMAGE_DIGEST } from "../../modules/core/limits/ecr";
import { wholeNumberLimit } from "../../modules/core/limits/shapes";
import { validateBy } from "../../modules/core/limits/variables";
import { numberVariable } from "../number-variable";

/** Days captured requests and responses are kept by default; then they expire (see the README, Security). */
export const DEFAULT_DATA_CAPTURE_RETENTION_DAYS = 30;
/** The longest retention the variable accepts (100 years), so that a value in the wrong unit is caught. */
export const MAX_DATA_CAPTURE_RETENTION_DAYS = 36500;

/** The variables this stack adds to the recipe's for security: the retention of captured data, image pinning. */
export interface SecurityVariables {
  readonly dataCaptureRetentionDays: TerraformVariable;
  readonly containerImageDigest: TerraformVariable;
}

/**
 * Declares the variables the recipe does not have: how long captured inference data is kept
 * (`data_capture_retention_days`), and the digest that pins the model image (`container_image_digest`).
 */
export function securityVariables(scope: Construct): SecurityVariables {
  const dataCaptureRetentionDays = numberVariable(scope, "data_capture_retention_days", {
    default: DEFAULT_DATA_CAPTURE_RETENTION_DAYS,
    description:
      "Days captured requests and responses (data-capture/ in the bucket) are kept before they expire",
    limit: wholeNumberLimit(1, MAX_DATA_CAPTURE_RETENTION_DAYS, " (days)"),
  });
  const containerImageDigest = new TerraformVariable(scope, "container_image_digest", {
    type: "string",
    default: "",
    description:
      "Digest (sha256:...) that pins the model image: the model refers to <repository>@<digest> instead of a tag; empty: the tag",
  });
  validateBy(containerImageDigest, IMAGE_DIGEST, containerImageDigest.stringValue, {
    orEmpty: true,
  });
  return { dataCaptureRetentionDays, containerImageDigest };
}
