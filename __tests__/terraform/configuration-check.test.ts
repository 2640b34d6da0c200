/**
 * `npm run check:terraform-config`'s check of one folder per stack (scripts/terraform/configuration-check.ts),
 * against terraform 1.11 offline: a good configuration reports nothing, each error and warning is reported with its
 * stack and format.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkStacks } from "../../scripts/terraform/configuration-check";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";

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
