import type { Problems } from "../../core/validation";
import { describeProblem, type Parsed } from "./tokens";

/**
 * Checks an expression prop: it must parse with `parse` (it is parsed at synth time, so only its number may be
 * a Terraform expression); a problem quotes `grammar` and says where the expression went wrong.
 */
export function checkExpression(
  problems: Problems,
  field: string,
  expression: string,
  grammar: string,
  parse: (expression: string) => Parsed<unknown>,
): void {
  const parsed = parse(expression);
  if (!parsed.ok) problems.add(field, expression, describeProblem(grammar, parsed.problem));
}
