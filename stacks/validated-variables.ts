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

/** A `string` variable validated by `limit`: the limit's condition and words make its validation. */
export function stringVariable(
  scope: Construct,
  name: string,
  config: {
    /** @default - none: the variable is required */
    readonly default?: string;
    readonly description: string;
    readonly limit: Limit<string>;
    /** The empty string passes too: for a variable whose empty value stands for a default. */
    readonly orEmpty?: boolean;
    /**
     * `false` where the condition calls a function that refuses null (`length`, `contains`): null then stands for
     * the default, or is refused where there is none.
     *
     * @default - Terraform's default (nullable)
     */
    readonly nullable?: false;
  },
): TerraformVariable {
  const variable = new TerraformVariable(scope, name, {
    type: "string",
    default: config.default,
    description: config.description,
    nullable: config.nullable,
  });
  return validateBy(variable, config.limit, variable.stringValue, { orEmpty: config.orEmpty });
}
