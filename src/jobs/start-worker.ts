/**
 * The worker: three loops, one for due work (RSD, reminders, auto-close), one draining the e-mail
 * outbox and one delivering webhooks (a slow receiver never holds up e-mail).
 * Errors are logged and the loop goes on (a database restart must not kill the worker).
 */
import type { Logger } from 'pino';
import { deleteExpiredRateLimits } from '../app/consume-rate-limit.js';
import { deleteExpiredIdempotencyKeys } from '../store/idempotency-key-repository.js';
import { dispatchOutbox, type DispatchDeps } from './dispatch-outbox.js';
import { dispatchWebhooks, type WebhookDispatchDeps } from './dispatch-webhooks.js';
import { runDue } from './run-due.js';

export interface Worker {
  stop(): Promise<void>;
}

function loop(
  name: string,
  intervalMs: number,
  log: Logger,
  pass: () => Promise<boolean>,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let again = false;
      try {
        again = await pass();
      } catch (err) {
        log.error({ err, loop: name }, 'worker pass failed; retrying');
      }
      if (!stopped) timer = setTimeout(tick, again ? 0 : intervalMs);
    })();
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

export function startWorker(
  deps: DispatchDeps & WebhookDispatchDeps,
  opts: { dueIntervalMs: number; outboxIntervalMs: number; log: Logger },
): Worker {
  const stopDue = loop('due', opts.dueIntervalMs, opts.log, async () => {
    const summary = await runDue(deps);
    await deleteExpiredIdempotencyKeys(deps.db, deps.clock.now());
    await deleteExpiredRateLimits(deps.db, deps.clock.now());
    deps.metrics?.autoClosesTotal.inc(summary.closed);
    if (summary.dispatched + summary.reminders + summary.closed > 0)
      opts.log.info({ due: summary }, 'due work done');
    return false;
  });
  const stopOutbox = loop('outbox', opts.outboxIntervalMs, opts.log, async () => {
    const summary = await dispatchOutbox(deps);
    if (summary.claimed > 0) opts.log.info({ outbox: summary }, 'outbox pass');
    return summary.claimed === deps.outbox.batchSize;
  });
  const stopWebhooks = loop('webhooks', opts.outboxIntervalMs, opts.log, async () => {
    const summary = await dispatchWebhooks(deps);
    if (summary.claimed > 0) opts.log.info({ webhooks: summary }, 'webhook pass');
    return summary.claimed === deps.outbox.batchSize;
  });
  return {
    stop: async () => {
      await Promise.all([stopDue(), stopOutbox(), stopWebhooks()]);
    },
  };
}
