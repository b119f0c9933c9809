/** The caller's organization's webhook endpoints (never their secrets). */
import type { Actor } from '../../domain/types.js';
import { WEBHOOK_EVENT_TYPES, webhookOrganizationOf } from '../../domain/webhook-events.js';
import { liveEndpointsOf, type WebhookEndpointRow } from '../../store/webhook-repository.js';
import type { AppDeps } from '../deps.js';

export interface WebhookEndpointView {
  endpointId: string;
  url: string;
  description: string;
  /** The event types it hears about (every type unless chosen at registration). */
  events: string[];
  createdAt: string;
}

export function webhookEndpointView(
  row: Pick<WebhookEndpointRow, 'id' | 'url' | 'description' | 'created_at' | 'events'>,
): WebhookEndpointView {
  return {
    endpointId: row.id,
    url: row.url,
    description: row.description,
    events: row.events ?? [...WEBHOOK_EVENT_TYPES],
    createdAt: row.created_at.toISOString(),
  };
}

export async function listWebhookEndpoints(deps: AppDeps, actor: Actor): Promise<WebhookEndpointView[]> {
  const rows = await liveEndpointsOf(deps.db, [webhookOrganizationOf(actor)]);
  return rows.map(webhookEndpointView);
}
