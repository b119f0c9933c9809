/**
 * Webhook events, written in the caller's transaction with the state change that causes them.
 * Each event is fanned out at once into one outbox row per live endpoint of the order's partner
 * and distributor, so every delivery has its own attempts, backoff and stable delivery id.
 */
import type { Kysely, Transaction } from 'kysely';

import { type LineEvent, mayProduceWebhook, webhookOf } from '../../domain/line-events.js';
import type { WebhookEventType } from '../../domain/webhook-events.js';
import { enqueue } from '../../store/outbox-repository.js';
import type { Database } from '../../store/schema.js';
import {
  lineWebhookTargets,
  WEBHOOK_TOPIC,
  type WebhookEndpointRow,
} from '../../store/webhook-repository.js';
import type { AppDeps } from '../deps.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What an outbox webhook row carries: the exact body, so every retry sends the same bytes. */
export interface WebhookPayload {
  eventType: WebhookEventType;
  eventId: string;
  body: string;
}

/** Queues one delivery of an event to each endpoint; returns the delivery ids (one per endpoint). */
export async function queueWebhookDeliveries(
  db: Db,
  deps: Pick<AppDeps, 'ids'>,
  now: Date,
  endpoints: Pick<WebhookEndpointRow, 'id'>[],
  event: { type: WebhookEventType; data: Record<string, unknown> },
  /** When the deliveries become due on the real clock; differs from `now` only in `run-due --now`. */
  queueAt: Date = now,
): Promise<string[]> {
  if (endpoints.length === 0) return [];
  const eventId = deps.ids.newId('evt');
  const body = JSON.stringify({
    id: eventId,
    type: event.type,
    createdAt: now.toISOString(),
    data: event.data,
  });
  const deliveries = endpoints.map((e) => ({ endpointId: e.id, deliveryId: deps.ids.newId('whd') }));
  await enqueue(
    db,
    queueAt,
    deliveries.map((d) => ({
      topic: WEBHOOK_TOPIC,
      messageKey: d.deliveryId,
      webhookEndpointId: d.endpointId,
      availableAt: queueAt,
      payload: { eventType: event.type, eventId, body } satisfies WebhookPayload,
    })),
  );
  return deliveries.map((d) => d.deliveryId);
}

/**
 * The webhooks of line events (`webhookOf` decides which, if any): each goes to the endpoints of
 * its order's partner and distributor, with the line's ids added to the event's data. Called by
 * `recordLineEvents`, the one writer of line events.
 */
export async function queueLineWebhooks(
  db: Db,
  deps: Pick<AppDeps, 'ids'>,
  now: Date,
  events: { subscriptionId: string; event: LineEvent }[],
  queueAt: Date = now,
): Promise<void> {
  const candidates = events.filter((e) => mayProduceWebhook(e.event.type));
  if (candidates.length === 0) return;
  // One query: each line with the live endpoints that hear about it (none: nothing to do).
  const targets = await lineWebhookTargets(db, [...new Set(candidates.map((e) => e.subscriptionId))]);
  for (const { subscriptionId, event } of candidates) {
    const lineTargets = targets.filter((t) => t.subscription_id === subscriptionId);
    const line = lineTargets[0];
    if (!line) continue;
    const webhook = webhookOf(event, line);
    if (!webhook) continue;
    // Each endpoint hears only the event types it chose (null: every type).
    const endpoints = lineTargets.filter((t) => !t.events || t.events.includes(webhook.type));
    await queueWebhookDeliveries(
      db,
      deps,
      now,
      endpoints,
      {
        type: webhook.type,
        data: {
          subscriptionId: line.subscription_id,
          orderId: line.order_id,
          webOrderId: line.web_order_id,
          ...webhook.data,
        },
      },
      queueAt,
    );
  }
}
