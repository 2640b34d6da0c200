/**
 * Terraform's own check of the HCL a ProjectStack writes (`cdktf synth --hcl`, modules/core/hcl): the stack that
 * uses every kind of element the writer treats specially is accepted by `terraform init`, with no configuration
 * error and no warning. What the HCL says is asserted in __tests__/stacks/project-stack-hcl.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import { EveryKindStack } from "../helpers/every-kind-stack";

describe("ProjectStack HCL before Terraform", () => {
  const terraform = new OfflineTerraform();
  afterAll(() => terraform.dispose());

  it("is accepted by terraform init: no configuration error and no warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "every-kind-hcl-"));
    writeFileSync(join(dir, "cdk.tf"), Testing.synthHcl(new EveryKindStack(Testing.app())));
    expect(terraform.configurationProblems(dir)).toEqual([]);
  });
});
