/** Delete one of the caller's organization's endpoints; deliveries still waiting are withdrawn. */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { webhookOrganizationOf } from '../../domain/webhook-events.js';
import { appendAudit } from '../../store/audit-repository.js';
import { deleteEndpoint, findLiveEndpoint } from '../../store/webhook-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';

export async function deleteWebhookEndpoint(deps: AppDeps, actor: Actor, endpointId: string): Promise<void> {
  const organizationId = webhookOrganizationOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const endpoint = await findLiveEndpoint(trx, organizationId, endpointId);
    if (!endpoint) throw new AppError('NOT_FOUND', { endpointId });
    await deleteEndpoint(trx, endpoint.id, now);
    await appendAudit(trx, now, auditActorOf(actor), [
      { action: 'webhook_endpoint.deleted', data: { endpointId, organizationId, url: endpoint.url } },
    ]);
  });
}
