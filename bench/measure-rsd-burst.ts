/**
 * 2. The RSD burst: `lines` lines whose RSD arrives at once, drained by Onramp's real worker
 * (due claim, state change, token, outbox, render, SMTP) into the sink. Timed from the worker's
 * start until the sink holds every provisioning e-mail.
 */
import type { StoreKind } from '../src/store/open-store.js';
import { openBenchStore } from './bench-store.js';
import { loadLines } from './load-lines.js';
import { startBenchWorker } from './start-bench-worker.js';
import type { CountingSink } from './start-counting-sink.js';

export interface BurstResult {
  store: StoreKind;
  lines: number;
  ms: number;
  received: number;
  distinct: number;
}

export async function measureRsdBurst(
  sink: CountingSink,
  opts: { store: StoreKind; lines: number; adminUrl: string; timeoutMs: number },
): Promise<BurstResult> {
  const bench = await openBenchStore(opts.store, opts.adminUrl);
  try {
    await loadLines(bench.store.db, { total: opts.lines, due: opts.lines, kind: 'rsd' });
    sink.reset();
    const t0 = performance.now();
    const worker = startBenchWorker(bench.deps, sink.url);
    try {
      await sink.waitFor(opts.lines, opts.timeoutMs);
    } finally {
      await worker.stop();
    }
    const ms = performance.now() - t0;
    return { store: opts.store, lines: opts.lines, ms, received: sink.received(), distinct: sink.distinct() };
  } finally {
    await bench.close();
  }
}
