/**
 * Terraform's own evaluation of expressions that need no provider (variables, locals, their validations), with
 * `terraform console` in a temporary folder, offline: an empty CLI configuration, no provider to install.
 *
 * ```ts
 * const console = new TerraformConsole(Testing.synthScope(...));
 * expect(console.evaluate("local.pinned", { image: "...", digest: "" })).toEqual({ value: "..." });
 * console.dispose();
 * ```
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diagnostics } from "../../scripts/terraform/offline-terraform";

export type Evaluated = { readonly value: unknown } | { readonly errors: readonly string[] };

export class TerraformConsole {
  private readonly dir: string;

  /** `configuration`: Terraform JSON (a synthesized stack or scope) with no resource that needs a provider. */
  public constructor(configuration: string) {
    this.dir = mkdtempSync(join(tmpdir(), "terraform-console-"));
    writeFileSync(join(this.dir, "main.tf.json"), configuration);
    writeFileSync(join(this.dir, "empty.tfrc"), "");
  }

  /** The value of `expression` with the variables `vars`, or the errors Terraform reports (validations among them). */
  public evaluate(expression: string, vars: Readonly<Record<string, string>> = {}): Evaluated {
    const run = spawnSync(
      "terraform",
      [
        "console",
        "-no-color",
        ...Object.entries(vars).map(([name, value]) => `-var=${name}=${value}`),
      ],
      {
        cwd: this.dir,
        input: `${expression}\n`,
        encoding: "utf8",
        env: {
          ...process.env,
          TF_CLI_CONFIG_FILE: join(this.dir, "empty.tfrc"),
          CHECKPOINT_DISABLE: "1",
          TF_CLI_ARGS: "",
        },
      },
    );
    const code = run.status ?? 1;
    const errors = diagnostics({ code, stdout: run.stdout, stderr: run.stderr }).filter((d) =>
      d.startsWith("Error:"),
    );
    if (errors.length > 0 || code !== 0) {
      return { errors: errors.length > 0 ? errors : [run.stderr.trim()] };
    }
    return { value: JSON.parse(run.stdout.trim()) as unknown };
  }

  public dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
