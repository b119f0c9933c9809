/**
 * Webhooks in domain terms: which events partners can receive, and who manages an
 * organization's endpoints. Pure.
 */
import { z } from 'zod';
import { AppError } from './errors.js';
import { CONTACT_CHANGE_VIA, contactSchema } from './line-events.js';
import type { Actor } from './types.js';

/**
 * | event                               | when                                                            |
 * | ----------------------------------- | --------------------------------------------------------------- |
 * | subscription.awaiting_provisioning  | the RSD came: the line waits for setup, the first e-mail queued  |
 * | provisioning_email.sent             | the SMTP server accepted a provisioning e-mail                   |
 * | provisioning_email.failed           | a provisioning e-mail could not be delivered (attempts exhausted, or reported failed) |
 * | provisioning_email.bounced          | the mail provider reported a bounce                              |
 * | subscription.closed                 | the policy period ended before setup (provisioning still pending) |
 * | subscription.provisioned            | the order was mapped to a customer organization (PONR)           |
 * | provisioning_contact.changed        | someone changed the line's provisioning contact                  |
 * | webhook.test                        | "Send test event" (only to the endpoint it was asked for)        |
 */
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

const emailOutcome = z.object({
  sendId: z.string(),
  to: z.string(),
  /** The mail server's or the provider's words (SMTP reply, DSN diagnostic). */
  detail: z.string().nullable(),
});

/**
 * Each event's own facts in `data`. Line events also carry the line's ids (`LINE_IDS`), added
 * when the event is queued. Never secrets (no setup links).
 */
export const WEBHOOK_EVENT_DATA = {
  'subscription.awaiting_provisioning': z.object({ sendId: z.string(), rsd: z.string() }),
  'provisioning_email.sent': emailOutcome,
  'provisioning_email.failed': emailOutcome,
  'provisioning_email.bounced': emailOutcome,
  'subscription.closed': z.object({ pendingProvisioning: z.boolean() }),
  'subscription.provisioned': z.object({ organizationId: z.string() }),
  'provisioning_contact.changed': z.object({
    from: contactSchema,
    to: contactSchema,
    /** The e-mail queued for the new contact; null before the RSD (no e-mail yet). */
    sendId: z.string().nullable(),
    via: z.enum(CONTACT_CHANGE_VIA),
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
