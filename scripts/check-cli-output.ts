/**
 * `npm run check:cli-output`: `cdktf synth` on an app with invalid input prints the problems once, without a
 * stack trace, and fails; after a good synth, in either format, it leaves the folders of the stacks it did not define
 * as they were, `.terraform` included (scripts/cli-output/cli-output-check.ts).
 */
import {
  outputProblems,
  readLines,
  synthInvalidAfterValid,
  synthInvalidApp,
  type SynthRun,
} from "./cli-output/cli-output-check";

const PRINTED_ONCE = "Printed once, no stack trace.";
const KEPT = `${PRINTED_ONCE} The .terraform marker and the files of the stacks from the invalid one on are as the first synth left them.`;

const scenarios: { title: string; passed: string; run: () => SynthRun & { changed?: string[] } }[] =
  [
    {
      title: "cdktf synth, invalid input",
      passed: PRINTED_ONCE,
      run: () => synthInvalidApp(process.cwd()),
    },
    {
      title: "cdktf synth, then cdktf synth on invalid input",
      passed: KEPT,
      run: () => synthInvalidAfterValid(process.cwd(), false),
    },
    {
      title: "cdktf synth --hcl, then cdktf synth --hcl on invalid input",
      passed: KEPT,
      run: () => synthInvalidAfterValid(process.cwd(), true),
    },
  ];

let failed = false;
for (const { title, passed, run } of scenarios) {
  const { output, status, changed = [] } = run();
  const lines = readLines(output);
  process.stdout.write(`${title}: exit code ${String(status)}, ${lines.length} lines:\n`);
  process.stdout.write(`${lines.map((line) => `  | ${line}`).join("\n")}\n`);
  const problems = [...outputProblems(output, status), ...changed];
  process.stdout.write(`${problems.length === 0 ? passed : problems.join("\n")}\n`);
  failed ||= problems.length > 0;
}
process.exitCode = failed ? 1 : 0;
