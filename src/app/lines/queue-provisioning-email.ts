/**
 * The one way a provisioning e-mail is queued (RSD, resend, contact change, reminder):
 * revoke the live setup link, mint a new 256-bit token (only its hash is stored), record the send,
 * and write the outbox row, all inside the caller's transaction.
 */
import type { Transaction } from 'kysely';

import { closeInstant, setupDeadline } from '../../domain/policy.js';
import type { SendReason } from '../../domain/types.js';
import type { EmailLine, TemplateFields } from '../../email/index.js';
import type { AuditActor } from '../../store/audit-repository.js';
import { emailLinesOfOrders, policyDaysOf } from '../../store/line-repository.js';
import { emailPayload } from '../../store/outbox-payloads.js';
import {
  addressesAlreadySent,
  delegatorsOfLines,
  orderAddressKey,
} from '../../store/provisioning-history-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../../store/schema.js';
import { type NewProvisioningSend, writeProvisioningSends } from '../../store/write-provisioning-sends.js';
import { type AppDeps, hashToken } from '../deps.js';

const DAY_MS = 86_400_000;

/** What the e-mail says about the order; loaded once per order, even for a batch of lines. */
export interface OrderEmailContext {
  partnerName: string;
  lines: (EmailLine & { contactEmail: string })[];
}

/** At most this many lines are listed in one e-mail; the setup wizard shows them all. */
const MAX_LINES_IN_EMAIL = 25;

/** The line the e-mail is for first, then the order's other live lines this contact provisions. */
function linesForContact(context: OrderEmailContext, line: SubscriptionLineRow): EmailLine[] {
  const email = line.contact_email.toLowerCase();
  const own = context.lines.filter(
    (l) => l.subscriptionId !== line.subscription_id && l.contactEmail.toLowerCase() === email,
  );
  const self = context.lines.find((l) => l.subscriptionId === line.subscription_id);
  const selected = self ? [self, ...own] : own;
  return selected.slice(0, MAX_LINES_IN_EMAIL).map(({ contactEmail: _, ...l }) => l);
}

export async function loadOrderEmailContext(
  trx: Transaction<Database>,
  orderId: string,
): Promise<OrderEmailContext> {
  return (await loadOrderEmailContexts(trx, [orderId])).get(orderId) ?? { partnerName: '', lines: [] };
}

/** The contexts of many orders in one query (the due worker queues e-mails for hundreds at once). */
export async function loadOrderEmailContexts(
  trx: Transaction<Database>,
  orderIds: string[],
): Promise<Map<string, OrderEmailContext>> {
  const contexts = new Map<string, OrderEmailContext>();
  if (orderIds.length === 0) return contexts;
  const rows = await emailLinesOfOrders(trx, orderIds);
  const byOrder = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byOrder.get(r.order_id);
    if (list) list.push(r);
    else byOrder.set(r.order_id, [r]);
  }
  for (const [orderId, lines] of byOrder)
    contexts.set(orderId, emailContextOf(lines[0]!.partner_name, lines));
  return contexts;
}

/** The context from an order's lines (in line order) as already loaded; cancelled lines are left out. */
export function emailContextOf(
  partnerName: string,
  lines: Pick<
    SubscriptionLineRow & { offer_name: string },
    'subscription_id' | 'offer_code' | 'offer_name' | 'quantity' | 'status' | 'contact_email'
  >[],
): OrderEmailContext {
  return {
    partnerName,
    lines: lines
      .filter((l) => l.status !== 'cancelled')
      .map((l) => ({
        subscriptionId: l.subscription_id,
        offerCode: l.offer_code,
        offerName: l.offer_name,
        quantity: l.quantity,
        contactEmail: l.contact_email,
      })),
  };
}

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
  context: OrderEmailContext;
  /** The send's id when the caller named it first (to record an event about it); new otherwise. */
  sendId?: string;
}

export async function queueProvisioningEmail(
  trx: Transaction<Database>,
  deps: AppDeps,
  args: ProvisioningEmailRequest & { actor: AuditActor; now: Date },
): Promise<QueuedSend> {
  const [queued] = await queueProvisioningEmails(trx, deps, { actor: args.actor, now: args.now }, [args]);
  return queued!;
}

/**
 * Queues the e-mails of many lines (at most one request per line) in one statement: the due
 * worker's RSD burst queues hundreds per transaction, and a resend is on the API's hot path, so
 * per-table round trips (revoke, supersede, send, token, outbox, audit: seven or eight of them)
 * were most of the cost. See `writeProvisioningSends`.
 */
export async function queueProvisioningEmails(
  trx: Transaction<Database>,
  deps: AppDeps,
  { actor, now, queueAt }: { actor: AuditActor; now: Date; queueAt?: Date },
  requests: ProvisioningEmailRequest[],
): Promise<QueuedSend[]> {
  if (requests.length === 0) return [];
  const history = await historyOf(trx, requests);
  const prepared = requests.map((request) => prepareSend(deps, actor, now, request, history));
  await writeProvisioningSends(trx, now, prepared, queueAt);
  return prepared.map((p) => ({ sendId: p.id, subscriptionId: p.subscriptionId, to: p.toEmail }));
}

/** What the batch's e-mails say about the past; read before any of them is written. */
interface SendHistory {
  /** `orderAddressKey`s of the addresses that already received a provisioning e-mail. */
  alreadySent: Set<string>;
  /** The colleague who delegated each line's setup to its contact, by subscription id. */
  delegators: Map<string, string>;
}

/**
 * One query each for the whole batch. An RSD e-mail is a line's first and comes before any
 * delegation (there is no link to delegate from yet), so the RSD burst skips both.
 */
async function historyOf(
  trx: Transaction<Database>,
  requests: ProvisioningEmailRequest[],
): Promise<SendHistory> {
  const later = requests.filter((r) => r.reason !== 'rsd');
  const [alreadySent, delegators] = await Promise.all([
    addressesAlreadySent(
      trx,
      later
        .filter((r) => r.reason !== 'reminder')
        .map((r) => ({ orderId: r.order.id, email: r.line.contact_email })),
    ),
    delegatorsOfLines(
      trx,
      later.map((r) => ({ subscriptionId: r.line.subscription_id, contactEmail: r.line.contact_email })),
    ),
  ]);
  return { alreadySent, delegators };
}

/** Everything one send writes, computed without touching the database. */
function prepareSend(
  deps: AppDeps,
  actor: AuditActor,
  now: Date,
  args: ProvisioningEmailRequest,
  history: SendHistory,
): NewProvisioningSend {
  const { order, line, reason } = args;
  const { settings, ids } = deps;
  const sendId = args.sendId ?? ids.newId('snd');
  const token = ids.newToken();
  const expiresAt = new Date(now.getTime() + settings.setupLinkTtlDays * DAY_MS);

  // While the line is open the contact must act before it closes, and before the link dies (an
  // offer's period may outlast SETUP_LINK_TTL_DAYS); a closed-pending line can still be set up,
  // so the link's own expiry is the deadline that matters.
  const closesAt = line.first_email_at && closeInstant(policyDaysOf(line), line.first_email_at);
  const open = line.status === 'awaiting_provisioning_details' && closesAt && closesAt > now;
  const deadline = setupDeadline(open ? closesAt : null, expiresAt);
  const delegatedBy = history.delegators.get(line.subscription_id);
  const common = {
    language: line.contact_language,
    to: { name: line.contact_name, email: line.contact_email },
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    partnerName: args.context.partnerName,
    lines: linesForContact(args.context, line),
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

  const send: NewProvisioningSend = {
    id: sendId,
    subscriptionId: line.subscription_id,
    orderId: order.id,
    reason,
    revokeReason: reason === 'contact_change' ? 'contact_change' : 'resend',
    requestedByUserId: actor.userId,
    requestedByLabel: actor.label,
    toName: line.contact_name,
    toEmail: line.contact_email,
    language: line.contact_language,
    tokenHash: hashToken(token),
    tokenExpiresAt: expiresAt,
    payload,
  };
  return send;
}
