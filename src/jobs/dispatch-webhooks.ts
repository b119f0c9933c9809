/**
 * Drains the webhook outbox: claims due deliveries (topic 'webhook', one SKIP LOCKED statement),
 * checks the endpoint's address again, POSTs the signed event, and records the attempt in the
 * delivery log. A 2xx answer delivers; anything else is retried with the outbox's capped backoff
 * until `maxAttempts`; a refused address, or a payload that does not parse, fails at once. The
 * delivery id (Onramp-Delivery) is the row's stable key, the same on every retry. The signature is
 * made at each attempt, with the secrets that sign at that moment (sign-webhook.ts).
 */
import type { Logger } from 'pino';

import { type AppDeps, DEFAULT_WEBHOOK_SETTINGS } from '../app/deps.js';
import { isAppError } from '../domain/errors.js';
import type { OnrampMetrics } from '../observability/metrics.js';
import { parseOutboxPayload } from '../store/outbox-payloads.js';
import { claimDue, markDone, markFailedAttempt, type OutboxRow } from '../store/outbox-repository.js';
import { inTransaction } from '../store/run-transaction.js';
import { findEndpoint, recordAttempt, WEBHOOK_TOPIC } from '../store/webhook-repository.js';
import { signingSecretsOf } from '../store/webhook-secrets.js';
import { postWebhook } from '../webhooks/post-webhook.js';
import { resolveWebhookTarget } from '../webhooks/resolve-webhook-target.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from '../webhooks/sign-webhook.js';
import type { DispatchSummary, OutboxSettings } from './dispatch-outbox.js';

/** A webhook pass: what `DispatchSummary` says, without withdrawals (webhooks have none). */
export type WebhookDispatchSummary = Omit<DispatchSummary, 'withdrawn'>;

export interface WebhookDispatchDeps extends AppDeps {
  outbox: OutboxSettings;
  /** Counts each outcome (onramp_webhook_deliveries_total); optional so tests need not build one. */
  metrics?: Pick<OnrampMetrics, 'webhookDeliveriesTotal'>;
  /** Where a row whose payload does not parse is reported; optional so tests need not build one. */
  log?: Pick<Logger, 'error'>;
}

type Attempt = { status: number; excerpt: string } | { error: string; permanent: boolean };

async function attempt(deps: WebhookDispatchDeps, row: OutboxRow): Promise<Attempt> {
  const settings = deps.settings.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  const parsed = parseOutboxPayload('webhook', row.payload);
  if (!parsed.ok) {
    deps.log?.error(
      { outboxId: row.id, deliveryId: row.message_key, error: parsed.error },
      'webhook delivery failed: its payload does not parse',
    );
    return { error: parsed.error, permanent: true };
  }
  const payload = parsed.payload;
  const endpoint = row.webhook_endpoint_id ? await findEndpoint(deps.db, row.webhook_endpoint_id) : undefined;
  if (!endpoint || endpoint.deleted_at) return { error: 'endpoint deleted', permanent: true };
  try {
    const target = await resolveWebhookTarget(endpoint.url, settings.allowPrivate);
    const now = deps.clock.now();
    const unixSeconds = Math.floor(now.getTime() / 1000);
    return await postWebhook(
      target,
      {
        // Within a rotation's overlap window, signed under the new and the previous secret.
        [SIGNATURE_HEADER]: signWebhook(signingSecretsOf(endpoint, now), unixSeconds, payload.body),
        [EVENT_HEADER]: payload.eventType,
        [DELIVERY_HEADER]: row.message_key,
      },
      payload.body,
      settings.timeoutMs,
    );
  } catch (e) {
    // A refused address (it may have changed since registration) will not get better by waiting;
    // a host that does not resolve right now may (DNS trouble).
    if (isAppError(e, 'WEBHOOK_URL_REFUSED')) {
      const reason = e.details.reason;
      return { error: `refused: ${reason}`, permanent: reason !== 'unresolvable' };
    }
    return { error: e instanceof Error ? e.message : String(e), permanent: false };
  }
}

async function deliver(
  deps: WebhookDispatchDeps,
  row: OutboxRow,
  summary: WebhookDispatchSummary,
): Promise<void> {
  const result = await attempt(deps, row);
  const now = deps.clock.now();
  const ok = 'status' in result && result.status >= 200 && result.status < 300;
  const error =
    'status' in result ? (ok ? null : `HTTP ${result.status}: ${result.excerpt}`.trim()) : result.error;
  // Counted after the commit: a transaction retried after a deadlock runs its body again.
  const status = await inTransaction(deps, async (trx) => {
    await recordAttempt(trx, {
      outboxId: row.id,
      attempt: row.attempts,
      at: now,
      responseStatus: 'status' in result ? result.status : null,
      error,
    });
    // A webhook payload holds no secret (the signing key stays on the endpoint): it stays as is.
    if (ok) return (await markDone(trx, row.id, now)) ? ('done' as const) : ('superseded' as const);
    return markFailedAttempt(trx, row, now, error ?? '', {
      ...deps.outbox,
      permanent: 'permanent' in result && result.permanent,
    });
  });
  if (status === 'done') {
    summary.sent++;
    deps.metrics?.webhookDeliveriesTotal.inc({ status: 'delivered' });
    return;
  }
  if (status === 'failed') summary.failed++;
  else if (status === 'pending') summary.retrying++;
  if (status !== 'superseded')
    deps.metrics?.webhookDeliveriesTotal.inc({ status: status === 'failed' ? 'failed' : 'retrying' });
}

/** One claim-and-deliver pass; call again while `claimed === batchSize`. */
export async function dispatchWebhooks(deps: WebhookDispatchDeps): Promise<WebhookDispatchSummary> {
  const rows = await claimDue(
    deps.db,
    deps.clock.now(),
    deps.outbox.batchSize,
    deps.outbox.leaseMs,
    WEBHOOK_TOPIC,
  );
  const summary: WebhookDispatchSummary = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
  await Promise.all(rows.map((row) => deliver(deps, row, summary)));
  return summary;
}
