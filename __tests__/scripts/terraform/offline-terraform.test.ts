/**
 * A check that needs terraform fails, rather than passes, when terraform cannot run. (npm test itself runs no
 * terraform: __tests__/helpers/without-terraform.ts puts a terraform on its PATH that refuses to run.)
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OfflineTerraform } from "../../../scripts/terraform/offline-terraform";
import { s3BackendProblems } from "../../../scripts/terraform/backend-check";

describe("a terraform that cannot run", () => {
  const terraform = new OfflineTerraform("no-terraform-here");
  const folder = mkdtempSync(join(tmpdir(), "no-terraform-"));

  it("is reported plainly by version()", () => {
    expect(terraform.version()).toEqual({
      missing:
        "terraform >= 1.5 is needed on the PATH and 'no-terraform-here version' failed: spawnSync no-terraform-here ENOENT",
    });
  });

  it("fails the configuration check instead of reporting no problem", () => {
    expect(() => terraform.configurationProblems(folder)).toThrow(
      `terraform init could not run in ${folder}: spawnSync no-terraform-here ENOENT`,
    );
  });

  it("fails the S3 backend check instead of reporting no problem", () => {
    expect(() => s3BackendProblems(terraform, folder)).toThrow(
      `terraform init could not run in ${folder}: spawnSync no-terraform-here ENOENT`,
    );
  });
});
