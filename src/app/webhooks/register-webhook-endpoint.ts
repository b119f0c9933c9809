/**
 * Register a webhook endpoint for the caller's organization. The URL must pass the SSRF guard
 * (resolved before the transaction: DNS is not something to hold a transaction open for). The
 * secret is generated unless supplied, and returned this once only.
 */
import { z } from 'zod';

import { invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { WEBHOOK_EVENT_TYPES, webhookOrganizationOf } from '../../domain/webhook-events.js';
import { appendAudit } from '../../store/audit-repository.js';
import { insertEndpoint, liveEndpointsOf } from '../../store/webhook-repository.js';
import { resolveWebhookTarget } from '../../webhooks/resolve-webhook-target.js';
import { auditActorOf } from '../actor-label.js';
import { type AppDeps, DEFAULT_WEBHOOK_SETTINGS } from '../deps.js';
import { type WebhookEndpointView, webhookEndpointView } from './list-webhook-endpoints.js';

/** An organization needs a handful of receivers, not a fan-out amplifier. */
export const MAX_ENDPOINTS_PER_ORGANIZATION = 10;

export const registerWebhookEndpointSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000),
  secret: z
    .string()
    .regex(/^[\x21-\x7e]{24,200}$/, 'must be 24 to 200 visible ASCII characters')
    .optional(),
  description: z.string().trim().max(200).default(''),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1)
    .optional()
    .describe('The event types this endpoint hears about; every type when absent'),
});
export type RegisterWebhookEndpointInput = z.infer<typeof registerWebhookEndpointSchema>;

export interface RegisteredWebhookEndpoint extends WebhookEndpointView {
  /** Shown once; store it to verify Onramp-Signature. */
  secret: string;
}

export async function registerWebhookEndpoint(
  deps: AppDeps,
  actor: Actor,
  input: RegisterWebhookEndpointInput,
): Promise<RegisteredWebhookEndpoint> {
  const organizationId = webhookOrganizationOf(actor);
  const settings = deps.settings.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  await resolveWebhookTarget(input.url, settings.allowPrivate);
  const secret = input.secret ?? `whsec_${deps.ids.newToken()}`;
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const existing = await liveEndpointsOf(trx, [organizationId]);
    if (existing.length >= MAX_ENDPOINTS_PER_ORGANIZATION)
      throw invalidInput('url', `at most ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints per organization`);
    const row = {
      id: deps.ids.newId('whe'),
      organization_id: organizationId,
      url: input.url,
      secret,
      description: input.description,
      events: input.events ? [...new Set(input.events)] : null,
      created_by_user_id: actor.userId,
      created_at: now,
      deleted_at: null,
    };
    await insertEndpoint(trx, row);
    await appendAudit(trx, now, auditActorOf(actor), [
      { action: 'webhook_endpoint.created', data: { endpointId: row.id, organizationId, url: row.url } },
    ]);
    return { ...webhookEndpointView(row), secret };
  });
}
