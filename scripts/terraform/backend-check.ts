/**
 * `terraform init` of a configuration's S3 backend with no way to reach AWS: the caller's environment is not
 * passed on (no AWS_* credentials or profile), the shared AWS files point at nothing, the EC2 metadata service is
 * off, and HTTP(S) goes to a proxy address that refuses. Terraform then checks the backend block as it would
 * before a real `init` (every argument against its schema, and the values: region, key, KMS key, ...) and stops
 * where it would first need AWS: at the credentials. Traced with strace on terraform 1.11: no network connection
 * is opened.
 *
 * `terraform init -backend=false` (scripts/terraform/offline-terraform.ts) skips the backend block entirely, so
 * it cannot tell a misspelt backend argument from a good one; this can.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diagnostics, headline, NOT_RUN, type OfflineTerraform } from "./offline-terraform";

/** What `init` prints for a good S3 backend without credentials: expected, not a defect. */
export const NO_CREDENTIALS_DIAGNOSTICS = [
  "Error: No valid credential sources found",
  "Error: failed to refresh cached credentials",
] as const;

/**
 * The problems Terraform finds in the S3 backend of the configuration in `dir`, each with its detail; an empty list
 * means it accepts the backend and would go on to ask AWS for credentials. The folder gets no `.terraform`: the
 * run stops before writing one.
 */
export function s3BackendProblems(terraform: OfflineTerraform, dir: string): string[] {
  const home = mkdtempSync(join(tmpdir(), "backend-check-"));
  try {
    const refused = "http://127.0.0.1:9";
    const run = terraform.runIsolated(dir, ["init", "-input=false", "-no-color"], {
      HOME: home,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_SHARED_CREDENTIALS_FILE: join(home, "no-credentials"),
      AWS_CONFIG_FILE: join(home, "no-config"),
      HTTP_PROXY: refused,
      HTTPS_PROXY: refused,
    });
    if (run.code === NOT_RUN)
      throw new Error(`terraform init could not run in ${dir}: ${run.stderr}`);
    const found = diagnostics(run);
    const expected = (diagnostic: string) =>
      NO_CREDENTIALS_DIAGNOSTICS.some((start) => headline(diagnostic).startsWith(start));
    const problems = found.filter((diagnostic) => !expected(diagnostic));
    if (problems.length === 0 && !found.some(expected)) {
      // Only a run that got as far as the credentials has checked the whole backend block.
      problems.push(`terraform init did not stop at the credentials:\n${run.stdout}${run.stderr}`);
    }
    return problems;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
