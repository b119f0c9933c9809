/** "Send test event": queues a `webhook.test` delivery to one endpoint, through the same outbox. */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { webhookOrganizationOf } from '../../domain/webhook-events.js';
import { findLiveEndpoint } from '../../store/webhook-repository.js';
import type { AppDeps } from '../deps.js';
import { queueWebhookDeliveries } from './queue-webhook-events.js';

export async function sendTestWebhook(
  deps: AppDeps,
  actor: Actor,
  endpointId: string,
): Promise<{ deliveryId: string }> {
  const organizationId = webhookOrganizationOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const endpoint = await findLiveEndpoint(trx, organizationId, endpointId);
    if (!endpoint) throw new AppError('NOT_FOUND', { endpointId });
    const [deliveryId] = await queueWebhookDeliveries(trx, deps, now, [endpoint], {
      type: 'webhook.test',
      data: { endpointId, organizationId, requestedBy: actor.email },
    });
    return { deliveryId: deliveryId! };
  });
}
