/**
 * `npm run bench`: synth, test and scale timings of this project, against baselines, in one run.
 *
 *   node dist/scripts/bench/run.js [--quick] [--out <file>]
 *
 * --quick: no warm-up, one repetition, small scale sizes. CI runs it only to prove the benchmark still works;
 * timings are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, release, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Command } from "./measure";
import { formatReport, type Report } from "./report";
import { measure, measureInterleaved, type Measurement } from "./stats";
import { emptyAppCopy, rootImportCopy } from "./workspaces";

const PROJECT = resolve(__dirname, "..", "..", "..");
const FULL_SIZES = [1, 10, 100, 1000];
const QUICK_SIZES = [1, 10];

function parseArgs(argv: readonly string[]): { quick: boolean; out: string } {
  const quick = argv.includes("--quick");
  const outIndex = argv.indexOf("--out");
  const out =
    outIndex >= 0 && argv[outIndex + 1]
      ? resolve(argv[outIndex + 1]!)
      : join(PROJECT, "bench-results", quick ? "quick.json" : "latest.json");
  return { quick, out };
}

function gitCommit(): string {
  const result = spawnSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: PROJECT,
    encoding: "utf8",
  });
  return result.status === 0 ? result.stdout.trim() : "unknown";
}

/** cdktf.json's app command. */
function appCommandLine(): string {
  return (JSON.parse(readFileSync(join(PROJECT, "cdktf.json"), "utf8")) as { app: string }).app;
}

/**
 * The JSON of every stack an app wrote (`command` run through a shell in `cwd`), to check that two ways of
 * running the app synthesize the same Terraform.
 */
function synthesizedStacks(cwd: string, command: string): string {
  const outdir = mkdtempSync(join(tmpdir(), "bench-compare-"));
  try {
    const result = spawnSync(command, {
      cwd,
      shell: true,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`${command} failed in ${cwd}:\n${result.stderr}`);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    return Object.values(manifest.stacks)
      .map((stack) => readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"))
      .join("\n");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function main(): void {
  const { quick, out } = parseArgs(process.argv.slice(2));
  const [warmups, repetitions] = quick ? [0, 1] : [1, 5];
  const sizes = quick ? QUICK_SIZES : FULL_SIZES;
  const outdir = mkdtempSync(join(tmpdir(), "bench-out-"));
  const baseline = rootImportCopy(PROJECT);
  const emptyApp = emptyAppCopy(PROJECT);
  const cdktf = join(PROJECT, "node_modules", ".bin", "cdktf");
  const quiet = { CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir };
  const run = (cmd: Command): Measurement => measure(cmd, warmups, repetitions);

  const appCommand = appCommandLine();
  try {
    const compiled = synthesizedStacks(PROJECT, "node dist/main.js");
    if (synthesizedStacks(baseline.dir, "node dist/main.js") !== compiled) {
      throw new Error("The root-import baseline synthesizes different Terraform than the app");
    }
    if (synthesizedStacks(PROJECT, appCommand) !== compiled) {
      throw new Error(
        `The app command (${appCommand}) synthesizes different Terraform than node dist/main.js`,
      );
    }
    process.stderr.write(
      `Benchmarking (${quick ? "quick" : "full"}: ${warmups} warm-up, ${repetitions} repetitions)\n`,
    );
    const node = process.execPath;
    // The app command against the compiled app, interleaved: their ratio is a target.
    const appMeasurements = measureInterleaved(
      [
        { label: "app", command: node, args: ["dist/main.js"], cwd: PROJECT, env: quiet },
        {
          label: "app command, after an edit",
          command: "/bin/sh",
          args: ["-c", appCommand],
          cwd: PROJECT,
          env: quiet,
          // What an edit does to the bundle: it is no longer current, and the command bundles again.
          prepare: () => rmSync(join(PROJECT, ".cdktf-app", "main.js"), { force: true }),
        },
        {
          label: "app command, no edit since",
          command: "/bin/sh",
          args: ["-c", appCommand],
          cwd: PROJECT,
          env: quiet,
        },
      ],
      warmups,
      repetitions,
    );
    const [app, appCommandFresh, appCommandCurrent] = [0, 1, 2].map((i) => appMeasurements[i]!) as [
      Measurement,
      Measurement,
      Measurement,
    ];
    const rootImports = run({
      label: "app with root imports",
      command: node,
      args: ["dist/main.js"],
      cwd: baseline.dir,
      env: quiet,
    });
    // Interleaved too: the ratio to the CLI's floor is a target.
    const synthMeasurements = measureInterleaved(
      [
        {
          label: "cdktf synth",
          command: cdktf,
          args: ["synth", "--output", outdir],
          cwd: PROJECT,
          env: quiet,
        },
        {
          label: "cdktf synth, empty app",
          command: cdktf,
          args: ["synth", "--output", outdir],
          cwd: emptyApp,
          env: quiet,
        },
      ],
      warmups,
      repetitions,
    );
    const cdktfSynth = synthMeasurements[0]!;
    const cdktfFloor = synthMeasurements[1]!;
    const vitest = run({
      label: "vitest",
      command: join(PROJECT, "node_modules", ".bin", "vitest"),
      args: ["run"],
      cwd: PROJECT,
      env: { CHECKPOINT_DISABLE: "1" },
    });
    const scale = sizes.map((endpoints) => ({
      endpoints,
      ...run({
        label: `scale ${endpoints}`,
        command: node,
        args: ["dist/scripts/bench/scale-app.js", String(endpoints)],
        cwd: PROJECT,
        env: quiet,
      }),
    }));

    const report: Report = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      mode: quick ? "quick" : "full",
      warmups,
      repetitions,
      machine: {
        cpu: cpus()[0]?.model ?? "unknown",
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        os: `${process.platform} ${release()}`,
      },
      baselineRewrittenImports: baseline.rewrittenImports,
      app,
      appCommandLine: appCommand,
      appCommandFresh,
      appCommandCurrent,
      rootImports,
      cdktfSynth,
      cdktfFloor,
      vitest,
      scale,
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${formatReport(report)}\nFigures written to ${out}\n`);
  } finally {
    for (const dir of [outdir, baseline.dir, emptyApp])
      rmSync(dir, { recursive: true, force: true });
  }
}

main();
