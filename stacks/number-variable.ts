import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { validateBy } from "../modules/core/limits/variables";
import type { Limit } from "../modules/core/validation";

/**
 * A `number` variable validated by `limit`. Not nullable: its condition compares numbers, which Terraform refuses
 * to do with null, so null stands for the default.
 */
export function numberVariable(
  scope: Construct,
  name: string,
  config: { readonly default: number; readonly description: string; readonly limit: Limit<number> },
): TerraformVariable {
  const variable = new TerraformVariable(scope, name, {
    type: "number",
    default: config.default,
    description: config.description,
    nullable: false,
  });
  return validateBy(variable, config.limit, variable.numberValue);
}
