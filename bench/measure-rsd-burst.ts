/**
 * 2. The RSD burst: `lines` lines whose RSD arrives at once, drained by Onramp's real worker
 * (due claim, state change, token, outbox, render, SMTP) into the sink. Timed from the worker's
 * start until the sink holds every provisioning e-mail.
 *
 * Two shapes, since an e-mail goes to each contact of an order: one-line orders (one e-mail per
 * line) and ten-line orders whose lines share their contact (one e-mail per order, listing ten).
 */
import type { StoreKind } from '../src/store/open-store.js';
import { needsTending } from '../src/store/tend-tables.js';
import { openBenchStore } from './bench-store.js';
import { loadLines } from './load-lines.js';
import { type CpuReading, cpuSince, readCpuTime } from './read-cpu-time.js';
import { startBenchWorker } from './start-bench-worker.js';
import type { CountingSink } from './start-counting-sink.js';

export type BurstShape = 'one-line orders' | 'ten-line orders';

export interface BurstResult {
  store: StoreKind;
  /** Absent in results written before the shapes: those were one e-mail per line. */
  shape?: BurstShape;
  lines: number;
  /** E-mails the burst sends (lines for one-line orders, orders for ten-line ones). */
  emails?: number;
  ms: number;
  /** From the worker's start until the first e-mail arrived (absent in earlier results). */
  firstMs?: number;
  received: number;
  distinct: number;
  /**
   * CPU spent from the worker's start until the last e-mail arrived: this process (worker, sink,
   * PGlite) and PostgreSQL's. Absent in earlier results.
   */
  cpu?: CpuReading | null;
}

export async function measureRsdBurst(
  sink: CountingSink,
  opts: { store: StoreKind; shape?: BurstShape; lines: number; adminUrl: string; timeoutMs: number },
): Promise<BurstResult> {
  const shape = opts.shape ?? 'one-line orders';
  const perOrder = shape === 'one-line orders' ? 1 : 10;
  const emails = Math.ceil(opts.lines / perOrder);
  const bench = await openBenchStore(opts.store, opts.adminUrl);
  try {
    await loadLines(bench.store.db, {
      total: opts.lines,
      due: opts.lines,
      kind: 'rsd',
      perOrder,
      contactPerOrder: perOrder > 1,
    });
    const tendTables = await needsTending(bench.store.kind, bench.store.db);
    sink.reset();
    const cpuAtStart = readCpuTime();
    const t0 = performance.now();
    const worker = startBenchWorker(bench.deps, sink.url, { tendTables });
    let cpu: CpuReading | null;
    let ms: number;
    try {
      await sink.waitFor(emails, opts.timeoutMs);
    } finally {
      // When the last e-mail arrived: stopping the worker (its passes under way, the pool) is
      // not part of the burst. The CPU is read before the pool closes: a PostgreSQL backend's
      // CPU time goes with its process.
      ms = performance.now() - t0;
      cpu = cpuSince(cpuAtStart);
      await worker.stop();
    }
    return {
      store: opts.store,
      shape,
      lines: opts.lines,
      emails,
      ms,
      firstMs: sink.firstAt()! - t0,
      received: sink.received(),
      distinct: sink.distinct(),
      cpu,
    };
  } finally {
    await bench.close();
  }
}
