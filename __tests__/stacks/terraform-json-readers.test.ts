/**
 * Security scanners read the synthesized JSON, not just Terraform. checkov's `terraform_json` parser
 * (bridgecrewio/checkov `checkov/terraform_json/parser.py`, `handle_block_type` and `hclify`) assumes a shape that
 * Terraform's JSON syntax does not promise: every top-level block type an object, each of its entries an object
 * (`provider` entries lists of objects). Anything else makes the parser raise, and checkov reports nothing at all.
 *
 * Two things in our JSON have no form that fits: `terraform.required_version` (a string in every form Terraform
 * accepts; bridgecrewio/checkov#7454, open, and its fix #7467, open) and `moved` (an object for one block, a list
 * for several; the same parser assumption, no issue of its own yet). docs/policy-checks.md says how to scan
 * despite them. This test keeps anything else from joining them.
 */
import { describe, expect, it } from "vitest";
import { synthProject } from "../helpers/project";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The paths of a Terraform JSON document whose shape the checkov parser cannot take. */
function unreadableByCheckov(json: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [blockType, blocks] of Object.entries(json)) {
    if (blockType === "//") continue;
    if (!isObject(blocks)) {
      paths.push(blockType);
      continue;
    }
    if (blockType === "locals") continue;
    for (const [name, entry] of Object.entries(blocks)) {
      if (name === "//") continue;
      const fits =
        blockType === "provider"
          ? Array.isArray(entry) && entry.every(isObject)
          : blockType === "resource" || blockType === "data"
            ? isObject(entry) && Object.values(entry).every(isObject)
            : isObject(entry);
      if (!fits) paths.push(`${blockType}.${name}`);
    }
  }
  return paths;
}

describe("the synthesized JSON, as checkov's terraform_json parser reads it", () => {
  it.each(Object.entries(synthProject().json))(
    "%s: only terraform.required_version and moved have no form the parser takes",
    (stack, json) => {
      expect(unreadableByCheckov(json as Record<string, unknown>)).toEqual(
        stack === "sagemaker-provisioned"
          ? ["moved", "terraform.required_version"]
          : ["terraform.required_version"],
      );
    },
  );

  it("would report any other block of a shape the parser cannot take", () => {
    expect(
      unreadableByCheckov({
        "//": { metadata: {} },
        import: [{ to: "aws_s3_bucket.b", id: "b" }],
        provider: { aws: { region: "eu-west-1" } },
        output: { ok: { value: 1 }, odd: "text" },
      }),
    ).toEqual(["import", "provider.aws", "output.odd"]);
  });
});
