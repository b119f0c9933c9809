/**
 * Resend the provisioning e-mail of one line (even after the RSD) until the point of no return.
 * The old link stops working; the send is recorded and queued in the same transaction.
 */
import type { Transaction } from 'kysely';

import { nextDueAt, transition } from '../../domain/line-state-machine.js';
import type { Actor } from '../../domain/types.js';
import { lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { Database } from '../../store/schema.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { lockOrderForChange, withPonrDetails } from '../orders/lock-order-for-change.js';
import { type QueuedSend, queueProvisioningEmail } from './queue-provisioning-email.js';

export async function resendProvisioningEmail(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionId: string },
  /** Run inside a caller's transaction (a support case acting on behalf) instead of a new one. */
  within?: Transaction<Database>,
): Promise<QueuedSend> {
  const run = async (trx: Transaction<Database>) => {
    const now = deps.clock.now();
    const { order, line, context } = await lockOrderForChange(trx, deps, actor, input.subscriptionId);
    const state = toLineState(line, order.mapped_at);
    const outcome = withPonrDetails(deps, order, () =>
      transition(state, { type: 'resend' }, now, deps.settings.policy),
    );
    await updateLine(
      trx,
      line.subscription_id,
      lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
    );
    return queueProvisioningEmail(trx, deps, {
      order,
      line,
      reason: 'resend',
      actor: auditActorOf(actor),
      context,
      now,
    });
  };
  return within ? run(within) : inTransaction(deps, run);
}
