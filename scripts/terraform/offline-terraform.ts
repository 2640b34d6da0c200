/**
 * Terraform run offline: a CLI configuration whose only provider source is an empty filesystem mirror, so
 * terraform never reaches for the network (the registry is out of reach on our machines and CI's). With it,
 * `terraform init -backend=false` still parses and checks a configuration's structure; on a good configuration
 * the only error left is the provider that cannot be installed. Configurations whose only resources are
 * Terraform's built-in `terraform_data` need no provider at all and can be planned.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The oldest terraform this project's stacks accept (`required_version`), and the checks need. */
export const MINIMUM_TERRAFORM = "1.5";

/** What one terraform command printed. */
export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The diagnostics terraform printed (run with `-no-color`), in order: each one's headline (`Error: ...` or
 * `Warning: ...`) followed by its detail (where in which file, and the explanation), as one text.
 */
export function diagnostics(run: TerraformRun): string[] {
  const found: string[][] = [];
  for (const raw of `${run.stdout}\n${run.stderr}`.split("\n")) {
    const line = raw.replace(/^[│╷╵] ?/, "").trimEnd();
    if (/^(Error|Warning): /.test(line)) found.push([line]);
    else if (found.length > 0 && !/^[╷╵]/.test(raw)) found[found.length - 1]!.push(line);
  }
  return found.map((lines) => lines.join("\n").trim());
}

/** The first line of a diagnostic: `Error: ...` or `Warning: ...`. */
export function headline(diagnostic: string): string {
  return diagnostic.split("\n", 1)[0]!;
}

/** The exit code of a terraform that could not be started (as a shell reports a missing command). */
export const NOT_RUN = 127;

/** The headlines an offline `init` prints for a provider it cannot install: expected, not a defect. */
export const MISSING_PROVIDER_DIAGNOSTICS = [
  "Error: Failed to query available provider packages",
  "Error: Failed to install provider",
  "Error: Terraform encountered problems during initialisation, including problems",
] as const;

/** A terraform that cannot reach the network: an empty provider mirror and a CLI config pointing at it. */
export class OfflineTerraform {
  /** The folder of the CLI config and the empty mirror; removed by {@link dispose}. */
  public readonly home: string;
  private readonly cliConfig: string;

  public constructor(private readonly binary = "terraform") {
    this.home = mkdtempSync(join(tmpdir(), "offline-terraform-"));
    const mirror = join(this.home, "empty-provider-mirror");
    mkdirSync(mirror);
    this.cliConfig = join(this.home, "terraform.rc");
    writeFileSync(
      this.cliConfig,
      [
        "provider_installation {",
        "  filesystem_mirror {",
        `    path    = ${JSON.stringify(mirror)}`,
        '    include = ["*/*/*"]',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  }

  /** The terraform version on the PATH, or a sentence saying plainly why there is none usable. */
  public version(): { version: string } | { missing: string } {
    const run = this.run(process.cwd(), ["version", "-json"]);
    if (run.code !== 0) {
      return {
        missing: `terraform >= ${MINIMUM_TERRAFORM} is needed on the PATH and '${this.binary} version' failed: ${run.stderr.trim() || "not found"}`,
      };
    }
    const version = (JSON.parse(run.stdout) as { terraform_version: string }).terraform_version;
    const [major = 0, minor = 0] = version.split(".").map(Number);
    const [minMajor = 0, minMinor = 0] = MINIMUM_TERRAFORM.split(".").map(Number);
    if (major < minMajor || (major === minMajor && minor < minMinor)) {
      return { missing: `terraform >= ${MINIMUM_TERRAFORM} is needed; the PATH has ${version}` };
    }
    return { version };
  }

  /**
   * Runs `terraform <args>` in `dir` with the offline CLI config, without colour or prompts; `input` is written to
   * its standard input (e.g. the expression `terraform console` evaluates).
   */
  public run(dir: string, args: readonly string[], input?: string): TerraformRun {
    return this.spawnSync(dir, args, this.environment(), input);
  }

  /**
   * {@link run} with none of the caller's environment but `PATH`: the offline settings and `environment` only, for
   * a command that would otherwise read the caller's credentials, profile or proxies (an `init` with a backend).
   */
  public runIsolated(
    dir: string,
    args: readonly string[],
    environment: Readonly<Record<string, string>>,
  ): TerraformRun {
    return this.spawnSync(dir, args, {
      PATH: process.env.PATH ?? "",
      ...this.offlineSettings(),
      ...environment,
    });
  }

  private spawnSync(
    dir: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
    input?: string,
  ): TerraformRun {
    const result = spawnSync(this.binary, [...args], {
      cwd: dir,
      input,
      encoding: "utf8",
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) {
      return { code: NOT_RUN, stdout: "", stderr: String(result.error.message) };
    }
    return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  }

  /** {@link run} without waiting: for several terraform commands at once (each in its own files). */
  public runAsync(dir: string, args: readonly string[]): Promise<TerraformRun> {
    return new Promise((resolve) => {
      const child = spawn(this.binary, [...args], { cwd: dir, env: this.environment() });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      child.on("error", (error) => resolve({ code: NOT_RUN, stdout: "", stderr: error.message }));
      child.on("close", (code) =>
        resolve({
          code: code ?? 1,
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8"),
        }),
      );
    });
  }

  private environment(): NodeJS.ProcessEnv {
    // Our own settings only: variables, extra arguments, a workspace or a data folder set in the caller's shell
    // (TF_VAR_*, TF_CLI_ARGS*, TF_WORKSPACE, TF_DATA_DIR) must not change the result.
    const inherited = Object.entries(process.env).filter(
      ([name]) => !/^TF_(VAR_|CLI_ARGS|WORKSPACE$|DATA_DIR$)/.test(name),
    );
    return { ...Object.fromEntries(inherited), ...this.offlineSettings() };
  }

  /** The CLI config with the empty provider mirror, no prompts, no version check. */
  private offlineSettings(): Record<string, string> {
    return {
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
    };
  }

  /**
   * `terraform init -backend=false` in `dir`: the configuration errors and warnings it reports, without those
   * of the providers that cannot be installed offline, each with its detail. An empty list means Terraform accepts the configuration.
   */
  public configurationProblems(dir: string): string[] {
    const run = this.run(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
    // A terraform that could not run reports no diagnostic: that must not read as "no problem".
    if (run.code === NOT_RUN)
      throw new Error(`terraform init could not run in ${dir}: ${run.stderr}`);
    return diagnostics(run).filter(
      (diagnostic) =>
        !(MISSING_PROVIDER_DIAGNOSTICS as readonly string[]).includes(headline(diagnostic)),
    );
  }

  public dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}
