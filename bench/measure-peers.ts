/**
 * 3. Peers: the same burst through pg-boss 10 and graphile-worker 0.17 on the same PostgreSQL,
 * each job running the equivalent handler (render the provisioning e-mail, send it through the
 * same pooled mailer to the same sink). The jobs are enqueued in bulk before the clock starts,
 * as Onramp's lines are loaded due before its clock starts. The peers do less than Onramp (no
 * line state, token, send record or audit), so the comparison flatters them.
 */
import { Logger, makeWorkerUtils, run } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';

import { createMailer, type Mailer, renderEmail } from '../src/email/index.js';
import { openBenchStore } from './bench-store.js';
import { equivalentEmail } from './equivalent-email.js';
import type { CountingSink } from './start-counting-sink.js';

export type Peer = 'pg-boss' | 'graphile-worker';

export interface PeerResult {
  peer: Peer;
  lines: number;
  ms: number;
  received: number;
  distinct: number;
  settings: string;
}

const CHUNK = 5_000;
const PG_BOSS_WORKERS = 4;
const PG_BOSS_BATCH = 200;

async function sendEquivalent(mailer: Mailer, i: number): Promise<void> {
  const input = equivalentEmail(i);
  await mailer.send({ to: input.to, ...renderEmail(input), messageId: `<peer${i}@bench>` });
}

async function runPgBoss(url: string, mailer: Mailer, sink: CountingSink, lines: number, timeoutMs: number) {
  const boss = new PgBoss({ connectionString: url, max: 10 });
  boss.on('error', () => {});
  await boss.start();
  try {
    await boss.createQueue('email');
    for (let from = 0; from < lines; from += CHUNK) {
      const count = Math.min(CHUNK, lines - from);
      await boss.insert(Array.from({ length: count }, (_, k) => ({ name: 'email', data: { i: from + k } })));
    }
    sink.reset();
    const t0 = performance.now();
    // A pg-boss worker fetches a batch, runs it, then sleeps out the rest of its polling interval,
    // so one worker with batches of 50 is capped at 100 jobs/s (the first runs measured that cap,
    // not pg-boss). Several workers with larger batches, as its docs suggest for throughput.
    for (let w = 0; w < PG_BOSS_WORKERS; w++)
      await boss.work<{ i: number }>(
        'email',
        { batchSize: PG_BOSS_BATCH, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          await Promise.all(jobs.map((job) => sendEquivalent(mailer, job.data.i)));
        },
      );
    await sink.waitFor(lines, timeoutMs);
    return performance.now() - t0;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

async function runGraphileWorker(
  url: string,
  mailer: Mailer,
  sink: CountingSink,
  lines: number,
  timeoutMs: number,
) {
  const logger = new Logger(() => () => {});
  // Our own pool, ended (awaited) before the bench database is dropped. graphile-worker's own pool
  // is ended without waiting and loses its error handlers first, so the drop's "terminating
  // connection" (57P01) on a still-open idle client became an uncaught error.
  const pgPool = new pg.Pool({ connectionString: url, max: 25 });
  pgPool.on('error', () => {});
  try {
    const utils = await makeWorkerUtils({ pgPool, logger });
    try {
      await utils.migrate();
      for (let from = 0; from < lines; from += CHUNK) {
        const count = Math.min(CHUNK, lines - from);
        await utils.addJobs(
          Array.from({ length: count }, (_, k) => ({ identifier: 'email', payload: { i: from + k } })),
        );
      }
    } finally {
      await utils.release();
    }
    sink.reset();
    const t0 = performance.now();
    const runner = await run({
      pgPool,
      concurrency: 20,
      pollInterval: 100,
      noHandleSignals: true,
      logger,
      taskList: { email: async (payload) => sendEquivalent(mailer, (payload as { i: number }).i) },
    });
    try {
      await sink.waitFor(lines, timeoutMs);
      return performance.now() - t0;
    } finally {
      await runner.stop();
      await runner.promise;
    }
  } finally {
    await pgPool.end();
  }
}

export async function measurePeer(
  sink: CountingSink,
  opts: { peer: Peer; lines: number; adminUrl: string; connections: number; timeoutMs: number },
): Promise<PeerResult> {
  const bench = await openBenchStore('postgres', opts.adminUrl, { poolSize: 1 });
  const mailer = createMailer({
    smtpUrl: sink.url,
    from: 'provisioning@onramp.localhost',
    pool: true,
    maxConnections: opts.connections,
  });
  try {
    const run = opts.peer === 'pg-boss' ? runPgBoss : runGraphileWorker;
    const ms = await run(bench.url!, mailer, sink, opts.lines, opts.timeoutMs);
    return {
      peer: opts.peer,
      lines: opts.lines,
      ms,
      received: sink.received(),
      distinct: sink.distinct(),
      settings:
        opts.peer === 'pg-boss'
          ? `${PG_BOSS_WORKERS} work() loops, batchSize ${PG_BOSS_BATCH}, polling 0.5 s, pool 10`
          : 'concurrency 20, pool 25, pollInterval 100 ms',
    };
  } finally {
    mailer.close();
    await bench.close();
  }
}
