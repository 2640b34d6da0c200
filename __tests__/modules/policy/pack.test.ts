import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY_PACK } from "../../../modules/policy/pack";

const ids = POLICY_PACK.map((rule) => rule.id);

/** The rows of the README's rules table: `| `id` | level | what | why | reference |`. */
function readmeRules(): string[][] {
  const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Policy checks"));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("| Rule")));
  return table
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

describe("the policy pack", () => {
  it("has unique ids, one rule per file named after its id, each with its own test file", () => {
    expect(new Set(ids).size).toBe(ids.length);
    const ruleFiles = readdirSync(join(process.cwd(), "modules/policy/rules"));
    expect(ruleFiles.sort()).toEqual(ids.map((id) => `${id}.ts`).sort());
    const testFiles = readdirSync(join(process.cwd(), "__tests__/modules/policy/rules"));
    expect(testFiles.sort()).toEqual(ids.map((id) => `${id}.test.ts`).sort());
  });

  it("is documented in the README's rules table, rule by rule, as the code states it", () => {
    expect(readmeRules()).toEqual(
      POLICY_PACK.map((rule) => [
        `\`${rule.id}\``,
        rule.severity,
        rule.what,
        rule.why,
        rule.reference,
      ]),
    );
  });
});
