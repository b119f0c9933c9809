/**
 * 7. Multi-worker scaling: 1, 2 and 4 `onramp worker`-like processes on one PostgreSQL drain the
 * same burst; SKIP LOCKED claims must deliver every e-mail exactly once. The workers start on an
 * empty database and first drain a warm-up burst of WARM_UP_PER_WORKER lines each, so that none
 * of them compiles its code, opens its database connections or its SMTP pool inside the measured
 * window (at 1,000 lines that start-up was most of the window, and grew with the workers). The
 * burst is then loaded in one statement (every RSD arrives at once) and the clock runs until the
 * sink holds every e-mail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

import { openBenchStore } from './bench-store.js';
import { loadLines } from './load-lines.js';
import type { CountingSink } from './start-counting-sink.js';

const WARM_UP_PER_WORKER = 100;

export interface MultiWorkerResult {
  workers: number;
  lines: number;
  ms: number;
  received: number;
  distinct: number;
}

async function startWorkerProcess(url: string, smtpUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run-bench-worker.ts', url, smtpUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  if (!chunk.toString().startsWith('ready')) throw new Error(`worker said ${chunk.toString()}`);
  return child;
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      const exit = once(child, 'exit');
      child.kill('SIGTERM');
      await exit;
    }),
  );
}

export async function measureMultiWorker(
  sink: CountingSink,
  opts: { workers: number; lines: number; adminUrl: string; timeoutMs: number },
): Promise<MultiWorkerResult> {
  const bench = await openBenchStore('postgres', opts.adminUrl);
  const children: ChildProcess[] = [];
  try {
    children.push(
      ...(await Promise.all(
        Array.from({ length: opts.workers }, () => startWorkerProcess(bench.url!, sink.url)),
      )),
    );
    const warmUp = WARM_UP_PER_WORKER * opts.workers;
    sink.reset();
    await loadLines(bench.store.db, {
      total: warmUp,
      due: warmUp,
      kind: 'rsd',
      first: opts.lines + 1,
      orderPrefix: 'ord_w',
      analyze: false,
    });
    await sink.waitFor(warmUp, opts.timeoutMs);
    sink.reset();
    // The lines become visible to the workers when this statement commits: the clock starts then.
    await loadLines(bench.store.db, { total: opts.lines, due: opts.lines, kind: 'rsd', analyze: false });
    const t0 = performance.now();
    await sink.waitFor(opts.lines, opts.timeoutMs);
    const ms = performance.now() - t0;
    await stopAll(children.splice(0));
    // Counted after every worker stopped, so a late duplicate would show.
    return {
      workers: opts.workers,
      lines: opts.lines,
      ms,
      received: sink.received(),
      distinct: sink.distinct(),
    };
  } finally {
    await stopAll(children);
    await bench.close();
  }
}
