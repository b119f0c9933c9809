/**
 * Cancel a line that is Booked or Awaiting Provisioning Details. Its contact's setup link stops
 * working when it was their last live line of the order.
 */
import { nextDueAt, transition } from '../../domain/line-state-machine.js';
import type { Actor } from '../../domain/types.js';
import { lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import { revokeOrphanedLinks } from '../../store/setup-token-repository.js';
import { supersedePendingSends } from '../../store/withdraw-sends.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { lockOrderForChange, withPonrDetails } from '../orders/lock-order-for-change.js';
import { recordLineEvents } from './record-line-events.js';

export async function cancelLine(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionId: string; reason?: string | undefined },
): Promise<{ subscriptionId: string; status: 'cancelled' }> {
  return inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    const { order, line } = await lockOrderForChange(trx, deps, actor, input.subscriptionId);
    const outcome = withPonrDetails(
      deps,
      order,
      () => transition(toLineState(line, order.mapped_at), { type: 'cancel' }, now, deps.settings.policy),
      'cancel',
    );
    await updateLine(
      trx,
      line.subscription_id,
      lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
    );
    // The contact's link dies with their last live line of the order, not with this one.
    await revokeOrphanedLinks(trx, [order.id], now, 'cancelled');
    await supersedePendingSends(trx, [line.subscription_id], now);
    await recordLineEvents(trx, deps, now, auditActorOf(actor), [
      {
        type: 'line.cancelled',
        orderId: order.id,
        subscriptionId: line.subscription_id,
        data: { reason: input.reason ?? null },
      },
    ]);
    return { subscriptionId: line.subscription_id, status: 'cancelled' as const };
  });
}
