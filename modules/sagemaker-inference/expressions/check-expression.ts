import { isUnresolved, KNOWN_AT_SYNTH, type Problems } from "../../core/validation";
import { describeProblem, type Parsed } from "./tokens";

/**
 * Checks an expression prop: it must be a literal (it is parsed at synth time) and parse with `parse`; a
 * problem quotes `grammar` and says where the expression went wrong.
 */
export function checkExpression(
  problems: Problems,
  field: string,
  expression: string,
  grammar: string,
  parse: (expression: string) => Parsed<unknown>,
): void {
  if (isUnresolved(expression)) {
    problems.add(field, expression, KNOWN_AT_SYNTH);
    return;
  }
  const parsed = parse(expression);
  if (!parsed.ok) problems.add(field, expression, describeProblem(grammar, parsed.problem));
}
