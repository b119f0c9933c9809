/**
 * 7. The embedded server's memory: the resident set of `npm start` (PGlite in this process, web
 * and worker) idle after its first start seeded the demo data, and its peak while it drains an
 * RSD burst from its own data folder into the sink.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openBenchStore } from './bench-store.js';
import { loadLines } from './load-lines.js';
import { rssOf, spawnOnramp } from './spawn-onramp.js';
import type { CountingSink } from './start-counting-sink.js';

export interface EmbeddedMemoryResult {
  /** Resident MB of the idle server, `seconds` after its first start answered. */
  idleMb: number;
  burstLines: number;
  /** Peak resident MB (VmHWM) of the server from its start until the burst was delivered. */
  burstPeakMb: number;
  burstMs: number;
}

/** The process itself and every process below it (npm → sh → node). */
function selfAndDescendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name, in parentheses, may hold spaces: the fields after it are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while the table was read.
    }
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++)
    for (const [child, parent] of parents) if (parent === found[i]) found.push(child);
  return found;
}

/** The largest process under `pid`: the Node server, not the npm or shell around it. */
async function serverRss(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const all = await Promise.all(selfAndDescendants(pid).map((p) => rssOf(p).catch(() => null)));
  let largest = { rssMb: 0, peakMb: 0 };
  for (const m of all) if (m && m.rssMb > largest.rssMb) largest = m;
  return largest;
}

async function idleAfterFirstStart(seconds: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onramp-bench-idle-'));
  const server = await spawnOnramp({
    argv: [],
    npm: true,
    env: { DATA_DIR: dataDir, MAIL_SINK_PORT: '0', LOG_LEVEL: 'warn' },
  });
  try {
    await server.ready;
    // The idle window is what is measured: the server settles (due loop, first GCs) as it would.
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return (await serverRss(server.child.pid!)).rssMb;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function burstPeak(
  sink: CountingSink,
  opts: { lines: number; adminUrl: string; timeoutMs: number },
): Promise<{ peakMb: number; ms: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onramp-bench-burst-'));
  try {
    const bench = await openBenchStore('pglite', opts.adminUrl, { dataDir });
    try {
      await loadLines(bench.store.db, { total: opts.lines, due: opts.lines, kind: 'rsd', perOrder: 1 });
    } finally {
      await bench.close();
    }
    sink.reset();
    const t0 = performance.now();
    // `npm start`, as for the idle figure: its Node flags size the heap (package.json).
    const server = await spawnOnramp({
      argv: [],
      npm: true,
      env: { DATA_DIR: dataDir, SMTP_URL: sink.url, DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
    });
    try {
      await server.ready;
      await sink.waitFor(opts.lines, opts.timeoutMs);
      const ms = performance.now() - t0;
      return { peakMb: (await serverRss(server.child.pid!)).peakMb, ms };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureEmbeddedMemory(
  sink: CountingSink,
  opts: { idleSeconds: number; burstLines: number; adminUrl: string; timeoutMs: number },
): Promise<EmbeddedMemoryResult> {
  const idleMb = await idleAfterFirstStart(opts.idleSeconds);
  const burst = await burstPeak(sink, {
    lines: opts.burstLines,
    adminUrl: opts.adminUrl,
    timeoutMs: opts.timeoutMs,
  });
  return { idleMb, burstLines: opts.burstLines, burstPeakMb: burst.peakMb, burstMs: burst.ms };
}
