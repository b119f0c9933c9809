/**
 * Turns the raw measurements into the ratios the spec asks for, each with its goal, and prints
 * them as a table. A ratio compares two measurements of the same run, so machine noise cancels.
 */
import type { BenchResults } from './bench-results.js';

export interface Ratio {
  name: string;
  value: number | null;
  /** e.g. '>= 0.9'; null for a figure reported without a goal. */
  goal: string | null;
  met: boolean | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Whether `value` meets a goal written '>= 0.95' or '<= 200'; null without a goal or a value. */
export function meets(goal: string | null, value: number | null): boolean | null {
  if (goal === null || value === null) return null;
  const [op, target] = goal.split(' ');
  return op === '>=' ? value >= Number(target) : value <= Number(target);
}

function ratio(name: string, value: number | null | undefined, goal?: '>=' | '<=', target?: number): Ratio {
  const goalText = goal ? `${goal} ${target}` : null;
  if (value === null || value === undefined || !Number.isFinite(value))
    return { name, value: null, goal: goalText, met: null };
  return { name, value: round(value), goal: goalText, met: meets(goalText, value) };
}

export function summarize(r: BenchResults): Ratio[] {
  const peer = (name: string) => r.peers.find((p) => p.peer === name);
  // The peers send one e-mail per job: they compare with the burst of one e-mail per line.
  const pgBurst = r.bursts.find(
    (b) => b.store === 'postgres' && (b.shape ?? 'one-line orders') === 'one-line orders',
  );
  const perMessage = (x: { ms: number; emails?: number; lines?: number; count?: number } | undefined) =>
    x ? x.ms / (x.emails ?? x.lines ?? x.count ?? 1) : undefined;
  const ceiling = perMessage(r.ceiling ?? undefined);
  const tenLineCeiling = perMessage(r.tenLineCeiling ?? undefined);
  const cores = r.machine?.cores;
  const out: Ratio[] = [];
  // How soon the first e-mail arrives: a fresh SMTP pool's greeting, then (for Onramp) the due
  // pass's first commit. Figures without a goal, absent from results written before them.
  if (r.ceiling?.firstMs !== undefined)
    out.push(ratio('SMTP ceiling: first e-mail after the clock starts, ms', r.ceiling.firstMs));
  for (const b of r.bursts) {
    const shape = b.shape ?? 'one-line orders';
    if (b.firstMs !== undefined)
      out.push(
        ratio(`RSD burst: first e-mail after the worker starts, ms (${b.store}, ${shape})`, b.firstMs),
      );
    // Each burst against the ceiling of its own e-mails; results written before the ten-line
    // ceiling have only the one-line one.
    const own = shape === 'ten-line orders' ? (tenLineCeiling ?? ceiling) : ceiling;
    out.push(
      ratio(
        `RSD burst / SMTP ceiling (${b.store}, ${shape}, e-mails/s)`,
        own && own / perMessage(b)!,
        '>=',
        0.95,
      ),
    );
    if (shape === 'ten-line orders' && tenLineCeiling && ceiling)
      out.push(
        ratio(
          `RSD burst / one-line e-mails' ceiling (${b.store}, ten-line orders, as measured before)`,
          ceiling / perMessage(b)!,
        ),
      );
    // The most the ratio could be on this machine's cores, from the CPU each e-mail cost.
    const cpu = b.cpu && b.cpu.nodeMs + b.cpu.postgresMs;
    if (cpu && own && cores)
      out.push(
        ratio(
          `RSD burst / SMTP ceiling (${b.store}, ${shape}): most its CPU per e-mail allows on ${cores} cores`,
          (cores * own) / (cpu / (b.emails ?? b.lines)),
        ),
      );
  }
  // Never behind a peer while doing more per e-mail; graphile-worker by a margin.
  for (const [name, target] of [
    ['pg-boss', 1],
    ['graphile-worker', 1.2],
  ] as const) {
    const p = peer(name);
    out.push(
      ratio(
        `Onramp / ${name} (throughput, postgres)`,
        p && pgBurst && perMessage(p)! / perMessage(pgBurst)!,
        '>=',
        target,
      ),
    );
  }
  if (r.sweeps.length >= 2) {
    const [small, large] = [r.sweeps[0]!, r.sweeps[r.sweeps.length - 1]!];
    out.push(
      ratio(
        `sweep time, ${large.total} / ${small.total} lines table (${small.due} due)`,
        large.ms / small.ms,
        '<=',
        1.2,
      ),
    );
  }
  for (const load of ['fixed rate', 'autocannon'] as const) {
    const runs = r.latency.filter((l) => (l.load ?? 'autocannon') === load);
    const health = runs.find((l) => l.route.includes('healthz'));
    // The goals are stated for a fixed rate; autocannon's bursts are shown beside them.
    const withGoal = (name: string, value: number, max: number) =>
      load === 'fixed rate' ? ratio(name, value, '<=', max) : ratio(name, value);
    for (const l of runs) {
      if (l === health) continue;
      if (health)
        out.push(ratio(`${l.route} p50 / healthz p50 (${load})`, l.p50 / Math.max(health.p50, 0.1)));
      if (l.route.includes('resend'))
        out.push(withGoal(`resend p99 ms at ${l.rate} req/s (${load})`, l.p99, 20));
      if (l.route.includes('/orders/'))
        out.push(withGoal(`order with 1,000 lines p99 ms at ${l.rate} req/s (${load})`, l.p99, 50));
    }
  }
  if (r.memory)
    out.push(
      ratio(`RSS MB of web+worker, ${r.memory.lines} lines in PostgreSQL`, r.memory.peakMb, '<=', 250),
    );
  if (r.start) out.push(ratio('embedded npm start to first 200, s', r.start.ms / 1000, '<=', 3));
  if (r.embedded) {
    out.push(ratio('embedded RSS MB idle (after the demo seed)', r.embedded.idleMb, '<=', 200));
    out.push(
      ratio(
        `embedded RSS MB burst (peak, ${r.embedded.burstLines} lines)`,
        r.embedded.burstPeakMb,
        '<=',
        250,
      ),
    );
  }
  const one = r.multiWorker.find((m) => m.workers === 1);
  for (const m of r.multiWorker) {
    if (m !== one && one)
      out.push(ratio(`${m.workers} workers / 1 worker (throughput)`, one.ms / m.ms, '>=', 1));
    out.push(
      ratio(
        `${m.workers} worker(s): e-mails delivered once / lines`,
        m.distinct === m.received ? m.distinct / m.lines : 0,
        '>=',
        1,
      ),
    );
  }
  return out;
}

export function printTable(rows: Ratio[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const verdict = r.goal === null ? '' : r.met === null ? 'not measured' : r.met ? 'met' : 'MISSED';
    const goal = r.goal ? `goal ${r.goal}` : '';
    console.log(
      `${r.name.padEnd(width)}  ${String(r.value ?? '-').padStart(8)}  ${goal.padEnd(12)} ${verdict}`,
    );
  }
}
