import type { Problems } from "../../core/validation";
import { describeProblem, type Parsed } from "./tokens";

/**
 * Reports an expression prop that did not parse (it is parsed at synth time, so only its number may be a Terraform
 * expression): the problem quotes `grammar` and says where the expression went wrong.
 */
export function checkExpression(
  problems: Problems,
  field: string,
  expression: string,
  grammar: string,
  parsed: Parsed<unknown>,
): void {
  if (!parsed.ok) problems.add(field, expression, describeProblem(grammar, parsed.problem));
}
