/**
 * The due-time machinery: claims lines whose `next_action_at` has come (SKIP LOCKED, so any number
 * of workers share the work), lets the pure state machine decide (RSD e-mail, reminder,
 * auto-close with the pending flag), and writes the outcome and its e-mails in one transaction
 * per batch.
 */
import type { Transaction } from 'kysely';
import { nextDueAt, transition } from '../domain/line-state-machine.js';
import type { AppDeps } from '../app/deps.js';
import { queueWebhookEvents, type LineEvent } from '../app/queue-webhook-events.js';
import {
  loadOrderEmailContext,
  queueProvisioningEmail,
  type OrderEmailContext,
} from '../app/queue-provisioning-email.js';
import { appendAudit, SYSTEM_ACTOR } from '../store/audit-repository.js';
import { lineStateColumns, toLineState, updateLine } from '../store/line-repository.js';
import { enqueue } from '../store/outbox-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../store/schema.js';

export interface DueSummary {
  dispatched: number;
  reminders: number;
  closed: number;
}

async function notifyLineClosed(
  trx: Transaction<Database>,
  deps: AppDeps,
  order: PurchaseOrderRow,
  line: SubscriptionLineRow,
  now: Date,
) {
  const placer = await trx
    .selectFrom('app_user')
    .select(['name', 'email', 'language'])
    .where('id', '=', order.placed_by_user_id)
    .executeTakeFirstOrThrow();
  const offer = await trx
    .selectFrom('offer')
    .select('name')
    .where('code', '=', line.offer_code)
    .executeTakeFirstOrThrow();
  await enqueue(trx, now, [
    {
      topic: 'email',
      messageKey: `closed_${line.subscription_id}`,
      availableAt: now,
      payload: {
        input: {
          template: 'line-closed',
          language: placer.language,
          to: { name: placer.name, email: placer.email },
          webOrderId: order.web_order_id,
          endCustomerName: order.end_customer_name,
          subscriptionId: line.subscription_id,
          offerName: offer.name,
          contactEmail: line.contact_email,
          subscriptionsPageUrl: `${deps.settings.publicUrl}/subscriptions?pendingProvisioning=true`,
        },
      },
    },
  ]);
}

async function processBatch(deps: AppDeps, now: Date, limit: number, summary: DueSummary): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const lines = await trx
      .selectFrom('subscription_line')
      .selectAll()
      .where('next_action_at', '<=', now)
      .orderBy('next_action_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (lines.length === 0) return 0;
    const orderIds = [...new Set(lines.map((l) => l.order_id))];
    const orders = new Map(
      (await trx.selectFrom('purchase_order').selectAll().where('id', 'in', orderIds).execute()).map((o) => [
        o.id,
        o,
      ]),
    );
    const contexts = new Map<string, OrderEmailContext>();
    const contextOf = async (orderId: string) => {
      if (!contexts.has(orderId)) contexts.set(orderId, await loadOrderEmailContext(trx, orderId));
      return contexts.get(orderId)!;
    };

    const events: LineEvent[] = [];
    for (const line of lines) {
      const order = orders.get(line.order_id)!;
      const outcome = transition(
        toLineState(line, order.mapped_at),
        { type: 'tick' },
        now,
        deps.settings.policy,
      );
      const after = { ...line, first_email_at: outcome.state.firstEmailAt, status: outcome.state.status };
      await updateLine(
        trx,
        line.subscription_id,
        lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
      );
      for (const effect of outcome.effects) {
        if (effect.type === 'queue_provisioning_email') {
          const send = await queueProvisioningEmail(trx, deps, {
            order,
            line: after,
            reason: effect.reason,
            actor: SYSTEM_ACTOR,
            context: await contextOf(order.id),
            now,
          });
          if (effect.reason === 'rsd') {
            events.push({
              type: 'subscription.awaiting_provisioning',
              subscriptionId: line.subscription_id,
              data: { sendId: send.sendId, rsd: line.rsd },
            });
            summary.dispatched++;
          } else summary.reminders++;
        } else if (effect.type === 'notify_line_closed') {
          await notifyLineClosed(trx, deps, order, line, now);
          await appendAudit(trx, now, SYSTEM_ACTOR, [
            {
              action: 'line.closed',
              orderId: order.id,
              subscriptionId: line.subscription_id,
              data: { pendingProvisioning: true },
            },
          ]);
          events.push({
            type: 'subscription.closed',
            subscriptionId: line.subscription_id,
            data: { pendingProvisioning: true },
          });
          summary.closed++;
        }
      }
    }
    await queueWebhookEvents(trx, deps, now, events);
    return lines.length;
  });
}

/** Processes everything due at `now` (the clock's now by default) and says what it did. */
export async function runDue(
  deps: AppDeps,
  opts: { now?: Date; batchSize?: number } = {},
): Promise<DueSummary> {
  const now = opts.now ?? deps.clock.now();
  const batchSize = opts.batchSize ?? 500;
  const summary: DueSummary = { dispatched: 0, reminders: 0, closed: 0 };
  // Each pass moves every claimed line's next_action_at past `now`, so the loop ends.
  while ((await processBatch(deps, now, batchSize, summary)) === batchSize);
  return summary;
}
