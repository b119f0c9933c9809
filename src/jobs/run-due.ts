/**
 * The due-time machinery: claims lines whose `next_action_at` has come (SKIP LOCKED, so any number
 * of workers share the work), lets the pure state machine decide (RSD e-mail, reminder,
 * auto-close with the pending flag), and writes the outcome and its e-mails in one transaction
 * per batch.
 */
import type { Transaction } from 'kysely';

import type { AppDeps } from '../app/deps.js';
import { loadOrderEmailContexts } from '../app/lines/order-email-context.js';
import {
  type ProvisioningEmailRequest,
  queueProvisioningEmails,
} from '../app/lines/queue-provisioning-email.js';
import { queueWebhooksOfQueuedEmails, recordLineEvents } from '../app/lines/record-line-events.js';
import { nextDueAt, transition } from '../domain/line-state-machine.js';
import { SYSTEM_ACTOR } from '../store/audit-repository.js';
import { forgetCachedPlans } from '../store/forget-cached-plans.js';
import { claimDueLines, lineStateColumns, toLineState, updateLines } from '../store/line-repository.js';
import { offerNames } from '../store/offer-repository.js';
import { ordersByIds } from '../store/order-repository.js';
import { enqueueEmail, type QueuedEmail } from '../store/outbox-repository.js';
import { inTransaction } from '../store/run-transaction.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../store/schema.js';
import { addresseesOf } from '../store/user-repository.js';
import { runDueJoinRequests } from './run-due-join-requests.js';

/**
 * The instants one run works with. `now` is domain time: what is due, first e-mail and close
 * instants, audit rows. `queueAt` is when the e-mails and webhooks it queues become due on the
 * real clock; the two differ only when `run-due --now` travels in time, whose e-mails must go out
 * at once rather than when the real clock reaches the simulated instant.
 */
interface DueInstants {
  now: Date;
  queueAt: Date;
}

export interface DueSummary {
  dispatched: number;
  reminders: number;
  closed: number;
}

/** Tells each closed line's partner user (the order's placer), with one query per table. */
async function notifyLinesClosed(
  trx: Transaction<Database>,
  deps: AppDeps,
  closed: { order: PurchaseOrderRow; line: SubscriptionLineRow }[],
  queueAt: Date,
) {
  if (closed.length === 0) return;
  const placers = await addresseesOf(trx, [...new Set(closed.map((c) => c.order.placed_by_user_id))]);
  const offers = await offerNames(trx, [...new Set(closed.map((c) => c.line.offer_code))]);
  await enqueueEmail(
    trx,
    queueAt,
    closed.map(({ order, line }): QueuedEmail => {
      const placer = placers.get(order.placed_by_user_id)!;
      return {
        template: 'line-closed',
        messageKey: `closed_${line.subscription_id}`,
        input: {
          language: placer.language,
          to: { name: placer.name, email: placer.email },
          webOrderId: order.web_order_id,
          endCustomerName: order.end_customer_name,
          subscriptionId: line.subscription_id,
          offerName: offers.get(line.offer_code)!,
          contactEmail: line.contact_email,
          subscriptionsPageUrl: `${deps.settings.publicUrl}/subscriptions?pendingProvisioning=true`,
        },
      };
    }),
  );
}

/**
 * One batch in one transaction: the state machine decides each line, then every table is
 * written with one statement for the whole batch (round trips per line were the RSD burst's cost).
 */
async function processBatch(
  deps: AppDeps,
  { now, queueAt }: DueInstants,
  limit: number,
  total: DueSummary,
): Promise<number> {
  // Counted into `total` after the commit: a transaction retried after a deadlock runs again.
  const { count, summary } = await inTransaction(deps, async (trx) => {
    const summary: DueSummary = { dispatched: 0, reminders: 0, closed: 0 };
    // Locks the claimed lines (FOR UPDATE SKIP LOCKED): other workers pass them over until commit.
    const lines = await claimDueLines(trx, now, limit);
    if (lines.length === 0) return { count: 0, summary };
    const orders = await ordersByIds(trx, [...new Set(lines.map((l) => l.order_id))]);

    const changes: Parameters<typeof updateLines>[1] = [];
    const emails: (Omit<ProvisioningEmailRequest, 'context'> & { orderId: string })[] = [];
    const closed: { order: PurchaseOrderRow; line: SubscriptionLineRow }[] = [];
    for (const line of lines) {
      const order = orders.get(line.order_id)!;
      const outcome = transition(
        toLineState(line, order.mapped_at),
        { type: 'tick' },
        now,
        deps.settings.policy,
      );
      const after = { ...line, first_email_at: outcome.state.firstEmailAt, status: outcome.state.status };
      changes.push({
        subscriptionId: line.subscription_id,
        values: lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
      });
      for (const effect of outcome.effects) {
        if (effect.type === 'queue_provisioning_email') {
          emails.push({ orderId: order.id, order, line: after, reason: effect.reason });
          if (effect.reason === 'rsd') summary.dispatched++;
          else summary.reminders++;
        } else if (effect.type === 'notify_line_closed') {
          closed.push({ order, line });
          summary.closed++;
        }
      }
    }
    await updateLines(trx, changes);
    // The sends' foreign-key checks, planned for the send table as this batch finds it.
    if (emails.length > 0) await forgetCachedPlans(trx);
    const contexts = await loadOrderEmailContexts(trx, [...new Set(emails.map((e) => e.orderId))]);
    const sends = await queueProvisioningEmails(
      trx,
      deps,
      { actor: SYSTEM_ACTOR, now, queueAt },
      emails.map((e) => ({ ...e, context: contexts.get(e.orderId)! })),
    );
    // The RSD e-mails' audit rows went in with the sends; their webhooks say the line awaits setup.
    await queueWebhooksOfQueuedEmails(
      trx,
      deps,
      now,
      sends.map((send, i) => ({
        type: 'provisioning_email.queued',
        subscriptionId: send.subscriptionId,
        data: { sendId: send.sendId, reason: emails[i]!.reason, to: send.to },
      })),
      queueAt,
    );
    await notifyLinesClosed(trx, deps, closed, queueAt);
    await recordLineEvents(
      trx,
      deps,
      now,
      SYSTEM_ACTOR,
      closed.map(({ order, line }) => ({
        type: 'line.closed',
        orderId: order.id,
        subscriptionId: line.subscription_id,
        data: { pendingProvisioning: true },
      })),
      queueAt,
    );
    return { count: lines.length, summary };
  });
  total.dispatched += summary.dispatched;
  total.reminders += summary.reminders;
  total.closed += summary.closed;
  return count;
}

/**
 * A pass starts with a small batch and doubles it: the outbox sends nothing until a batch
 * commits, and a whole batch of 500 lines took about 200 ms to claim and queue at the start of a
 * 1,000-line burst (docs/benchmarks.md, eighth round). Later batches are large, for few round trips.
 */
const FIRST_BATCH_SIZE = 25;

/** Processes everything due at `now` (the clock's now by default) and says what it did. */
export async function runDue(
  deps: AppDeps,
  opts: {
    now?: Date;
    /** When what it queues becomes due (default: `now`); `run-due --now` passes the real clock. */
    queueAt?: Date;
    batchSize?: number;
    /** The first batch's size; each next one doubles, up to `batchSize` (see FIRST_BATCH_SIZE). */
    firstBatchSize?: number;
    /** Called after each committed batch that queued e-mails, so the outbox can start on them. */
    onQueued?: () => void;
  } = {},
): Promise<DueSummary> {
  const now = opts.now ?? deps.clock.now();
  const instants: DueInstants = { now, queueAt: opts.queueAt ?? now };
  const batchSize = opts.batchSize ?? 500;
  const summary: DueSummary = { dispatched: 0, reminders: 0, closed: 0 };
  let limit = Math.min(opts.firstBatchSize ?? FIRST_BATCH_SIZE, batchSize);
  // Each pass moves every claimed line's next_action_at past `now`, so the loop ends.
  for (;;) {
    const queuedBefore = summary.dispatched + summary.reminders + summary.closed;
    const claimed = await processBatch(deps, instants, limit, summary);
    if (summary.dispatched + summary.reminders + summary.closed > queuedBefore) opts.onQueued?.();
    if (claimed < limit) break;
    limit = Math.min(limit * 2, batchSize);
  }
  // Join requests: reminders to the administrators, then the expiry (and its e-mail to the contact).
  const join = await runDueJoinRequests(deps, now, instants.queueAt);
  if (join.reminded + join.expired > 0) opts.onQueued?.();
  return summary;
}
