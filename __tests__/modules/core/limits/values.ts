/** A stack with a string and a number variable, whose values the limits' conditions are written over. */
import { TerraformStack, TerraformVariable, Testing } from "cdktf";

export const stack = new TerraformStack(Testing.app(), "s");
/** `var.v`, a string. */
export const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
/** `var.n`, a number. */
export const n = new TerraformVariable(stack, "n", { type: "number" }).numberValue;
