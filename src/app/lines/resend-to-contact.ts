/**
 * A resend is the contact's, not one line's: the named line takes the resend (or refuses it, as
 * the state machine says) and so does every other line of the order with the same contact address
 * that may take one, so the contact gets one e-mail listing all their lines (one per contact per
 * order). Returns the lines as they are after the resend, the named line first.
 */
import type { Transaction } from 'kysely';

import { allowedActions, nextDueAt, transition } from '../../domain/line-state-machine.js';
import { lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { withPonrDetails } from '../orders/lock-order-for-change.js';

export async function resendToContact(
  trx: Transaction<Database>,
  deps: AppDeps,
  target: { order: PurchaseOrderRow; lines: SubscriptionLineRow[]; line: SubscriptionLineRow },
  now: Date,
): Promise<SubscriptionLineRow[]> {
  const { order, lines, line } = target;
  const address = line.contact_email.toLowerCase();
  const mapped = order.mapped_at !== null;
  const others = lines.filter(
    (l) =>
      l.subscription_id !== line.subscription_id &&
      l.contact_email.toLowerCase() === address &&
      allowedActions({ status: l.status, mapped }).includes('resend'),
  );
  // The named line's refusal (PAST_PONR, RSD_NOT_REACHED…) is the answer; the others were checked.
  // A resend changes no state: only the named line is written (as it always was).
  const outcome = withPonrDetails(deps, order, () =>
    transition(toLineState(line, order.mapped_at), { type: 'resend' }, now, deps.settings.policy),
  );
  await updateLine(
    trx,
    line.subscription_id,
    lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
  );
  return [line, ...others];
}
