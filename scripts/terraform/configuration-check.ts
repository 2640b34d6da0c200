/**
 * What `terraform init` thinks of every stack's configuration, in both formats (`npm run check:terraform-config`,
 * scripts/check-terraform-config.ts).
 *
 * The project is synthesized as users do it, `cdktf synth` and `cdktf synth --hcl`, each into a temporary output
 * folder; terraform then runs `init -backend=false` offline on each stack folder (`OfflineTerraform`). Every
 * configuration error or warning is reported with its stack and format: the only problem allowed is the provider
 * that cannot be downloaded offline, which `OfflineTerraform` leaves out.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfflineTerraform } from "./offline-terraform";

export type Format = "json" | "hcl";

/** One problem terraform reported for one stack's configuration in one format. */
export interface ConfigurationProblem {
  readonly stack: string;
  readonly format: Format;
  /** Terraform's diagnostic: its headline and detail. */
  readonly problem: string;
}

/** The stacks an app synthesized into `outdir`, by name, from its manifest. */
export function synthesizedStacks(outdir: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { workingDirectory: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.stacks).map(([name, stack]) => [
      name,
      join(outdir, stack.workingDirectory),
    ]),
  );
}

/** Runs `terraform init -backend=false` on each stack folder; the problems of all of them. */
export function checkStacks(
  terraform: OfflineTerraform,
  stacks: Readonly<Record<string, string>>,
  format: Format,
): ConfigurationProblem[] {
  return Object.entries(stacks).flatMap(([stack, folder]) =>
    terraform.configurationProblems(folder).map((problem) => ({ stack, format, problem })),
  );
}

/** One block per problem: `<stack> (<format>): <headline>`, then terraform's detail, indented. */
export function formatProblems(problems: readonly ConfigurationProblem[]): string {
  return problems
    .map(({ stack, format, problem }) => {
      const [headline, ...detail] = problem.split("\n");
      return [
        `${stack} (${format}): ${headline}`,
        ...detail.map((line) => (line ? `    ${line}` : "")),
      ]
        .join("\n")
        .trimEnd();
    })
    .join("\n\n");
}

/** Runs `cdktf synth` (with `--hcl` for HCL) in `project` into a new temporary folder; returns the folder. */
export function synthesize(project: string, format: Format): string {
  const outdir = mkdtempSync(join(tmpdir(), `terraform-config-${format}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", NO_COLOR: "1" };
  delete env.TF_CLI_CONFIG_FILE;
  const args = ["synth", ...(format === "hcl" ? ["--hcl"] : []), "--output", outdir];
  const result = spawnSync(join(project, "node_modules", ".bin", "cdktf"), args, {
    cwd: project,
    encoding: "utf8",
    env,
  });
  if (result.status !== 0) {
    throw new Error(`cdktf ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return outdir;
}

/**
 * Synthesizes `project` in both formats and checks every stack; prints what was checked and every problem.
 * Returns the exit code: 1 on any problem, or when terraform is missing.
 */
export function checkProject(
  project: string,
  out: (text: string) => void,
  terraform = new OfflineTerraform(),
): number {
  const outdirs: string[] = [];
  try {
    const version = terraform.version();
    if ("missing" in version) {
      out(`${version.missing}\n`);
      return 1;
    }
    const problems: ConfigurationProblem[] = [];
    const checked: string[] = [];
    for (const format of ["json", "hcl"] as const) {
      const outdir = synthesize(project, format);
      outdirs.push(outdir);
      const stacks = synthesizedStacks(outdir);
      problems.push(...checkStacks(terraform, stacks, format));
      for (const [stack, folder] of Object.entries(stacks)) {
        const files = readdirSync(folder).filter((file) => file.startsWith("cdk.tf"));
        checked.push(`${stack} (${format}): ${files.join(", ")}`);
      }
    }
    out(
      `terraform ${version.version} init -backend=false, offline, on:\n  ${checked.join("\n  ")}\n`,
    );
    if (problems.length > 0) {
      out(`\n${formatProblems(problems)}\n\n${problems.length} configuration problem(s).\n`);
      return 1;
    }
    out("No configuration error and no warning.\n");
    return 0;
  } finally {
    terraform.dispose();
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  }
}
