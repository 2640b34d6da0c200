import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { REGION } from "../modules/core/limits/region";
import { validateBy } from "../modules/core/limits/variables";

/** The required `aws_region` variable (as the Alex original declares it), plus a format check; the Alex and ml-module stacks take their region from it. */
export function awsRegionVariable(scope: Construct): TerraformVariable {
  const region = new TerraformVariable(scope, "aws_region", {
    type: "string",
    description: "AWS region for resources",
  });
  return validateBy(region, REGION, region.stringValue);
}
