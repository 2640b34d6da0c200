/**
 * `cdktf synth --hcl` of a ProjectStack: the HCL is written from the stack's JSON (modules/core/hcl), and
 * Terraform accepts it. One stack uses every kind of element and meta-argument the writer treats specially.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Testing, TerraformLocal, TerraformOutput, TerraformVariable } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import { ProjectStack } from "../../stacks/project-stack";
import { hclDifferences } from "../helpers/hcl";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "ec2.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
    },
  ],
});

class EveryKindStack extends ProjectStack {
  public constructor(app: App) {
    super(app, "every-kind");
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const west = new AwsProvider(this, "aws-west", { region: "us-west-2", alias: "west" });
    const prefix = new TerraformVariable(this, "prefix", {
      type: "string",
      default: "",
      description: 'Written before every name, e.g. "${team}-" (taken literally)',
      validation: [
        {
          condition: "${length(var.prefix) <= 10}",
          errorMessage: 'prefix is "${var.prefix}": at most 10 characters.',
        },
      ],
    });
    new TerraformVariable(this, "enabled", { type: "bool", default: false });
    new TerraformLocal(this, "account", "012345678901");
    new TerraformLocal(this, "count_text", "123");
    const first = new IamRole(this, "first", {
      name: "first",
      assumeRolePolicy: TRUST,
      provider: west,
      tags: { Name: "first", "team:owner": 'C:\\ops "core"' },
    });
    const second = new IamRole(this, "second", {
      name: `${prefix.stringValue}second`,
      assumeRolePolicy: TRUST,
      inlinePolicy: [{ name: "none", policy: '{"Version":"2012-10-17","Statement":[]}' }],
      dependsOn: [first],
      lifecycle: {
        createBeforeDestroy: true,
        ignoreChanges: ["tags"],
        replaceTriggeredBy: [first],
        precondition: [
          {
            condition: "${length(var.prefix) <= 58}",
            errorMessage: "The role name ${var.prefix}second is longer than 64 characters.",
          },
        ],
        postcondition: [{ condition: '${self.arn != ""}', errorMessage: "No ARN." }],
      },
    });
    new TerraformOutput(this, "second_arn", {
      value: second.arn,
      description: "The second role's ARN",
      dependsOn: [first],
    });
    new TerraformOutput(this, "instructions", { value: `Role ${second.name}:\n  ready\n` });
  }
}

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

describe("ProjectStack HCL before Terraform", () => {
  const terraform = new OfflineTerraform();
  afterAll(() => terraform.dispose());

  it("is accepted by terraform init: no configuration error and no warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "every-kind-hcl-"));
    writeFileSync(join(dir, "cdk.tf"), hcl);
    expect(terraform.configurationProblems(dir)).toEqual([]);
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
