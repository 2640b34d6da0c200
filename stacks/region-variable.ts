import type { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { REGION } from "../modules/core/limits/region";
import { stringVariable } from "./validated-variables";

/** The required `aws_region` variable (as the Alex original declares it), plus a format check; the Alex and ml-module stacks take their region from it. */
export function awsRegionVariable(scope: Construct): TerraformVariable {
  return stringVariable(scope, "aws_region", {
    description: "AWS region for resources",
    limit: REGION,
  });
}
