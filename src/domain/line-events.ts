/**
 * Line events: everything that happens to a subscription line or its order, named once with its
 * typed data. A use case decides what happened; `src/app/lines/record-line-events.ts` writes each
 * event as an audit row (the action is the event's `type`, the data its `data`) and queues the
 * webhook it produces, in the caller's transaction. The line's timeline parses the same rows
 * back with `parseLineEvent`. Pure.
 *
 * | type                           | scope | when                                                        | webhook                              |
 * | ------------------------------ | ----- | ----------------------------------------------------------- | ------------------------------------ |
 * | order.placed                   | order | a partner placed the order (API, workspace, import)         | —                                    |
 * | line.created                   | line  | one line of that order                                      | —                                    |
 * | provisioning_email.queued      | line  | a provisioning e-mail queued: RSD, resend, contact change, reminder | subscription.awaiting_provisioning (RSD only) |
 * | provisioning_email.waiting     | line  | held back: its address had the hour's cap of e-mails        | —                                    |
 * | provisioning_email.sent        | line  | the SMTP server accepted it                                 | provisioning_email.sent              |
 * | provisioning_email.delivered   | line  | the mail provider reported it delivered                     | — (confirms `sent`)                  |
 * | provisioning_email.failed      | line  | attempts exhausted, refused, or reported failed             | provisioning_email.failed            |
 * | provisioning_email.bounced     | line  | the mail provider reported a bounce                         | provisioning_email.bounced           |
 * | provisioning_email.withdrawn   | line  | not sent: the order was set up (PONR) before it left        | —                                    |
 * | provisioning_contact.changed   | line  | partner, support agent, or a delegation from the setup link | provisioning_contact.changed         |
 * | line.closed                    | line  | the policy period ended before setup                        | subscription.closed                  |
 * | line.cancelled                 | line  | a partner cancelled the line                                | —                                    |
 * | order.mapped                   | order | the order was mapped to a customer organization (PONR)      | —                                    |
 * | line.provisioned               | line  | each live line of that order                                | subscription.provisioned             |
 *
 * A reminder is a `provisioning_email.queued` with reason `reminder`; a superseded e-mail (a newer
 * one replaced it before it left) is its queued event's send status, not an event of its own; a
 * "delayed" report changes nothing and is not recorded. Support agents act through the ordinary
 * resend and contact change (audited as the agent; the case keeps its own events).
 */
import { z } from 'zod';

import { LANGUAGES } from './types.js';
import type { LineWebhook } from './webhook-events.js';

/** How a provisioning contact changed: by partner or distributor staff, by a support agent, or handed over by the contact from the setup link. */
export const CONTACT_CHANGE_VIA = ['partner', 'support', 'delegation'] as const;
export type ContactChangeVia = (typeof CONTACT_CHANGE_VIA)[number];

export const contactSchema = z.object({ name: z.string(), email: z.string(), language: z.enum(LANGUAGES) });

const event = <T extends string, S extends z.ZodRawShape>(type: T, data: S) =>
  z.object({ type: z.literal(type), data: z.object(data) });

/** What became of a sent e-mail: which send, to whom, and the mail server's or provider's words. */
const emailOutcome = { sendId: z.string(), to: z.string(), detail: z.string().nullable() };

export const lineEventSchema = z.discriminatedUnion('type', [
  event('order.placed', { webOrderId: z.string(), lines: z.array(z.string()) }),
  event('line.created', { offerCode: z.string(), quantity: z.number().int(), rsd: z.string() }),
  event('provisioning_email.queued', {
    sendId: z.string(),
    reason: z.enum(['rsd', 'resend', 'contact_change', 'reminder']),
    to: z.string(),
  }),
  /** The dispatcher held the e-mail back: `to` had `limit` e-mails in the last hour; it goes out at `until`. */
  event('provisioning_email.waiting', {
    sendId: z.string(),
    to: z.string(),
    limit: z.number().int(),
    until: z.string(),
  }),
  event('provisioning_email.sent', emailOutcome),
  event('provisioning_email.delivered', emailOutcome),
  event('provisioning_email.failed', emailOutcome),
  event('provisioning_email.bounced', emailOutcome),
  event('provisioning_email.withdrawn', emailOutcome),
  event('provisioning_contact.changed', {
    from: contactSchema,
    to: contactSchema,
    applyToAllLines: z.boolean(),
    via: z.enum(CONTACT_CHANGE_VIA),
    /** The e-mail queued for the new contact; null before the RSD (the first e-mail will go to them) and when the address stayed the same (a new name or language is not e-mailed). */
    sendId: z.string().nullable(),
  }),
  event('line.closed', { pendingProvisioning: z.boolean() }),
  event('line.cancelled', { reason: z.string().nullable() }),
  event('order.mapped', {
    organizationId: z.string(),
    /** Partner-led setup: the partner's organization and "Name <email>" of its user who set it up. */
    setUpBy: z.object({ organization: z.string(), user: z.string() }).optional(),
  }),
  event('line.provisioned', { organizationId: z.string() }),
]);

export type LineEvent = z.output<typeof lineEventSchema>;
export type LineEventType = LineEvent['type'];
export type LineEventOf<T extends LineEventType> = Extract<LineEvent, { type: T }>;

export const LINE_EVENT_TYPES: readonly LineEventType[] = lineEventSchema.options.map(
  (o) => o.shape.type.value,
);

/** Events about the order as a whole: no line of their own, shown on every line's timeline. */
export const ORDER_EVENT_TYPES = ['order.placed', 'order.mapped'] as const satisfies readonly LineEventType[];
type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** An event with the order or line it is about: what the recorder takes. */
export type LineEventAt =
  | (LineEventOf<OrderEventType> & { orderId: string; subscriptionId?: undefined })
  | (Exclude<LineEvent, { type: OrderEventType }> & {
      subscriptionId: string;
      /** Known to most use cases; the e-mail outcomes (found by send) leave it out. */
      orderId?: string;
    });

/** What a webhook may need to know about the line beyond the event (its ids are added by the queue). */
export interface LineFacts {
  rsd: string;
}

type WebhookRule<T extends LineEventType> =
  ((event: LineEventOf<T>, line: LineFacts) => LineWebhook | null) | null;

/**
 * Which webhook each line event produces (null: none) and with what data. Exhaustive: a new event
 * type does not compile until it says whether partners hear about it.
 */
const WEBHOOK_OF = {
  'order.placed': null,
  'line.created': null,
  // Only the RSD's e-mail starts the wait for setup; resends, reminders and new contacts do not.
  'provisioning_email.queued': (e, line) =>
    e.data.reason === 'rsd'
      ? { type: 'subscription.awaiting_provisioning', data: { sendId: e.data.sendId, rsd: line.rsd } }
      : null,
  // Held back by the per-address cap: the partner hears when it is sent.
  'provisioning_email.waiting': null,
  'provisioning_email.sent': (e) => ({ type: 'provisioning_email.sent', data: e.data }),
  // A "delivered" report confirms the `sent` event partners already had: no second event.
  'provisioning_email.delivered': null,
  'provisioning_email.failed': (e) => ({ type: 'provisioning_email.failed', data: e.data }),
  'provisioning_email.bounced': (e) => ({ type: 'provisioning_email.bounced', data: e.data }),
  // Partners hear of the setup itself (subscription.provisioned); an e-mail that stayed home is ours.
  'provisioning_email.withdrawn': null,
  'provisioning_contact.changed': (e) => ({
    type: 'provisioning_contact.changed',
    data: { from: e.data.from, to: e.data.to, sendId: e.data.sendId, via: e.data.via },
  }),
  'line.closed': (e) => ({ type: 'subscription.closed', data: e.data }),
  'line.cancelled': null,
  'order.mapped': null,
  'line.provisioned': (e) => ({ type: 'subscription.provisioned', data: e.data }),
} satisfies { [T in LineEventType]: WebhookRule<T> };

/** Whether events of this type may produce a webhook (so the recorder looks up endpoints only then). */
export function mayProduceWebhook(type: LineEventType): boolean {
  return WEBHOOK_OF[type] !== null;
}

/** The webhook `event` produces, if any, with its own data (the line's ids are added when queued). */
export function webhookOf(event: LineEvent, line: LineFacts): LineWebhook | null {
  // One rule per type, typed by the table above; TypeScript cannot correlate the lookup itself.
  const rule = WEBHOOK_OF[event.type] as WebhookRule<LineEventType>;
  return rule ? rule(event as never, line) : null;
}

/**
 * Rows written before the events were typed: contact changes had no `via` and no `sendId`
 * (a delegation said `delegated: true`). Read them as what they were.
 */
function upgradeLegacy(type: string, data: unknown): unknown {
  if (type !== 'provisioning_contact.changed' || typeof data !== 'object' || data === null) return data;
  const d = data as Record<string, unknown>;
  return {
    applyToAllLines: false,
    sendId: null,
    via: d['delegated'] === true ? 'delegation' : 'partner',
    ...d,
  };
}

/** An audit row read back as a line event; null when it is not one (or not in a shape we know). */
export function parseLineEvent(action: string, data: unknown): LineEvent | null {
  const parsed = lineEventSchema.safeParse({ type: action, data: upgradeLegacy(action, data) });
  return parsed.success ? parsed.data : null;
}
