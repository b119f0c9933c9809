/**
 * The one way provisioning e-mails are queued (RSD, resend, contact change, reminder): one e-mail
 * per contact per order per event. The requests of a batch are grouped by order, contact address
 * and reason (RSD e-mails also by RSD day); each group becomes one e-mail with one new setup link
 * (a 256-bit token, only its hash stored), listing every line of that contact on the order, with
 * the earliest deadline. Every line still gets its own send row, history and events: the first
 * line's send carries the e-mail, the others follow it. All inside the caller's transaction.
 */
import type { Transaction } from 'kysely';

import { closeInstant, setupDeadline } from '../../domain/policy.js';
import type { SendReason } from '../../domain/types.js';
import type { EmailLine, TemplateFields } from '../../email/index.js';
import type { AuditActor } from '../../store/audit-repository.js';
import { type LineChange, policyDaysOf } from '../../store/line-repository.js';
import { emailPayload } from '../../store/outbox-payloads.js';
import {
  orderAddressKey,
  type SendHistory,
  sendHistory,
} from '../../store/provisioning-history-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../../store/schema.js';
import { type NewProvisioningSend, writeProvisioningSends } from '../../store/write-provisioning-sends.js';
import { type AppDeps, hashToken } from '../deps.js';
import type { OrderEmailContext } from './order-email-context.js';

const DAY_MS = 86_400_000;

export interface QueuedSend {
  sendId: string;
  subscriptionId: string;
  to: string;
}

export interface ProvisioningEmailRequest {
  order: PurchaseOrderRow;
  /** The line as it is after the change (contact, first e-mail instant). */
  line: SubscriptionLineRow;
  reason: SendReason;
  /** The order as it is after the change (see order-email-context.ts). */
  context: OrderEmailContext;
  /** The send's id when the caller named it first (to record an event about it); new otherwise. */
  sendId?: string;
}

/**
 * Queues the e-mails of many lines (at most one request per line) in one statement: the due
 * worker's RSD burst queues hundreds per transaction, and a resend is on the API's hot path, so
 * per-table round trips were most of the cost. See `writeProvisioningSends`. Returns one queued
 * send per request, in request order.
 */
export async function queueProvisioningEmails(
  trx: Transaction<Database>,
  deps: AppDeps,
  {
    actor,
    now,
    queueAt,
    lineChanges,
  }: {
    actor: AuditActor;
    now: Date;
    queueAt?: Date;
    /** Lines' new states, saved with the sends (see `writeProvisioningSends`). */
    lineChanges?: LineChange[];
  },
  requests: ProvisioningEmailRequest[],
): Promise<QueuedSend[]> {
  if (requests.length === 0) return [];
  const history = await historyOf(trx, requests);
  const sends = new Map<ProvisioningEmailRequest, NewProvisioningSend>();
  for (const group of groupsOf(requests))
    for (const [i, send] of prepareGroup(deps, actor, now, group, history).entries())
      sends.set(group[i]!, send);
  await writeProvisioningSends(trx, now, [...sends.values()], queueAt, lineChanges);
  return requests.map((r) => {
    const send = sends.get(r)!;
    return { sendId: send.id, subscriptionId: send.subscriptionId, to: send.toEmail };
  });
}

/** One e-mail's requests: same order, same address (any case), same reason; RSD e-mails per RSD day. */
function groupsOf(requests: ProvisioningEmailRequest[]): ProvisioningEmailRequest[][] {
  const groups = new Map<string, ProvisioningEmailRequest[]>();
  for (const r of requests) {
    const day = r.reason === 'rsd' ? r.line.rsd : '';
    const key = [orderAddressKey(r.order.id, r.line.contact_email), r.reason, day].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

/**
 * What the batch's e-mails say about the past, read before any of them is written: one query for
 * the whole batch. An RSD e-mail is a line's first and comes before any delegation (there is no
 * link to delegate from yet), so the RSD burst skips it.
 */
async function historyOf(
  trx: Transaction<Database>,
  requests: ProvisioningEmailRequest[],
): Promise<SendHistory> {
  const later = requests.filter((r) => r.reason !== 'rsd');
  return sendHistory(
    trx,
    later
      .filter((r) => r.reason !== 'reminder')
      .map((r) => ({ orderId: r.order.id, email: r.line.contact_email })),
    later.map((r) => ({ subscriptionId: r.line.subscription_id, contactEmail: r.line.contact_email })),
  );
}

/**
 * The lines one e-mail lists, in line order, never cut: an RSD e-mail lists the lines whose RSD
 * it is; any later e-mail, every line of the order this contact provisions that has had its first
 * e-mail (a line before its RSD is not theirs to set up yet).
 */
function linesOfEmail(group: ProvisioningEmailRequest[]): EmailLine[] {
  const lead = group[0]!;
  const own = new Set(group.map((r) => r.line.subscription_id));
  const address = lead.line.contact_email.toLowerCase();
  return lead.context.lines
    .filter((l) =>
      lead.reason === 'rsd'
        ? own.has(l.subscriptionId)
        : own.has(l.subscriptionId) || (l.contactEmail.toLowerCase() === address && l.status !== 'booked'),
    )
    .map(({ contactEmail: _, status: __, ...l }) => l);
}

/**
 * The deadline of one line's setup: its close while it is open, and never after the link dies (an
 * offer's period may outlast SETUP_LINK_TTL_DAYS); a closed-pending line can still be set up, so
 * the link's own expiry is the deadline that matters.
 */
function deadlineOf(line: SubscriptionLineRow, expiresAt: Date, now: Date): Date {
  const closesAt = line.first_email_at && closeInstant(policyDaysOf(line), line.first_email_at);
  const open = line.status === 'awaiting_provisioning_details' && closesAt && closesAt > now;
  return setupDeadline(open ? closesAt : null, expiresAt);
}

/** Everything one e-mail writes (its lead send, then one follower per other line), without I/O. */
function prepareGroup(
  deps: AppDeps,
  actor: AuditActor,
  now: Date,
  group: ProvisioningEmailRequest[],
  history: SendHistory,
): NewProvisioningSend[] {
  const lead = group[0]!;
  const { order, line, reason } = lead;
  const { settings, ids } = deps;
  const token = ids.newToken();
  const expiresAt = new Date(now.getTime() + settings.setupLinkTtlDays * DAY_MS);
  const deadline = new Date(Math.min(...group.map((r) => deadlineOf(r.line, expiresAt, now).getTime())));
  const delegatedBy = group.map((r) => history.delegators.get(r.line.subscription_id)).find(Boolean);
  const common = {
    language: line.contact_language,
    to: { name: line.contact_name, email: line.contact_email },
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    partnerName: lead.context.partnerName,
    lines: linesOfEmail(group),
    secrets: { setupUrl: `${settings.publicUrl}/setup/${token}` },
    deadline: deadline.toISOString(),
    helpUrl: `${settings.publicUrl}/help/provisioning`,
    senderAddress: settings.mailFrom,
    ...(delegatedBy ? { delegatedBy } : {}),
  } satisfies Omit<TemplateFields<'reminder'>, 'daysLeft'>;
  const payload =
    reason === 'reminder'
      ? emailPayload('reminder', {
          ...common,
          daysLeft: Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS)),
        })
      : emailPayload('provisioning', {
          ...common,
          // "Replaces the earlier e-mail" only when this address did receive one for this order:
          // a new contact's first e-mail (contact change, delegation) reads as a first e-mail.
          resend: reason !== 'rsd' && history.alreadySent.has(orderAddressKey(order.id, line.contact_email)),
        });

  const leadId = lead.sendId ?? ids.newId('snd');
  return group.map((r, i): NewProvisioningSend => ({
    id: i === 0 ? leadId : (r.sendId ?? ids.newId('snd')),
    subscriptionId: r.line.subscription_id,
    orderId: order.id,
    reason,
    requestedByUserId: actor.userId,
    requestedByLabel: actor.label,
    toName: r.line.contact_name,
    toEmail: r.line.contact_email,
    language: r.line.contact_language,
    carries: i === 0 ? { tokenHash: hashToken(token), tokenExpiresAt: expiresAt, payload } : { leadId },
  }));
}
