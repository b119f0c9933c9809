/**
 * Redeliver: a new delivery (its own id, attempts and backoff) of an event an endpoint already
 * had, with the same event id and the same body, so a receiver that lost it can have it again and
 * one that has it can drop it by event id. Another organization's endpoint or delivery is NOT_FOUND.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { webhookOrganizationOf } from '../../domain/webhook-events.js';
import { enqueue } from '../../store/outbox-repository.js';
import { findDelivery, findLiveEndpoint, WEBHOOK_TOPIC } from '../../store/webhook-repository.js';
import type { AppDeps } from '../deps.js';
import type { WebhookPayload } from './queue-webhook-events.js';

export async function redeliverWebhook(
  deps: AppDeps,
  actor: Actor,
  input: { endpointId: string; deliveryId: string },
): Promise<{ deliveryId: string; eventId: string; redeliveryOf: string }> {
  const organizationId = webhookOrganizationOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const endpoint = await findLiveEndpoint(trx, organizationId, input.endpointId);
    if (!endpoint) throw new AppError('NOT_FOUND', { endpointId: input.endpointId });
    const original = await findDelivery(trx, endpoint.id, input.deliveryId);
    if (!original) throw new AppError('NOT_FOUND', { deliveryId: input.deliveryId });
    const payload = original.payload as WebhookPayload;
    const deliveryId = deps.ids.newId('whd');
    await enqueue(trx, now, [
      {
        topic: WEBHOOK_TOPIC,
        messageKey: deliveryId,
        webhookEndpointId: endpoint.id,
        availableAt: now,
        payload: { eventType: payload.eventType, eventId: payload.eventId, body: payload.body },
      },
    ]);
    return { deliveryId, eventId: payload.eventId, redeliveryOf: input.deliveryId };
  });
}
