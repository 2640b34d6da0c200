import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { withValueGiven } from "../modules/core/terraform-conditions";

/** AWS region codes: us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1, eusc-de-east-1, ... */
export const REGION_PATTERN = "^[a-z]{2,4}(-[a-z]+)+-[0-9]+$";

/** The required `aws_region` variable (as the Alex original declares it), plus a format check; the Alex and ml-module stacks take their region from it. */
export function awsRegionVariable(scope: Construct): TerraformVariable {
  return new TerraformVariable(scope, "aws_region", {
    type: "string",
    description: "AWS region for resources",
    validation: [
      {
        condition: `\${can(regex("${REGION_PATTERN}", var.aws_region))}`,
        errorMessage: withValueGiven(
          "aws_region",
          "aws_region must be an AWS region code such as us-east-1.",
        ),
      },
    ],
  });
}
