/**
 * The worker: loops for due work (RSD, reminders, auto-close, the daily digests; then
 * housekeeping and retention, see purge-expired-data.ts), for draining the e-mail outbox
 * (OUTBOX_LANES of them side by side), for delivering webhooks (a slow receiver never holds up
 * e-mail), for large order imports uploaded in the workspace, and for e-mails that failed during
 * an SMTP outage (sent again once the server is back).
 * Errors are logged and the loop goes on (a database restart must not kill the worker).
 */
import type { Logger } from 'pino';

import { deleteStaleSignInRecords } from '../app/identity/sign-in.js';
import { runOrderImportStep } from '../app/orders/run-order-import-step.js';
import type { Retention } from '../domain/retention.js';
import { deleteExpiredIdempotencyKeys } from '../store/idempotency-key-repository.js';
import { deleteExpiredRateLimits } from '../store/rate-limit-repository.js';
import { resealOutboxSecrets } from '../store/reseal-outbox-secrets.js';
import { resealSsoSecrets } from '../store/sso-repository.js';
import { tendTables } from '../store/tend-tables.js';
import { resealWebhookSecrets } from '../store/webhook-secrets.js';
import { type DispatchDeps, dispatchOutbox } from './dispatch-outbox.js';
import { dispatchWebhooks, type WebhookDispatchDeps } from './dispatch-webhooks.js';
import { purgeExpiredData } from './purge-expired-data.js';
import { retryFailedSends } from './retry-failed-sends.js';
import { runDue } from './run-due.js';
import { sendDailyDigests } from './send-daily-digests.js';

/** How often retention runs when it has no backlog (with one, every due pass until it is gone). */
const PURGE_INTERVAL_MS = 600_000;

/** How often the worker looks for failed e-mails to send again (and then probes the SMTP server). */
const RETRY_FAILED_INTERVAL_MS = 60_000;
/** Autovacuum's own naptime is 60 s; a burst changes a table wholesale within seconds. */
const TEND_TABLES_INTERVAL_MS = 5_000;

export interface Worker {
  stop(): Promise<void>;
}

interface Loop {
  stop(): Promise<void>;
  /** Run the next pass now instead of after the interval (or right after the pass under way). */
  wake(): void;
}

function loop(name: string, intervalMs: number, log: Logger, pass: () => Promise<boolean>): Loop {
  let stopped = false;
  let busy = false;
  let woken = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    timer = undefined;
    busy = true;
    woken = false;
    running = (async () => {
      let again = false;
      try {
        again = await pass();
      } catch (err) {
        log.error({ err, loop: name }, 'worker pass failed; retrying');
      }
      busy = false;
      if (!stopped) timer = setTimeout(tick, again || woken ? 0 : intervalMs);
    })();
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    wake: () => {
      if (stopped) return;
      if (busy) woken = true;
      else if (timer) {
        clearTimeout(timer);
        timer = setTimeout(tick, 0);
      }
    },
  };
}

export function startWorker(
  deps: DispatchDeps & WebhookDispatchDeps,
  opts: {
    dueIntervalMs: number;
    outboxIntervalMs: number;
    log: Logger;
    retryFailedIntervalMs?: number;
    /** Days each kind of data is kept; unset: nothing is purged. */
    retention?: Retention;
    /** PGlite, or PostgreSQL without autovacuum (needsTending): analyze and vacuum changed tables. */
    tendTables?: boolean;
  },
): Worker {
  // The due loop wakes the outbox as soon as a batch of e-mails is committed: in an RSD burst the
  // outbox otherwise drains faster than due lines are queued and sleeps a whole interval each time.
  const outbox: Loop[] = [];
  // A row whose payload does not parse is failed and reported through the worker's logger.
  const dispatchDeps = { ...deps, log: opts.log };
  const wakeOutbox = () => outbox.forEach((lane) => lane.wake());
  // The UTC day whose digests this worker has served: the digest query reads every open line, so
  // it runs until a pass finds nobody left, then not again until the next day (or a restart).
  let digestsServed: string | null = null;
  let purgeDueAt = 0;
  const due = loop('due', opts.dueIntervalMs, opts.log, async () => {
    const summary = await runDue(deps, { onQueued: wakeOutbox });
    if (digestsServed !== deps.clock.now().toISOString().slice(0, 10)) {
      const digests = await sendDailyDigests(deps, { onQueued: wakeOutbox });
      if (digests.complete) digestsServed = digests.day;
      if (digests.sent > 0) opts.log.info({ digests }, 'daily digests queued');
    }
    await deleteExpiredIdempotencyKeys(deps.db, deps.clock.now());
    await deleteExpiredRateLimits(deps.db, deps.clock.now());
    await deleteStaleSignInRecords(deps);
    deps.metrics?.autoClosesTotal.inc(summary.closed);
    deps.metrics?.remindersTotal.inc(summary.reminders);
    if (summary.dispatched + summary.reminders + summary.closed > 0)
      opts.log.info({ due: summary }, 'due work done');
    // Last: a failed purge (logged by the loop) must not cost the due work its metrics.
    const now = deps.clock.now();
    if (opts.retention && now.getTime() >= purgeDueAt) {
      // Set first: a purge that fails is tried again after the interval, not on every pass.
      purgeDueAt = now.getTime() + PURGE_INTERVAL_MS;
      const purged = await purgeExpiredData(deps.db, now, opts.retention);
      if (purged.more) purgeDueAt = 0;
      if (Object.values(purged.deleted).some((n) => n > 0))
        opts.log.info({ purged: purged.deleted }, 'retention: aged data deleted');
    }
    return false;
  });
  for (let lane = 0; lane < (deps.outbox.lanes ?? 1); lane++)
    outbox.push(
      loop('outbox', opts.outboxIntervalMs, opts.log, async () => {
        const summary = await dispatchOutbox(dispatchDeps);
        if (summary.claimed > 0) opts.log.info({ outbox: summary, lane }, 'outbox pass');
        // Within a sending budget a claim stops at the slots it could reserve: more may be due.
        return (
          summary.claimed === deps.outbox.batchSize || (!!deps.outbox.maxPerSecond && summary.claimed > 0)
        );
      }),
    );
  const webhooks = loop('webhooks', opts.outboxIntervalMs, opts.log, async () => {
    const summary = await dispatchWebhooks(dispatchDeps);
    if (summary.claimed > 0) opts.log.info({ webhooks: summary }, 'webhook pass');
    return summary.claimed === deps.outbox.batchSize;
  });
  // Large order imports uploaded in the workspace, a step at a time (the page shows the progress).
  const imports = loop('imports', opts.outboxIntervalMs, opts.log, () => runOrderImportStep(deps));
  const retryFailed = loop(
    'retry-failed',
    opts.retryFailedIntervalMs ?? RETRY_FAILED_INTERVAL_MS,
    opts.log,
    async () => {
      // Links queued before sealing, or under a key since rotated, go under the current key.
      const resealed = (await resealOutboxSecrets(deps.db)) + (await resealSsoSecrets(deps.db));
      if (resealed > 0) opts.log.info({ resealed }, 'outbox secrets sealed under the current key');
      const webhookSecrets = await resealWebhookSecrets(deps.db);
      if (webhookSecrets > 0)
        opts.log.info({ webhookSecrets }, 'webhook signing secrets sealed under the current key');
      const summary = await retryFailedSends(deps);
      if (summary.requeued > 0) {
        opts.log.info({ retryFailed: summary }, 'failed e-mails queued again: the mail server is back');
        outbox.forEach((lane) => lane.wake());
      }
      return false;
    },
  );
  const tend = opts.tendTables
    ? loop('tend-tables', TEND_TABLES_INTERVAL_MS, opts.log, async () => {
        const tended = await tendTables(deps.db);
        if (tended.analyzed.length > 0) opts.log.debug({ tended }, 'changed tables analyzed');
        return false;
      })
    : null;
  return {
    stop: async () => {
      await Promise.all([
        tend?.stop(),
        due.stop(),
        ...outbox.map((lane) => lane.stop()),
        webhooks.stop(),
        imports.stop(),
        retryFailed.stop(),
      ]);
    },
  };
}
