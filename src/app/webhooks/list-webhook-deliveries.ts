/** The delivery log of one endpoint: newest deliveries first, each with its attempts. */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { webhookOrganizationOf } from '../../domain/webhook-events.js';
import { deliveriesOf, findLiveEndpoint } from '../../store/webhook-repository.js';
import type { AppDeps } from '../deps.js';
import type { WebhookPayload } from './queue-webhook-events.js';

export const DELIVERY_LOG_SIZE = 50;

export interface WebhookDeliveryView {
  deliveryId: string;
  eventId: string;
  eventType: string;
  /** pending (queued or retrying), delivered, failed, or withdrawn (the endpoint was deleted). */
  status: 'pending' | 'delivered' | 'failed' | 'withdrawn';
  attempts: number;
  /** When a pending delivery is tried next. */
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  attemptLog: { attempt: number; at: string; responseStatus: number | null; error: string | null }[];
}

const STATUS = { pending: 'pending', done: 'delivered', failed: 'failed', superseded: 'withdrawn' } as const;

export async function listWebhookDeliveries(
  deps: AppDeps,
  actor: Actor,
  endpointId: string,
): Promise<WebhookDeliveryView[]> {
  const endpoint = await findLiveEndpoint(deps.db, webhookOrganizationOf(actor), endpointId);
  if (!endpoint) throw new AppError('NOT_FOUND', { endpointId });
  const rows = await deliveriesOf(deps.db, endpoint.id, DELIVERY_LOG_SIZE);
  return rows.map((r) => {
    const payload = r.payload as WebhookPayload;
    return {
      deliveryId: r.message_key,
      eventId: payload.eventId,
      eventType: payload.eventType,
      status: STATUS[r.status],
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.available_at.toISOString() : null,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.done_at?.toISOString() ?? null,
      attemptLog: r.attemptLog.map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        responseStatus: a.response_status,
        error: a.error,
      })),
    };
  });
}
