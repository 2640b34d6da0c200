/**
 * Runs a command once and measures its wall time and peak memory.
 *
 * Peak memory is the largest resident set of any process in the command's tree: GNU time's %M when
 * /usr/bin/time exists, otherwise each Node.js process in the tree reports its own maximum (through a
 * `--require`d probe) and the largest one is taken. Both need nothing beyond node and /usr/bin/time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Command {
  /** What the report calls it. */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Run before each run, untimed: e.g. removing a cache to measure the command as it runs the first time. */
  readonly prepare?: () => void;
}

export interface Sample {
  readonly seconds: number;
  readonly peakRssMb: number;
}

const GNU_TIME = "/usr/bin/time";
const RSS_PROBE = join(__dirname, "rss-probe.js");

export function measureOnce(cmd: Command): Sample {
  cmd.prepare?.();
  const scratch = mkdtempSync(join(tmpdir(), "bench-measure-"));
  try {
    const useGnuTime = existsSync(GNU_TIME);
    const timeFile = join(scratch, "time");
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ...cmd.env };
    if (!useGnuTime) {
      env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${RSS_PROBE}`.trim();
      env.BENCH_RSS_DIR = scratch;
    }
    const [command, args] = useGnuTime
      ? [GNU_TIME, ["-f", "%M", "-o", timeFile, cmd.command, ...cmd.args]]
      : [cmd.command, [...cmd.args]];

    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, {
      cwd: cmd.cwd,
      env,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) {
      throw new Error(
        `${cmd.label}: '${cmd.command} ${cmd.args.join(" ")}' exited with ${result.status ?? result.signal}\n` +
          `${result.stdout}\n${result.stderr}`,
      );
    }
    const peakKb = useGnuTime
      ? Number(readFileSync(timeFile, "utf8").trim().split(/\s+/).pop())
      : Math.max(
          0,
          ...readdirSync(scratch)
            .filter((f) => f.startsWith("rss-"))
            .map((f) => Number(readFileSync(join(scratch, f), "utf8"))),
        );
    return { seconds, peakRssMb: peakKb / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
