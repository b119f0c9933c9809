/**
 * The one way a provisioning e-mail is queued (RSD, resend, contact change, reminder):
 * revoke the live setup link, mint a new 256-bit token (only its hash is stored), record the send,
 * and write the outbox row, all inside the caller's transaction.
 */
import type { Transaction } from 'kysely';
import { closeInstant } from '../domain/policy.js';
import type { SendReason } from '../domain/types.js';
import type { EmailInput, EmailLine } from '../email/index.js';
import { appendAudit, type AuditActor } from '../store/audit-repository.js';
import { enqueue, supersedePendingSends } from '../store/outbox-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../store/schema.js';
import { insertSends } from '../store/send-repository.js';
import { insertTokens, revokeLiveTokens } from '../store/setup-token-repository.js';
import { hashToken, type AppDeps } from './deps.js';

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
  const rows = await trx
    .selectFrom('subscription_line as l')
    .innerJoin('offer as o', 'o.code', 'l.offer_code')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .innerJoin('organization as p', 'p.id', 'po.partner_id')
    .select([
      'l.order_id',
      'l.subscription_id',
      'l.offer_code',
      'o.name as offer_name',
      'l.quantity',
      'l.status',
      'l.contact_email',
      'p.name as partner_name',
    ])
    .where('l.order_id', 'in', orderIds)
    .orderBy('l.order_id')
    .orderBy('l.line_no')
    .execute();
  for (const r of rows) {
    let context = contexts.get(r.order_id);
    if (!context) contexts.set(r.order_id, (context = { partnerName: r.partner_name, lines: [] }));
    if (r.status === 'cancelled') continue;
    context.lines.push({
      subscriptionId: r.subscription_id,
      offerCode: r.offer_code,
      offerName: r.offer_name,
      quantity: r.quantity,
      contactEmail: r.contact_email,
    });
  }
  return contexts;
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
 * Queues the e-mails of many lines (at most one request per line) with one statement per table:
 * the due worker's RSD burst queues hundreds per transaction, and per-line round trips were most
 * of its cost.
 */
export async function queueProvisioningEmails(
  trx: Transaction<Database>,
  deps: AppDeps,
  { actor, now }: { actor: AuditActor; now: Date },
  requests: ProvisioningEmailRequest[],
): Promise<QueuedSend[]> {
  if (requests.length === 0) return [];
  const prepared = requests.map((request) => prepareSend(deps, actor, now, request));
  for (const reason of ['resend', 'contact_change'] as const) {
    const ids = prepared.filter((p) => p.revokeReason === reason).map((p) => p.subscriptionId);
    await revokeLiveTokens(trx, ids, now, reason);
  }
  await supersedePendingSends(
    trx,
    prepared.map((p) => p.subscriptionId),
    now,
  );
  await insertSends(
    trx,
    prepared.map((p) => p.send),
  );
  await insertTokens(
    trx,
    prepared.map((p) => p.token),
  );
  await enqueue(
    trx,
    now,
    prepared.map((p) => p.message),
  );
  await appendAudit(
    trx,
    now,
    actor,
    prepared.map((p) => p.audit),
  );
  return prepared.map((p) => ({ sendId: p.send.id, subscriptionId: p.subscriptionId, to: p.send.to_email }));
}

/** Everything one send writes, computed without touching the database. */
function prepareSend(deps: AppDeps, actor: AuditActor, now: Date, args: ProvisioningEmailRequest) {
  const { order, line, reason } = args;
  const { settings, ids } = deps;
  const sendId = ids.newId('snd');
  const token = ids.newToken();
  const expiresAt = new Date(now.getTime() + settings.setupLinkTtlDays * DAY_MS);

  // While the line is open the contact must act before it closes; a closed-pending line can
  // still be set up, so the link's own expiry is the deadline that matters.
  const closesAt = line.first_email_at
    ? closeInstant(settings.policy, line.offer_code, line.first_email_at)
    : expiresAt;
  const deadline = line.status === 'awaiting_provisioning_details' && closesAt > now ? closesAt : expiresAt;
  const common = {
    language: line.contact_language,
    to: { name: line.contact_name, email: line.contact_email },
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    partnerName: args.context.partnerName,
    lines: linesForContact(args.context, line),
    setupUrl: `${settings.publicUrl}/setup/${token}`,
    deadline: deadline.toISOString(),
    helpUrl: `${settings.publicUrl}/help/provisioning`,
    senderAddress: settings.mailFrom,
  };
  const input: EmailInput =
    reason === 'reminder'
      ? {
          template: 'reminder',
          ...common,
          daysLeft: Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS)),
        }
      : { template: 'provisioning', ...common, resend: reason !== 'rsd' };

  return {
    subscriptionId: line.subscription_id,
    revokeReason: reason === 'contact_change' ? ('contact_change' as const) : ('resend' as const),
    send: {
      id: sendId,
      subscription_id: line.subscription_id,
      reason,
      requested_by_user_id: actor.userId,
      requested_by_label: actor.label,
      to_name: line.contact_name,
      to_email: line.contact_email,
      language: line.contact_language,
      created_at: now,
      status_at: now,
    },
    token: {
      tokenHash: hashToken(token),
      subscriptionId: line.subscription_id,
      sendId,
      createdAt: now,
      expiresAt,
    },
    message: { topic: 'email', payload: { input }, messageKey: sendId, sendId, availableAt: now },
    audit: {
      action: `provisioning_email.queued`,
      orderId: order.id,
      subscriptionId: line.subscription_id,
      data: { sendId, reason, to: line.contact_email },
    },
  };
}
