/**
 * `cdktf synth --hcl` of a ProjectStack: the HCL is written from the stack's JSON (modules/core/hcl). One stack uses
 * every kind of element and meta-argument the writer treats specially; that Terraform accepts its HCL is checked
 * in __tests__/terraform/project-stack-hcl.test.ts (npm run test:terraform).
 */
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { EveryKindStack, TRUST } from "../helpers/every-kind-stack";
import { hclDifferences } from "../helpers/hcl";

const stack = new EveryKindStack(Testing.app());
const hcl = Testing.synthHcl(stack);

/** The block that starts with `head` in the HCL, up to its closing brace. */
function blockOf(text: string, head: string): string {
  const start = text.indexOf(`${head} {\n`);
  if (start < 0) throw new Error(`No '${head}' block in:\n${text}`);
  return text.slice(start, text.indexOf("\n}\n", start) + 2);
}

describe("ProjectStack HCL", () => {
  it("writes preconditions and postconditions as blocks, and depends_on and the lifecycle's references bare", () => {
    expect(blockOf(hcl, 'resource "aws_iam_role" "second"')).toBe(
      [
        'resource "aws_iam_role" "second" {',
        `  assume_role_policy = ${JSON.stringify(TRUST)}`,
        '  name = "${var.prefix}second"',
        "  inline_policy {",
        '    name = "none"',
        '    policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"',
        "  }",
        "  depends_on = [aws_iam_role.first]",
        "  lifecycle {",
        "    create_before_destroy = true",
        "    ignore_changes = [tags]",
        "    replace_triggered_by = [aws_iam_role.first]",
        "    precondition {",
        "      condition = length(var.prefix) <= 58",
        '      error_message = "The role name ${var.prefix}second is longer than 64 characters."',
        "    }",
        "    postcondition {",
        '      condition = self.arn != ""',
        '      error_message = "No ARN."',
        "    }",
        "  }",
        "}",
      ].join("\n"),
    );
  });

  it("writes an output's depends_on bare", () => {
    expect(blockOf(hcl, 'output "second_arn"')).toBe(
      [
        'output "second_arn" {',
        "  value = aws_iam_role.second.arn",
        '  description = "The second role\'s ARN"',
        "  depends_on = [aws_iam_role.first]",
        "}",
      ].join("\n"),
    );
  });

  it("keeps empty and false defaults, takes defaults and descriptions literally, and keeps strings strings", () => {
    expect(blockOf(hcl, 'variable "prefix"')).toContain(
      [
        '  default = ""',
        '  description = "Written before every name, e.g. \\"$${team}-\\" (taken literally)"',
        "  type = string",
      ].join("\n"),
    );
    expect(blockOf(hcl, 'variable "enabled"')).toContain("  default = false\n");
    expect(blockOf(hcl, "locals")).toBe(
      ["locals {", '  account = "012345678901"', '  count_text = "123"', "}"].join("\n"),
    );
  });

  it("writes the provider alias a resource uses as a reference, and text with a final newline as a heredoc", () => {
    expect(blockOf(hcl, 'resource "aws_iam_role" "first"')).toContain("  provider = aws.west\n");
    expect(blockOf(hcl, 'output "instructions"')).toBe(
      [
        'output "instructions" {',
        "  value = <<EOT",
        "Role ${aws_iam_role.second.name}:",
        "  ready",
        "EOT",
        "}",
      ].join("\n"),
    );
  });

  it("says what the stack's JSON says, value for value", async () => {
    expect(await hclDifferences(JSON.parse(Testing.synth(stack)), hcl)).toEqual([]);
  });
});

describe("alternating JSON and HCL synths", () => {
  it("leaves only the format of the last synth in each stack folder", () => {
    const outdir = mkdtempSync(join(tmpdir(), "formats-"));
    // As cdktf synth runs the app: cdktf's stack synthesizer reads the format from SYNTH_HCL_OUTPUT only.
    const synth = (hcl: boolean) => {
      const before = process.env.SYNTH_HCL_OUTPUT;
      process.env.SYNTH_HCL_OUTPUT = String(hcl);
      try {
        const app = new App({ outdir });
        new EveryKindStack(app);
        app.synth();
      } finally {
        if (before === undefined) delete process.env.SYNTH_HCL_OUTPUT;
        else process.env.SYNTH_HCL_OUTPUT = before;
      }
      return readdirSync(join(outdir, "stacks", "every-kind")).sort();
    };
    mkdirSync(join(outdir, "stacks", "every-kind"), { recursive: true });
    expect(synth(false)).toEqual(["cdk.tf.json"]);
    expect(synth(true)).toEqual(["cdk.tf", "metadata.json"]);
    expect(synth(false)).toEqual(["cdk.tf.json"]);
  });
});
