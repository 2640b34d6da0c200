/**
 * `npm run check:cli-output`: `cdktf synth` on an app with invalid input prints the problems once, without a
 * stack trace, and fails (scripts/cli-output/cli-output-check.ts).
 */
import { outputProblems, readLines, synthInvalidApp } from "./cli-output/cli-output-check";

const { output, status } = synthInvalidApp(process.cwd());
const lines = readLines(output);
process.stdout.write(
  `cdktf synth, invalid input: exit code ${String(status)}, ${lines.length} lines:\n`,
);
process.stdout.write(`${lines.map((line) => `  | ${line}`).join("\n")}\n`);
const problems = outputProblems(output, status);
process.stdout.write(
  problems.length === 0 ? "Printed once, no stack trace.\n" : `${problems.join("\n")}\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
