/**
 * Webhooks in domain terms: which events partners can receive, and who manages an
 * organization's endpoints. Pure.
 */
import { z } from 'zod';

import { AppError } from './errors.js';
import { CONTACT_CHANGE_VIA, contactSchema } from './line-events.js';
import type { Actor } from './types.js';

export const WEBHOOK_EVENT_TYPES = [
  'subscription.awaiting_provisioning',
  'provisioning_email.sent',
  'provisioning_email.failed',
  'provisioning_email.bounced',
  'subscription.closed',
  'subscription.provisioned',
  'provisioning_contact.changed',
  'webhook.test',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** When each event is sent (the README's table, the OpenAPI `webhooks`). */
export const WEBHOOK_EVENT_WHEN: Record<WebhookEventType, string> = {
  'subscription.awaiting_provisioning':
    'The RSD came: the line awaits setup and its first provisioning e-mail is queued.',
  'provisioning_email.sent': 'The SMTP server accepted a provisioning e-mail.',
  'provisioning_email.failed':
    'A provisioning e-mail could not be delivered (attempts exhausted, refused, or reported failed).',
  'provisioning_email.bounced': 'The mail provider reported a bounce of a provisioning e-mail.',
  'subscription.closed':
    'The policy period ended before setup: the line is closed, provisioning still pending.',
  'subscription.provisioned': 'The order was mapped to a customer organization (the point of no return).',
  'provisioning_contact.changed':
    "The line's provisioning contact changed: by partner or distributor staff, by support, or delegated by the contact from the setup link.",
  'webhook.test': 'Someone pressed "Send test event" (sent to that endpoint only).',
};

const emailOutcome = z.object({
  sendId: z.string().describe('The provisioning e-mail (snd_…), as in the subscription detail'),
  to: z.string().describe('The address it went to'),
  detail: z.string().nullable().describe("The mail server's or the provider's words (SMTP reply, DSN)"),
});

/**
 * Each event's own facts in `data`. Line events also carry the line's ids (`LINE_IDS`), added
 * when the event is queued. Never secrets (no setup links).
 */
export const WEBHOOK_EVENT_DATA = {
  'subscription.awaiting_provisioning': z.object({
    sendId: z.string().describe('The first provisioning e-mail, queued now'),
    rsd: z.string().describe('The requested start date (YYYY-MM-DD)'),
  }),
  'provisioning_email.sent': emailOutcome,
  'provisioning_email.failed': emailOutcome,
  'provisioning_email.bounced': emailOutcome,
  'subscription.closed': z.object({ pendingProvisioning: z.boolean() }),
  'subscription.provisioned': z.object({ organizationId: z.string() }),
  'provisioning_contact.changed': z.object({
    from: contactSchema,
    to: contactSchema,
    sendId: z
      .string()
      .nullable()
      .describe('The e-mail queued for the new contact; null before the RSD (no e-mail yet)'),
    via: z
      .enum(CONTACT_CHANGE_VIA)
      .describe(
        'partner: partner or distributor staff; support: a support agent; delegation: the contact handed over from the setup link',
      ),
  }),
  'webhook.test': z.object({ endpointId: z.string(), organizationId: z.string(), requestedBy: z.string() }),
} as const satisfies Record<WebhookEventType, z.ZodObject>;

export type WebhookDataOf<T extends WebhookEventType> = z.output<(typeof WEBHOOK_EVENT_DATA)[T]>;

/** The events about a subscription line (all but the endpoint's own test). */
export type LineWebhookType = Exclude<WebhookEventType, 'webhook.test'>;

/** One line webhook event as the domain names it: its type and its own data. */
export type LineWebhook = { [T in LineWebhookType]: { type: T; data: WebhookDataOf<T> } }[LineWebhookType];

/** The line's ids every line event carries in `data`, beside its own facts. */
export const LINE_IDS = z.object({ subscriptionId: z.string(), orderId: z.string(), webOrderId: z.string() });

/** The body of a delivery: the exact JSON an endpoint receives for an event of this type. */
export function webhookBodySchema<T extends WebhookEventType>(type: T) {
  const data = WEBHOOK_EVENT_DATA[type];
  return z.object({
    id: z.string().describe('The event id (evt_…), the same in every delivery of this event'),
    type: z.literal(type),
    createdAt: z.iso.datetime(),
    data: type === 'webhook.test' ? data : LINE_IDS.extend(data.shape),
  });
}

/**
 * The organization whose endpoints `actor` manages: partner admins their partner, distributor
 * users their distributor. Everyone else is refused; nobody manages another tenant's endpoints.
 */
export function webhookOrganizationOf(actor: Actor): string {
  if (
    actor.role === 'partner_admin' ||
    actor.role === 'distributor_user' ||
    actor.role === 'distributor_admin'
  )
    return actor.organizationId;
  throw new AppError('NO_ACCESS', { area: 'webhooks' });
}
