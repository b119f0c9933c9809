/**
 * Composition root: builds config, database, mailer and the app, and starts what the role asks
 * for (web, worker, or both). Nothing else lives here.
 */
import { Console } from 'node:console';

import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';

import { type AppDeps, type Clock, randomIds, systemClock } from './app/deps.js';
import { seedOfferCatalogue } from './app/orders/seed-offer-catalogue.js';
import { type Config, dkimMisaligned } from './config.js';
import { mailboxDecision } from './config-mailbox.js';
import { createHttpApp } from './create-http-app.js';
import { seedDemoData } from './demo/seed-demo-data.js';
import { captureMailInto } from './email/capture-mail.js';
import {
  createMailer,
  createThreadedMailer,
  type Mailer,
  type MailSink,
  startMailSink,
} from './email/index.js';
import { serveWorkerProbes, type WorkerProbes } from './jobs/serve-worker-probes.js';
import { startWorker, type Worker } from './jobs/start-worker.js';
import { createLogger, isPrettyLogger } from './observability/create-logger.js';
import { createMetrics } from './observability/metrics.js';
import { dataDirSecretKey } from './store/data-dir-secret-key.js';
import { lockDataDir } from './store/lock-data-dir.js';
import { migrate } from './store/migrate.js';
import { openStore, type Store } from './store/open-store.js';
import type { Database } from './store/schema.js';
import { installKeyRing, keyRingOf } from './store/secret-box.js';
import { needsTending } from './store/tend-tables.js';

export { createLogger } from './observability/create-logger.js';

export interface StartOptions {
  web: boolean;
  worker: boolean;
  clock?: Clock;
  log?: Logger;
}

export interface RunningOnramp {
  config: Config;
  store: Store;
  deps: AppDeps;
  /** The port the web server listens on (when web is on). */
  port: number | null;
  /** Where a worker started without the web serves its probes and metrics (WORKER_PORT). */
  workerPort: number | null;
  mailSink: MailSink | null;
  stop(): Promise<void>;
}

export function appDepsOf(config: Config, store: Store, clock: Clock): AppDeps {
  return {
    db: store.db,
    clock,
    ids: randomIds,
    settings: {
      policy: config.policy,
      publicUrl: config.publicUrl,
      adminPortalUrl: config.adminPortalUrl,
      setupLinkTtlDays: config.setupLinkTtlDays,
      mailFrom: config.mailFrom,
      brandName: config.brandName,
      webhooks: config.webhooks,
      rateLimits: config.rateLimits,
      provisioningEmailsPerAddressPerHour: config.provisioningEmailsPerAddressPerHour,
      dailyDigestHourUtc: config.dailyDigestHourUtc,
    },
  };
}

export async function openDatabase(
  config: Config,
  log: Logger,
): Promise<{ store: Store; release: () => void; applied: string[] }> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    // Before anything can queue an e-mail or keep an answer: both are sealed with these keys.
    const { current, previous } = config.secretKeys;
    installKeyRing(keyRingOf(current ?? dataDirSecretKey(config.dataDir), previous));
    const store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
      timeouts: config.databaseTimeouts,
    });
    // POLICY_* seed the offer catalogue's periods the first time only; the database decides after.
    // The seed fills every line of an older database in one statement: a migration of data.
    const { applied, seeded } = await withoutTimeouts(config, store, async (db) => ({
      applied: await migrate(db),
      seeded: await seedOfferCatalogue(db, config.policy, new Date()),
    }));
    if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
    if (seeded.offers.length > 0 || seeded.lines > 0) log.info(seeded, 'offer catalogue seeded');
    return { store, release, applied };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * A migration may rewrite a large table, or wait for another process's: on PostgreSQL it gets
 * a connection of its own without the statement and query timeouts that bound requests (the
 * first start on a million lines spent more than the 15 s of DATABASE_STATEMENT_TIMEOUT_MS
 * seeding their periods, and so never started).
 */
async function withoutTimeouts<T>(
  config: Config,
  store: Store,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!config.databaseUrl) return work(store.db);
  const { connectMs } = config.databaseTimeouts;
  const unbounded = { connectMs, statementMs: 0, queryMs: 0, idleInTransactionMs: 0 };
  const migrator = await openStore({ databaseUrl: config.databaseUrl, poolSize: 1, timeouts: unbounded });
  try {
    return await work(migrator.db);
  } finally {
    await migrator.close();
  }
}

export async function startOnramp(config: Config, options: StartOptions): Promise<RunningOnramp> {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const { store, release } = await openDatabase(config, log);
  const deps: AppDeps = {
    ...appDepsOf(config, store, clock),
    // A deadlock or serialization failure is retried (src/store/run-transaction.ts); say so in the log.
    transactionRetry: { onRetry: (retry) => log.warn({ retry }, 'transaction retried') },
  };
  // One registry for this process: the worker's counters and the web's /metrics share it.
  const metrics = createMetrics({ processMetrics: true });

  let mailSink: MailSink | null = null;
  let mailer: Mailer | null = null;
  let worker: Worker | null = null;
  let server: ServerType | null = null;
  let port: number | null = null;
  let probes: WorkerProbes | null = null;

  const stop = async () => {
    await worker?.stop();
    await probes?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    mailer?.close();
    await mailSink?.close();
    await store.close();
    release();
  };

  try {
    if (config.demoData) {
      const { seeded, users } = await seedDemoData(deps);
      const demoUsers = users.map((u) => ({ email: u.email, role: u.role, apiToken: u.apiToken }));
      const said = seeded ? 'demo data seeded' : 'demo data present';
      const message = `${said} (password for every demo user: onramp-demo)`;
      if (isPrettyLogger(log)) {
        log.info(message);
        // At a terminal the demo users read best as a table (JSON logs keep them as a field).
        new Console(process.stdout).table(demoUsers);
      } else log.info({ demoUsers }, message);
    }
    if (options.worker) {
      let smtpUrl = config.smtpUrl;
      if (!smtpUrl) {
        mailSink = await startMailSink({
          port: config.mailSinkPort,
          onMessage: captureMailInto(store.db, () => clock.now()),
        });
        smtpUrl = `smtp://${mailSink.host}:${mailSink.port}`;
        log.info({ smtp: smtpUrl }, 'built-in SMTP sink listening; mail is shown at /dev/mailbox');
      }
      mailer = (config.smtpThread ? createThreadedMailer : createMailer)({
        smtpUrl,
        from: config.mailFrom,
        replyTo: config.mailReplyTo,
        pool: true,
        maxConnections: config.smtpPoolSize,
        messagesPerConnection: config.smtpMessagesPerConnection,
        // The built-in sink gets signed mail too when DKIM_* is set, to check a key locally.
        dkim: config.dkim,
      });
      if (config.dkim) {
        const { domainName, keySelector } = config.dkim;
        log.info({ dkim: { domainName, keySelector } }, 'outgoing e-mail is DKIM-signed');
        if (dkimMisaligned(config))
          log.warn(
            { dkim: domainName, mailFrom: config.mailFrom },
            'DKIM_DOMAIN does not match the MAIL_FROM domain: DMARC will not count the signature',
          );
      }
      const tendTables = await needsTending(store.kind, store.db);
      if (tendTables && store.kind === 'postgres')
        log.info('PostgreSQL autovacuum is off: the worker analyzes and vacuums changed tables itself');
      worker = startWorker(
        { ...deps, mailer, outbox: config.outbox, metrics },
        {
          dueIntervalMs: config.dueIntervalMs,
          outboxIntervalMs: config.outbox.intervalMs,
          log,
          retention: config.retention,
          tendTables,
        },
      );
      if (!options.web) {
        probes = await serveWorkerProbes(
          { host: config.host, port: config.workerPort },
          { ...deps, store },
          metrics,
        );
        log.info({ port: probes.port }, 'worker serves /healthz, /readyz and /metrics');
      }
    }
    if (options.web) {
      const https = config.publicUrl.startsWith('https:');
      const demoMode = config.mode === 'embedded' && !config.smtpUrl;
      const mailbox = mailboxDecision({ demoMode, host: config.host, mailboxPublic: config.mailboxPublic });
      if (mailbox === 'refused: not loopback')
        log.warn(
          { host: config.host },
          '/dev/mailbox is off: it shows every setup link to anyone who can reach HOST; listen on 127.0.0.1 or set MAILBOX_PUBLIC=1',
        );
      const app = createHttpApp(
        {
          ...deps,
          store,
          maxBodyBytes: config.maxBodyBytes,
          emailEventsSecret: config.emailEventsSecret,
          secureCookies: https,
        },
        {
          logError: (err) => log.error({ err }, 'request failed'),
          log,
          metrics,
          demoMode,
          mailbox: mailbox === 'served',
          https,
          trustProxy: config.trustProxy,
        },
      );
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
      });
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : config.port;
      log.info(
        { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, mode: config.mode },
        'Onramp is listening',
      );
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { config, store, deps, port, workerPort: probes?.port ?? null, mailSink, stop };
}
