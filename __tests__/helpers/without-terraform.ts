/**
 * `npm test` runs no terraform: terraform checks belong to `npm run test:terraform` (__tests__/terraform), so that
 * `npm test` passes on a machine without terraform. This global setup puts a `terraform` first on the PATH the test
 * workers inherit; it refuses to run, so a test that runs terraform fails here, on every machine, and not only on
 * one without terraform.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** What the stand-in terraform prints. */
export const NO_TERRAFORM_IN_NPM_TEST =
  "npm test runs no terraform: move this test to __tests__/terraform (npm run test:terraform)";

export default function setup(): () => void {
  const originalPath = process.env.PATH;
  const bin = mkdtempSync(join(tmpdir(), "without-terraform-"));
  const terraform = join(bin, "terraform");
  // Exit code 127, as a shell reports a command it cannot run: OfflineTerraform treats it as "could not run".
  writeFileSync(terraform, `#!/bin/sh\necho "${NO_TERRAFORM_IN_NPM_TEST}" >&2\nexit 127\n`);
  chmodSync(terraform, 0o755);
  process.env.PATH = `${bin}${delimiter}${originalPath ?? ""}`;
  return () => {
    process.env.PATH = originalPath;
    rmSync(bin, { recursive: true, force: true });
  };
}
