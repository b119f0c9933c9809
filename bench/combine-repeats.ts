/**
 * `--repeat N`: the same ratio measured in N interleaved runs, judged on its median. Quick runs
 * are noisy (two of them ten minutes apart differed by a third), so one run proves little; the
 * spread (highest minus lowest) says how much a single figure can be trusted.
 */
import { meets, type Ratio } from './summarize-results.js';

export interface RepeatedRatio {
  name: string;
  values: (number | null)[];
  median: number | null;
  /** Highest minus lowest of the measured values. */
  spread: number | null;
  goal: string | null;
  met: boolean | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One row per ratio name, in the order the names first appear. */
export function combineRuns(runs: Ratio[][]): RepeatedRatio[] {
  const names = [...new Set(runs.flatMap((run) => run.map((r) => r.name)))];
  return names.map((name) => {
    const rows = runs.map((run) => run.find((r) => r.name === name));
    const values = rows.map((r) => r?.value ?? null);
    const measured = values.filter((v): v is number => v !== null);
    const mid = median(measured);
    const goal = rows.find((r) => r)?.goal ?? null;
    return {
      name,
      values,
      median: mid === null ? null : round(mid),
      spread: measured.length ? round(Math.max(...measured) - Math.min(...measured)) : null,
      goal,
      met: meets(goal, mid),
    };
  });
}

export function printRepeated(rows: RepeatedRatio[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${''.padEnd(width)}    median  spread  runs`);
  for (const r of rows) {
    const verdict = r.goal === null ? '' : r.met === null ? 'not measured' : r.met ? 'met' : 'MISSED';
    const goal = r.goal ? `goal ${r.goal}` : '';
    const runs = r.values.map((v) => v ?? '-').join(' / ');
    console.log(
      `${r.name.padEnd(width)}  ${String(r.median ?? '-').padStart(8)}  ${String(r.spread ?? '-').padStart(6)}  ${runs.padEnd(20)} ${goal.padEnd(12)} ${verdict}`,
    );
  }
}
