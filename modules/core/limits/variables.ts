/**
 * Terraform variable validations by a limit: the limit's condition, and the message "<variable> must be
 * <description>; got <value>." (or "must be empty or ..." for a variable whose empty string means a default).
 */
import type { TerraformVariable, TerraformVariableValidationConfig } from "cdktf";
import { hcl, withValueGiven } from "../terraform-conditions";
import type { Limit } from "../validation";

export interface LimitValidationOptions {
  /**
   * The empty string passes too (`var.x == "" || ...`): for a variable whose empty value stands for a default.
   *
   * @default false
   */
  readonly orEmpty?: boolean;
}

/**
 * The validation of `variable` by `limit`, over `value`: the variable's value as the limit takes it
 * (`stringValue`, `numberValue`, `value` for a map).
 */
export function limitValidation<T>(
  variable: TerraformVariable,
  limit: Limit<T>,
  value: T,
  options: LimitValidationOptions = {},
): TerraformVariableValidationConfig {
  const name = variable.friendlyUniqueId;
  const condition = limit.condition(value);
  return {
    condition: options.orEmpty ? hcl`${value} == "" || ${condition}` : condition,
    errorMessage: withValueGiven(
      name,
      `${name} must be ${options.orEmpty ? "empty or " : ""}${limit.description}.`,
    ),
  };
}

/** Adds {@link limitValidation} to `variable`. */
export function validateBy<T>(
  variable: TerraformVariable,
  limit: Limit<T>,
  value: T,
  options: LimitValidationOptions = {},
): TerraformVariable {
  variable.addValidation(limitValidation(variable, limit, value, options));
  return variable;
}
