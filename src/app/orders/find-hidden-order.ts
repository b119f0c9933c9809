/**
 * "Find it anyway": a search for an exact web order id or subscription id that the list could not
 * show, because the user may not see that order. A colleague of the partner that placed it is
 * told that it exists and whom to ask (the NO_ACCESS refusal of `/orders/<id>`, same vocabulary);
 * anyone else gets null, exactly as for an id that does not exist.
 */
import { noAccess, orderAccess } from '../../domain/access.js';
import { type ContactPerson, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { findOrderOfLine, findPlacer, ordersWithWebOrderId } from '../../store/order-repository.js';
import type { AppDeps } from '../deps.js';
import { accessFactsOf } from './describe-order-row.js';

export interface HiddenOrder {
  webOrderId: string;
  /** The page that answers NO_ACCESS naming whom to ask (the order's, or the line's). */
  path: string;
  placer: ContactPerson;
  /** Set when the placer is deactivated: the partner's active admins to ask instead. */
  organizationAdmins?: ContactPerson[] | undefined;
}

const SUBSCRIPTION_ID = /^sub\d+$/i;

export async function findHiddenOrder(
  deps: AppDeps,
  actor: Actor,
  q: string | undefined,
): Promise<HiddenOrder | null> {
  const key = q?.trim();
  if (!key) return null;
  const subscriptionId = SUBSCRIPTION_ID.test(key) ? `Sub${key.slice(3)}` : null;
  // Web order ids are unique per partner: only the user's own partner's orders are looked at,
  // so another partner's order with the same id is never reached.
  const order = subscriptionId
    ? await findOrderOfLine(deps.db, subscriptionId)
    : (await ordersWithWebOrderId(deps.db, key, { actor })).find(
        (o) => o.partner_id === actor.organizationId,
      );
  if (!order || order.partner_id !== actor.organizationId) return null;
  const facts = accessFactsOf(order);
  if (orderAccess(actor, facts) !== 'none') return null;
  const refusal = noAccess(actor, facts, await findPlacer(deps.db, order.placed_by_user_id), {});
  if (!isAppError(refusal, 'NO_ACCESS') || !refusal.details.orderPlacedBy) return null;
  return {
    webOrderId: order.web_order_id,
    path: subscriptionId
      ? `/subscriptions/${encodeURIComponent(subscriptionId)}`
      : `/orders/${encodeURIComponent(order.web_order_id)}`,
    placer: refusal.details.orderPlacedBy,
    organizationAdmins: refusal.details.organizationAdmins,
  };
}
