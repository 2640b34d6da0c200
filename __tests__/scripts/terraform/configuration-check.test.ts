import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkProject,
  checkStacks,
  formatProblems,
  synthesizedStacks,
} from "../../../scripts/terraform/configuration-check";
import { OfflineTerraform } from "../../../scripts/terraform/offline-terraform";

/** A folder holding one configuration file. */
function stackFolder(file: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), "stack-"));
  writeFileSync(join(folder, file), text);
  return folder;
}

const ROLE_WITH = (extra: string) =>
  [
    'resource "aws_iam_role" "role" {',
    '  name               = "r"',
    '  assume_role_policy = "{}"',
    extra,
    "}",
    'resource "aws_iam_role" "other" {',
    '  name               = "o"',
    '  assume_role_policy = "{}"',
    "}",
  ].join("\n");

describe("checkStacks", () => {
  const terraform = new OfflineTerraform();
  afterAll(() => terraform.dispose());

  it("reports nothing for a configuration whose only problem is the provider that cannot be downloaded", () => {
    const folder = stackFolder(
      "cdk.tf.json",
      JSON.stringify({
        resource: { aws_iam_role: { role: { name: "r", assume_role_policy: "{}" } } },
      }),
    );
    expect(checkStacks(terraform, { good: folder }, "json")).toEqual([]);
  });

  it("reports each error and warning with its stack and format", () => {
    const precondition = stackFolder(
      "cdk.tf",
      ROLE_WITH(
        '  lifecycle {\n    precondition = [{ condition = true, error_message = "x" }]\n  }',
      ),
    );
    const quoted = stackFolder("cdk.tf", ROLE_WITH('  depends_on = ["aws_iam_role.other"]'));
    const problems = checkStacks(terraform, { serverless: precondition, iam: quoted }, "hcl");
    expect(
      problems.map(({ stack, format, problem }) => [stack, format, problem.split("\n")[0]]),
    ).toEqual([
      ["serverless", "hcl", "Error: Unsupported argument"],
      ["iam", "hcl", "Warning: Quoted references are deprecated"],
    ]);
    expect(problems[0]!.problem).toContain(
      'An argument named "precondition" is not expected here. Did you mean to define\na block of type "precondition"?',
    );
  });
});

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
