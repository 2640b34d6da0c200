import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkProject,
  formatProblems,
  synthesizedStacks,
} from "../../../scripts/terraform/configuration-check";
import { OfflineTerraform } from "../../../scripts/terraform/offline-terraform";

describe("formatProblems", () => {
  it("prints each problem under its stack and format, terraform's detail indented", () => {
    expect(
      formatProblems([
        {
          stack: "iam",
          format: "hcl",
          problem: "Warning: Quoted references are deprecated\n\n  on cdk.tf line 4",
        },
        { stack: "ml-module", format: "json", problem: "Error: Invalid block" },
      ]),
    ).toBe(
      [
        "iam (hcl): Warning: Quoted references are deprecated",
        "",
        "      on cdk.tf line 4",
        "",
        "ml-module (json): Error: Invalid block",
      ].join("\n"),
    );
  });
});

describe("synthesizedStacks", () => {
  it("finds every stack folder from the manifest", () => {
    const outdir = mkdtempSync(join(tmpdir(), "out-"));
    mkdirSync(join(outdir, "stacks"));
    writeFileSync(
      join(outdir, "manifest.json"),
      JSON.stringify({
        stacks: { iam: { workingDirectory: "stacks/iam" }, x: { workingDirectory: "stacks/x" } },
      }),
    );
    expect(synthesizedStacks(outdir)).toEqual({
      iam: join(outdir, "stacks", "iam"),
      x: join(outdir, "stacks", "x"),
    });
  });
});

describe("checkProject", () => {
  it("fails plainly when there is no terraform", () => {
    const printed: string[] = [];
    const code = checkProject(
      process.cwd(),
      (text) => printed.push(text),
      new OfflineTerraform("no-terraform-here"),
    );
    expect(code).toBe(1);
    expect(printed.join("")).toMatch(
      /^terraform >= 1\.5 is needed on the PATH and 'no-terraform-here version' failed: /,
    );
  });
});
