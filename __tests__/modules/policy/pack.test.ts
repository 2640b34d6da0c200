import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY_PACK } from "../../../modules/policy/pack";

const ids = POLICY_PACK.map((rule) => rule.id);

/** The rows of the rules table of docs/policy-checks.md: `| `id` | level | what | why | checkov | reference |`. */
function documentedRules(): string[][] {
  const page = readFileSync(join(process.cwd(), "docs/policy-checks.md"), "utf8");
  const section = page.slice(page.indexOf("## Policy rules"));
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

  it("is documented in the rules table of docs/policy-checks.md, rule by rule, with its checkov ids", () => {
    expect(documentedRules()).toEqual(
      POLICY_PACK.map((rule) => [
        `\`${rule.id}\``,
        rule.severity,
        rule.what,
        rule.why,
        rule.checkov.length > 0 ? rule.checkov.join(", ") : "none",
        rule.reference,
      ]),
    );
  });

  it("names checkov checks by their ids", () => {
    for (const rule of POLICY_PACK) {
      for (const id of rule.checkov) expect(id).toMatch(/^CKV2?_AWS_\d+$/);
    }
  });
});
