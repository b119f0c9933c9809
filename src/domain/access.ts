/**
 * Who may act on an order. Pure: the caller loads the facts.
 *
 * - the user who placed it, an admin of the partner that placed it, a user of the distributor on
 *   the order, and support agents may act (resend, change contact, cancel);
 * - an admin of the customer organization the order is mapped to may read it;
 * - colleagues in the placing partner are refused with NO_ACCESS and told who placed the order,
 *   so they can ask them; a customer admin who may only read it is refused a change with NO_ACCESS;
 * - users of any other organization get NOT_FOUND, the very refusal (same details) a missing
 *   order or line gets, so they cannot even tell that it exists.
 */
import { AppError } from './errors.js';
import type { Actor } from './types.js';

export interface OrderAccessFacts {
  partnerId: string;
  distributorId: string | null;
  placedByUserId: string;
  customerOrganizationId: string | null;
}

export interface Placer {
  name: string;
  email: string;
  /** Set when the placer is deactivated: the placing partner's active admins, to ask instead. */
  organizationAdmins?: { name: string; email: string }[] | undefined;
}

export type AccessLevel = 'act' | 'read' | 'none';

export function orderAccess(actor: Actor, order: OrderAccessFacts): AccessLevel {
  if (actor.role === 'support_agent') return 'act';
  if (actor.userId === order.placedByUserId) return 'act';
  if (actor.role === 'partner_admin' && actor.organizationId === order.partnerId) return 'act';
  if (
    (actor.role === 'distributor_user' || actor.role === 'distributor_admin') &&
    order.distributorId !== null &&
    actor.organizationId === order.distributorId
  )
    return 'act';
  if (actor.role === 'customer_admin' && actor.organizationId === order.customerOrganizationId) return 'read';
  return 'none';
}

/** What the caller looked up, under its own name, as a missing one is reported (`{ subscriptionId }`). */
export type LookedUp = Readonly<Record<string, string>>;

/**
 * The refusal: NOT_FOUND exactly as for a missing object to users who may not know the order
 * exists; otherwise NO_ACCESS, naming the placer only to colleagues of the placing partner, and,
 * when the placer is deactivated, the partner's admins to ask instead.
 */
export function noAccess(
  actor: Actor,
  order: OrderAccessFacts,
  placer: Placer,
  lookedUp: LookedUp,
): AppError {
  if (actor.organizationId !== order.partnerId)
    return orderAccess(actor, order) === 'none'
      ? new AppError('NOT_FOUND', lookedUp)
      : new AppError('NO_ACCESS');
  const admins = placer.organizationAdmins ?? [];
  return new AppError('NO_ACCESS', {
    orderPlacedBy: { name: placer.name, email: placer.email },
    ...(admins.length > 0
      ? { organizationAdmins: admins.map((a) => ({ name: a.name, email: a.email })) }
      : {}),
  });
}

export function assertCanAct(
  actor: Actor,
  order: OrderAccessFacts,
  placer: Placer,
  lookedUp: LookedUp,
): void {
  if (orderAccess(actor, order) !== 'act') throw noAccess(actor, order, placer, lookedUp);
}

export function assertCanRead(
  actor: Actor,
  order: OrderAccessFacts,
  placer: Placer,
  lookedUp: LookedUp,
): void {
  if (orderAccess(actor, order) === 'none') throw noAccess(actor, order, placer, lookedUp);
}
