/**
 * A resend is the contact's, not one line's: the named line takes the resend (or refuses it, as
 * the state machine says) and so does every other line of the order with the same contact address
 * that may take one, so the contact gets one e-mail listing all their lines (one per contact per
 * order). Returns those lines, the named line first, and the named line's new state for the
 * caller to save (no I/O here).
 */
import { allowedActions, nextDueAt, transition } from '../../domain/line-state-machine.js';
import { type LineChange, lineStateColumns, toLineState } from '../../store/line-repository.js';
import type { PurchaseOrderRow, SubscriptionLineRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { withPonrDetails } from '../orders/lock-order-for-change.js';

export function resendToContact(
  deps: AppDeps,
  target: { order: PurchaseOrderRow; lines: SubscriptionLineRow[]; line: SubscriptionLineRow },
  now: Date,
): { lines: SubscriptionLineRow[]; change: LineChange } {
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
  // A resend changes no state: only the named line is written (as it always was), by the caller,
  // in the statement that queues the e-mail.
  const outcome = withPonrDetails(deps, order, () =>
    transition(toLineState(line, order.mapped_at), { type: 'resend' }, now, deps.settings.policy),
  );
  const change: LineChange = {
    subscriptionId: line.subscription_id,
    values: lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
  };
  return { lines: [line, ...others], change };
}
