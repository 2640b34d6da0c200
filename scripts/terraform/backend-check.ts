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
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diagnostics, headline } from "./offline-terraform";

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
export function s3BackendProblems(dir: string, binary = "terraform"): string[] {
  const home = mkdtempSync(join(tmpdir(), "backend-check-"));
  try {
    const mirror = join(home, "empty-provider-mirror");
    mkdirSync(mirror);
    const cliConfig = join(home, "terraform.rc");
    writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["*/*/*"]\n  }\n}\n`,
    );
    const refused = "http://127.0.0.1:9";
    const result = spawnSync(binary, ["init", "-input=false", "-no-color"], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        TF_CLI_CONFIG_FILE: cliConfig,
        TF_IN_AUTOMATION: "1",
        TF_INPUT: "0",
        CHECKPOINT_DISABLE: "1",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_SHARED_CREDENTIALS_FILE: join(home, "no-credentials"),
        AWS_CONFIG_FILE: join(home, "no-config"),
        HTTP_PROXY: refused,
        HTTPS_PROXY: refused,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    const found = diagnostics({
      code: result.status ?? 1,
      stdout: result.stdout,
      stderr: result.stderr,
    });
    const expected = (diagnostic: string) =>
      NO_CREDENTIALS_DIAGNOSTICS.some((start) => headline(diagnostic).startsWith(start));
    const problems = found.filter((diagnostic) => !expected(diagnostic));
    if (problems.length === 0 && !found.some(expected)) {
      // Only a run that got as far as the credentials has checked the whole backend block.
      problems.push(
        `terraform init did not stop at the credentials:\n${result.stdout}${result.stderr}`,
      );
    }
    return problems;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
