import type { Measurement } from "./stats";

export interface Report {
  readonly date: string;
  readonly commit: string;
  readonly mode: "quick" | "full";
  readonly warmups: number;
  readonly repetitions: number;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly node: string;
    readonly os: string;
  };
  readonly baselineRewrittenImports: number;
  /** a. The compiled app, `node dist/main.js`, every stack: the baseline of the app command. */
  readonly app: Measurement;
  /** The app command of cdktf.json, as written there. */
  readonly appCommandLine: string;
  /** a1. The app command as cdktf runs it, right after a source changed (its bundle removed before each run). */
  readonly appCommandFresh: Measurement;
  /** a2. The app command as cdktf runs it, sources unchanged since the last run (its bundle current). */
  readonly appCommandCurrent: Measurement;
  /** b. The same app with provider imports from the package root. */
  readonly rootImports: Measurement;
  /** c. `cdktf synth` end to end. */
  readonly cdktfSynth: Measurement;
  /** c. `cdktf synth` of an app with one empty stack: the CLI's own floor. */
  readonly cdktfFloor: Measurement;
  /** d. The whole Vitest suite. */
  readonly vitest: Measurement;
  /** f. The generic inference construct with N endpoints. */
  readonly scale: readonly (Measurement & { readonly endpoints: number })[];
}

/** One figure of the report, with the target it is held to. */
interface Row {
  readonly figure: string;
  readonly value: string;
  readonly spread: string;
  readonly memory: string;
  readonly target: string;
  readonly met?: boolean;
}

const s = (seconds: number): string => `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
const mb = (value: number): string => `${Math.round(value)} MB`;
const x = (ratio: number): string => `${ratio.toFixed(2)}x`;

function timed(figure: string, m: Measurement, target = "", met?: boolean): Row {
  return {
    figure,
    value: s(m.seconds.median),
    spread: `${s(m.seconds.min)} - ${s(m.seconds.max)}`,
    memory: mb(m.peakRssMb.median),
    target,
    met,
  };
}

function ratio(figure: string, value: number, target: string, met: boolean): Row {
  return { figure, value: x(value), spread: "", memory: "", target, met };
}

export function rows(r: Report): Row[] {
  const speedup = r.rootImports.seconds.median / r.app.seconds.median;
  const fresh = r.appCommandFresh.seconds.median / r.app.seconds.median;
  const current = r.appCommandCurrent.seconds.median / r.app.seconds.median;
  const cliOverhead = r.cdktfSynth.seconds.median / r.cdktfFloor.seconds.median;
  const result: Row[] = [
    timed(
      "a  compiled app (node dist/main.js), every stack",
      r.app,
      "< 0.5 s, < 150 MB",
      r.app.seconds.median < 0.5 && r.app.peakRssMb.median < 150,
    ),
    timed("a1 app command of cdktf.json, after an edit", r.appCommandFresh),
    ratio("   a1 / a", fresh, "<= 1.1x", fresh <= 1.1),
    timed("a2 app command of cdktf.json, no edit since", r.appCommandCurrent),
    ratio("   a2 / a", current, "<= 1.1x", current <= 1.1),
    timed("b  same app, provider root imports", r.rootImports),
    ratio("   b / a (speed-up)", speedup, ">= 5x", speedup >= 5),
    timed("c  cdktf synth", r.cdktfSynth),
    timed("   cdktf synth, empty app (CLI floor)", r.cdktfFloor),
    ratio("   c / floor", cliOverhead, "<= 1.1x", cliOverhead <= 1.1),
    timed("d  vitest run, whole suite", r.vitest, "< 15 s", r.vitest.seconds.median < 15),
  ];
  r.scale.forEach((size, i) => {
    const isLargest = size.endpoints === 1000;
    result.push(
      timed(
        `f  ${size.endpoints} endpoint(s)`,
        size,
        isLargest ? "< 10 s" : "",
        isLargest ? size.seconds.median < 10 : undefined,
      ),
    );
    const previous = r.scale[i - 1];
    if (previous) {
      const growth = size.seconds.median / previous.seconds.median;
      const sizeRatio = size.endpoints / previous.endpoints;
      result.push(
        ratio(
          `   growth ${previous.endpoints} -> ${size.endpoints}`,
          growth,
          `<= ${sizeRatio}x (linear)`,
          growth <= sizeRatio,
        ),
      );
    }
  });
  return result;
}

export function formatReport(r: Report): string {
  const table = rows(r);
  const header: Row = {
    figure: "figure",
    value: "median",
    spread: "min - max",
    memory: "peak RSS",
    target: "target",
    met: undefined,
  };
  const cells = (row: Row): string[] => [
    row.figure,
    row.value,
    row.spread,
    row.memory,
    row.target,
    row.met === undefined ? "" : row.met ? "met" : "MISSED",
  ];
  const all = [header, ...table].map(cells);
  const widths = all[0]!.map((_, col) => Math.max(...all.map((line) => line[col]!.length)));
  const lines = all.map((line) =>
    line
      .map((cell, col) => cell.padEnd(widths[col]!))
      .join("  ")
      .trimEnd(),
  );
  return [
    `Benchmark ${r.mode} (${r.warmups} warm-up, ${r.repetitions} repetition(s)), commit ${r.commit}, ${r.date}`,
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GiB, node ${r.machine.node}, ${r.machine.os}`,
    `App command (cdktf.json): ${r.appCommandLine}`,
    "",
    ...lines,
    "",
  ].join("\n");
}
