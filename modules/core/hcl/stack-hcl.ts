/**
 * What `cdktf synth --hcl` writes for a stack, made from the stack's Terraform JSON: `cdk.tf` (the HCL) and
 * `metadata.json` (what the cdktf CLI reads about an HCL stack: the JSON's `//` entries and `terraform` block).
 */
import type { TerraformStack } from "cdktf";
import { blockShapesOf } from "./block-shapes";
import { renderHcl } from "./render";

export interface StackHcl {
  readonly hcl: string;
  readonly metadata: Record<string, unknown>;
}

/** The HCL and metadata of `stack`, whose resolved Terraform JSON is `json` (`stack.toTerraform()`). */
export function stackHcl(stack: TerraformStack, json: Record<string, unknown>): StackHcl {
  return { hcl: renderHcl(json, blockShapesOf(stack)), metadata: metadataOf(json) };
}

/** The `//` metadata of the stack and of each resource, data source and module, and the `terraform` block. */
function metadataOf(json: Record<string, unknown>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { "//": json["//"] };
  for (const kind of ["resource", "data"] as const) {
    const byType = json[kind] as Record<string, Record<string, { "//"?: unknown }>> | undefined;
    if (byType === undefined) continue;
    metadata[kind] = Object.fromEntries(
      Object.entries(byType).map(([type, byName]) => [
        type,
        Object.fromEntries(
          Object.entries(byName).map(([name, body]) => [name, { "//": body["//"] }]),
        ),
      ]),
    );
  }
  const modules = json.module as Record<string, { "//"?: unknown }> | undefined;
  if (modules !== undefined) {
    metadata.module = Object.fromEntries(
      Object.entries(modules).map(([name, body]) => [name, { "//": body["//"] }]),
    );
  }
  if (json.terraform !== undefined) metadata.terraform = json.terraform;
  return metadata;
}
