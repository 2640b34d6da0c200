import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { withValueGiven } from "../../modules/core/terraform-conditions";
import { IMAGE_DIGEST_PATTERN, IMAGE_DIGEST_RULE } from "../../modules/images/image-digest";

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
  const dataCaptureRetentionDays = new TerraformVariable(scope, "data_capture_retention_days", {
    type: "number",
    default: DEFAULT_DATA_CAPTURE_RETENTION_DAYS,
    description:
      "Days captured requests and responses (data-capture/ in the bucket) are kept before they expire",
    validation: [
      {
        condition: `\${var.data_capture_retention_days >= 1 && var.data_capture_retention_days <= ${MAX_DATA_CAPTURE_RETENTION_DAYS} && floor(var.data_capture_retention_days) == var.data_capture_retention_days}`,
        errorMessage: withValueGiven(
          "data_capture_retention_days",
          `data_capture_retention_days must be a whole number of days from 1 to ${MAX_DATA_CAPTURE_RETENTION_DAYS}`,
        ),
      },
    ],
  });
  const containerImageDigest = new TerraformVariable(scope, "container_image_digest", {
    type: "string",
    default: "",
    description:
      "Digest (sha256:...) that pins the model image: the model refers to <repository>@<digest> instead of a tag; empty: the tag",
    validation: [
      {
        condition: `\${var.container_image_digest == "" || can(regex("${IMAGE_DIGEST_PATTERN}", var.container_image_digest))}`,
        errorMessage: withValueGiven(
          "container_image_digest",
          `container_image_digest must be empty or ${IMAGE_DIGEST_RULE}`,
        ),
      },
    ],
  });
  return { dataCaptureRetentionDays, containerImageDigest };
}
