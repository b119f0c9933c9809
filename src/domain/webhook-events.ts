/**
 * Webhooks in domain terms: which events partners can receive, and who manages an
 * organization's endpoints. Pure.
 */
import { AppError } from './errors.js';
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
