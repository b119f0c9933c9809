/**
 * 6. Memory and start: the RSS of one `onramp start` process (web + worker) on a PostgreSQL
 * holding the large table, after serving a few seconds of list requests; and the time from
 * `npm start` (embedded: PGlite in a fresh folder, demo data seeded) to the first 200.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { BENCH_TOKEN, type BenchStore } from './bench-store.js';
import { rssOf, spawnOnramp } from './spawn-onramp.js';

export interface MemoryResult {
  lines: number;
  rssMb: number;
  peakMb: number;
}

export async function measureMemory(
  bench: BenchStore,
  opts: { lines: number; smtpUrl: string; seconds: number },
): Promise<MemoryResult> {
  const server = await spawnOnramp({
    argv: ['start'],
    env: { DATABASE_URL: bench.url!, SMTP_URL: opts.smtpUrl, LOG_LEVEL: 'warn' },
  });
  try {
    await server.ready;
    await autocannon({
      url: `${server.baseUrl}/api/v1/subscriptions?status=awaiting_provisioning_details&limit=200`,
      connections: 4,
      duration: opts.seconds,
      headers: { authorization: `Bearer ${BENCH_TOKEN}` },
    });
    return { lines: opts.lines, ...(await rssOf(server.child.pid!)) };
  } finally {
    await server.stop();
  }
}

export async function measureEmbeddedStart(): Promise<{ ms: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onramp-bench-start-'));
  const server = await spawnOnramp({
    argv: [],
    npm: true,
    env: { DATA_DIR: dataDir, MAIL_SINK_PORT: '0', LOG_LEVEL: 'warn' },
  });
  try {
    return { ms: await server.ready };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
