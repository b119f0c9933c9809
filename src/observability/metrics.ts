/**
 * Prometheus metrics, on a registry per app instance (never prom-client's global one), so two apps
 * in one process (tests, `start`) never collide. Counters are bumped where things happen; the
 * queue gauges are read from the database when `/metrics` is scraped, so every web process reports
 * the same shared truth and nothing goes stale between scrapes.
 *
 * | series                                  | meaning                                                        |
 * | --------------------------------------- | -------------------------------------------------------------- |
 * | onramp_http_request_duration_seconds    | histogram of request durations by method, route pattern, status |
 * | onramp_outbox_depth                     | outbox rows still pending (all topics)                          |
 * | onramp_outbox_oldest_age_seconds        | age of the oldest pending outbox row (0 when none)              |
 * | onramp_sends_total                      | outbox delivery outcomes by status (sent, retrying, failed)     |
 * | onramp_smtp_throttled_total             | SMTP answers asking us to slow down (421, 454); the e-mail waits |
 * |                                         | without losing an attempt and the shared budget slows down      |
 * | onramp_sends_failed                     | e-mails failed and not sent since; retryable="true": their link |
 * |                                         | lives on, they go out when SMTP is back; "false": for good      |
 * | onramp_due_lag_seconds                  | how late the oldest due line is (`next_action_at` <= now; 0 if none) |
 * | onramp_auto_closes_total                | lines closed by the policy period (from run-due summaries)      |
 * | onramp_reminders_total                  | reminder e-mails queued before a line closes                    |
 * | onramp_webhook_deliveries_total         | webhook delivery attempts by outcome (delivered, retrying, failed) |
 * | onramp_database_up                      | 1 when this scrape could read the database, else 0 (the queue   |
 * |                                         | gauges then keep their last values)                            |
 */
import type { Kysely } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { failedEmailCounts } from '../store/failed-send-repository.js';
import { oldestDueAt } from '../store/line-repository.js';
import { outboxStats } from '../store/outbox-repository.js';
import type { Database } from '../store/schema.js';

export type SendOutcome = 'sent' | 'retrying' | 'failed';

export interface OnrampMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  sendsTotal: Counter<'status'>;
  smtpThrottledTotal: Counter;
  autoClosesTotal: Counter;
  remindersTotal: Counter;
  webhookDeliveriesTotal: Counter<'status'>;
  /** Reads the queue gauges from the database at `now`, then renders the exposition text. */
  scrape(db: Kysely<Database>, now: Date): Promise<string>;
}

export function createMetrics(opts: { processMetrics?: boolean } = {}): OnrampMetrics {
  const registry = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'onramp_' });
  const registers = [registry];
  const httpDuration = new Histogram({
    name: 'onramp_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const outboxDepth = new Gauge({
    name: 'onramp_outbox_depth',
    help: 'Outbox rows still pending',
    registers,
  });
  const outboxOldestAge = new Gauge({
    name: 'onramp_outbox_oldest_age_seconds',
    help: 'Age of the oldest pending outbox row (0 when the outbox is empty)',
    registers,
  });
  const dueLag = new Gauge({
    name: 'onramp_due_lag_seconds',
    help: 'How long the oldest due subscription line has been waiting (0 when none is due)',
    registers,
  });
  const sendsFailed = new Gauge({
    name: 'onramp_sends_failed',
    help: 'E-mails failed and not sent since; retryable: their link still works, they go out when SMTP is back',
    labelNames: ['retryable'] as const,
    registers,
  });
  const databaseUp = new Gauge({
    name: 'onramp_database_up',
    help: 'Whether this scrape could read the database (1) or not (0)',
    registers,
  });
  const sendsTotal = new Counter({
    name: 'onramp_sends_total',
    help: 'Outbox delivery outcomes by status',
    labelNames: ['status'] as const,
    registers,
  });
  const smtpThrottledTotal = new Counter({
    name: 'onramp_smtp_throttled_total',
    help: 'SMTP answers asking the sender to slow down (421, 454); the e-mail is sent later without losing an attempt',
    registers,
  });
  const autoClosesTotal = new Counter({
    name: 'onramp_auto_closes_total',
    help: 'Subscription lines closed at the end of their policy period',
    registers,
  });
  const remindersTotal = new Counter({
    name: 'onramp_reminders_total',
    help: 'Reminder e-mails queued to provisioning contacts before their lines close',
    registers,
  });
  const webhookDeliveriesTotal = new Counter({
    name: 'onramp_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome',
    labelNames: ['status'] as const,
    registers,
  });
  for (const status of ['delivered', 'retrying', 'failed']) webhookDeliveriesTotal.inc({ status }, 0);
  // Known label values start at 0, so a rate() works from the first scrape.
  for (const status of ['sent', 'retrying', 'failed'] satisfies SendOutcome[]) sendsTotal.inc({ status }, 0);

  return {
    registry,
    httpDuration,
    sendsTotal,
    smtpThrottledTotal,
    autoClosesTotal,
    remindersTotal,
    webhookDeliveriesTotal,
    async scrape(db, now) {
      // A scrape must answer when the database does not: the alert on onramp_database_up needs it.
      const read = await Promise.all([
        outboxStats(db),
        oldestDueAt(db, now),
        failedEmailCounts(db, now),
      ]).then(
        (values) => values,
        () => null,
      );
      databaseUp.set(read ? 1 : 0);
      if (read) {
        const [stats, due, failed] = read;
        const ageOf = (at: Date | string | null | undefined) =>
          at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0;
        outboxDepth.set(stats.pending);
        outboxOldestAge.set(ageOf(stats.oldestPendingAt));
        dueLag.set(ageOf(due));
        sendsFailed.set({ retryable: 'true' }, failed.retryable);
        sendsFailed.set({ retryable: 'false' }, failed.final);
      }
      return registry.metrics();
    },
  };
}
