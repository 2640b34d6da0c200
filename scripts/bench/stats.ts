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
  return measureInterleaved([cmd], warmups, repetitions)[0]!;
}

/**
 * `measure` for commands whose times are compared: one run of each in turn, repetition after repetition, so a
 * change in the machine's load falls on all of them alike instead of on whichever ran last.
 */
export function measureInterleaved(
  commands: readonly Command[],
  warmups: number,
  repetitions: number,
): Measurement[] {
  for (let i = 0; i < warmups; i++) commands.forEach((cmd) => measureOnce(cmd));
  const samples: Sample[][] = commands.map(() => []);
  for (let i = 0; i < repetitions; i++) {
    commands.forEach((cmd, index) => samples[index]!.push(measureOnce(cmd)));
  }
  return commands.map((cmd, index) => {
    process.stderr.write(`  measured ${cmd.label}\n`);
    return {
      label: cmd.label,
      repetitions,
      seconds: range(samples[index]!.map((s) => s.seconds)),
      peakRssMb: range(samples[index]!.map((s) => s.peakRssMb)),
    };
  });
}
