/**
 * Onramp's real worker (the due loop and the outbox loop of `onramp worker`, with the default
 * configuration) on a bench database, sending to the bench sink, its clock fixed at BENCH_NOW.
 */
import pino from 'pino';

import type { AppDeps } from '../src/app/deps.js';
import { loadConfig } from '../src/config.js';
import { createMailer, createThreadedMailer } from '../src/email/index.js';
import { startWorker, type Worker } from '../src/jobs/start-worker.js';
import { BENCH_SECRET_KEY } from './spawn-onramp.js';

export function startBenchWorker(
  deps: AppDeps,
  smtpUrl: string,
  /** `tendTables`: as `onramp start` decides it (needsTending: PGlite, or autovacuum off). */
  opts: { dueIntervalMs?: number; tendTables?: boolean } = {},
): Worker {
  const config = loadConfig({
    DATABASE_URL: 'postgres://unused/x',
    SMTP_URL: smtpUrl,
    OUTBOX_SECRET_KEY: BENCH_SECRET_KEY,
    ...(process.env.SMTP_THREAD ? { SMTP_THREAD: process.env.SMTP_THREAD } : {}),
  });
  // The product's default (inline); SMTP_THREAD=true measures the mail thread.
  const mailer = (config.smtpThread ? createThreadedMailer : createMailer)({
    smtpUrl,
    from: deps.settings.mailFrom,
    pool: true,
    maxConnections: config.smtpPoolSize,
    messagesPerConnection: config.smtpMessagesPerConnection,
  });
  const worker = startWorker(
    { ...deps, mailer, outbox: config.outbox },
    {
      dueIntervalMs: opts.dueIntervalMs ?? config.dueIntervalMs,
      outboxIntervalMs: config.outbox.intervalMs,
      // BENCH_LOG_LEVEL=warn shows the worker's errors (on stderr: a worker process's stdout is a pipe).
      log: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }, pino.destination(2)),
      tendTables: opts.tendTables ?? false,
    },
  );
  return {
    stop: async () => {
      await worker.stop();
      mailer.close();
    },
  };
}
