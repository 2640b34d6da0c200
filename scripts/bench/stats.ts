import { measureOnce, type Command, type Sample } from "./measure";

export interface Range {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface Measurement {
  readonly label: string;
  readonly repetitions: number;
  readonly seconds: Range;
  readonly peakRssMb: Range;
}

export function range(values: readonly number[]): Range {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Runs `warmups` unmeasured times, then `repetitions` measured times, and summarises them. */
export function measure(cmd: Command, warmups: number, repetitions: number): Measurement {
  for (let i = 0; i < warmups; i++) measureOnce(cmd);
  const samples: Sample[] = [];
  for (let i = 0; i < repetitions; i++) samples.push(measureOnce(cmd));
  process.stderr.write(`  measured ${cmd.label}\n`);
  return {
    label: cmd.label,
    repetitions,
    seconds: range(samples.map((s) => s.seconds)),
    peakRssMb: range(samples.map((s) => s.peakRssMb)),
  };
}
