/**
 * The second, binding PONR check: inside the transaction, lock the order row (every change
 * before the PONR and the mapping itself take this lock first), then the lines, then authorize.
 */
import type { Transaction } from 'kysely';

import { assertCanAct } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { lockLinesWithOffers } from '../../store/line-repository.js';
import { lockOrderOfLine } from '../../store/order-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { emailContextOf, type OrderEmailContext } from '../lines/order-email-context.js';
import { accessFactsOf } from './describe-order-row.js';

export interface LockedOrder {
  order: PurchaseOrderRow;
  lines: SubscriptionLineRow[];
  line: SubscriptionLineRow;
  /** What an e-mail queued by the change says about the order, as the lines were when locked. */
  context: OrderEmailContext;
}

export function pastPonr(
  deps: AppDeps,
  order: Pick<PurchaseOrderRow, 'mapped_at'>,
  action?: 'cancel',
): AppError {
  return new AppError('PAST_PONR', {
    adminPortalUrl: deps.settings.adminPortalUrl,
    mappedAt: order.mapped_at?.toISOString() ?? null,
    ...(action ? { action } : {}),
  });
}

export async function lockOrderForChange(
  trx: Transaction<Database>,
  deps: AppDeps,
  actor: Actor,
  subscriptionId: string,
): Promise<LockedOrder> {
  // Two round trips: the order (with its placer and partner), then its lines (with offer names).
  const locked = await lockOrderOfLine(trx, subscriptionId);
  if (!locked) throw new AppError('NOT_FOUND', { subscriptionId });
  const { order, placer, partnerName } = locked;
  const facts = accessFactsOf(order);
  assertCanAct(actor, facts, placer, { subscriptionId });
  const lines = await lockLinesWithOffers(trx, order.id);
  const line = lines.find((l) => l.subscription_id === subscriptionId)!;
  return { order, lines, line, context: emailContextOf(partnerName, lines) };
}

/** Re-throws a domain PAST_PONR with the admin portal URL users are pointed to. */
export function withPonrDetails<T>(
  deps: AppDeps,
  order: PurchaseOrderRow,
  fn: () => T,
  action?: 'cancel',
): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'PAST_PONR') throw pastPonr(deps, order, action);
    throw e;
  }
}
