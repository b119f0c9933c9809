/**
 * The second, binding PONR check: inside the transaction, lock the order row (every change
 * before the PONR and the mapping itself take this lock first), then the lines, then authorize.
 */
import type { Transaction } from 'kysely';
import { assertCanAct } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/types.js';
import { linesOfOrder } from '../store/line-repository.js';
import { findPlacer, lockOrder } from '../store/order-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../store/schema.js';
import type { AppDeps } from './deps.js';

export interface LockedOrder {
  order: PurchaseOrderRow;
  lines: SubscriptionLineRow[];
  line: SubscriptionLineRow;
}

export function pastPonr(deps: AppDeps, order: Pick<PurchaseOrderRow, 'mapped_at'>): AppError {
  return new AppError('PAST_PONR', {
    adminPortalUrl: deps.settings.adminPortalUrl,
    mappedAt: order.mapped_at?.toISOString() ?? null,
  });
}

export async function lockOrderForChange(
  trx: Transaction<Database>,
  deps: AppDeps,
  actor: Actor,
  subscriptionId: string,
): Promise<LockedOrder> {
  const ref = await trx
    .selectFrom('subscription_line')
    .select('order_id')
    .where('subscription_id', '=', subscriptionId)
    .executeTakeFirst();
  if (!ref) throw new AppError('NOT_FOUND', { subscriptionId });
  const order = await lockOrder(trx, ref.order_id);
  if (!order) throw new AppError('NOT_FOUND', { subscriptionId });
  const facts = {
    partnerId: order.partner_id,
    distributorId: order.distributor_id,
    placedByUserId: order.placed_by_user_id,
    customerOrganizationId: order.customer_organization_id,
  };
  assertCanAct(actor, facts, await findPlacer(trx, order.placed_by_user_id));
  const lines = await linesOfOrder(trx, order.id, { lock: true });
  const line = lines.find((l) => l.subscription_id === subscriptionId)!;
  return { order, lines, line };
}

/** Re-throws a domain PAST_PONR with the admin portal URL users are pointed to. */
export function withPonrDetails<T>(deps: AppDeps, order: PurchaseOrderRow, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'PAST_PONR') throw pastPonr(deps, order);
    throw e;
  }
}
