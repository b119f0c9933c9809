/** Choose the event types one of the caller's organization's endpoints hears about (null: every type). */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { WEBHOOK_EVENT_TYPES, webhookOrganizationOf } from '../../domain/webhook-events.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findLiveEndpoint, setEndpointEvents } from '../../store/webhook-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { type WebhookEndpointView, webhookEndpointView } from './list-webhook-endpoints.js';

export const chooseWebhookEventsSchema = z.object({
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1)
    .nullable()
    .describe('The event types this endpoint hears about; null: every type'),
});

export async function chooseWebhookEvents(
  deps: AppDeps,
  actor: Actor,
  endpointId: string,
  input: z.infer<typeof chooseWebhookEventsSchema>,
): Promise<WebhookEndpointView> {
  const organizationId = webhookOrganizationOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const endpoint = await findLiveEndpoint(trx, organizationId, endpointId);
    if (!endpoint) throw new AppError('NOT_FOUND', { endpointId });
    const events = input.events ? [...new Set(input.events)] : null;
    await setEndpointEvents(trx, endpoint.id, events);
    await appendAudit(trx, now, auditActorOf(actor), [
      { action: 'webhook_endpoint.events_chosen', data: { endpointId, organizationId, events } },
    ]);
    return webhookEndpointView({ ...endpoint, events });
  });
}
