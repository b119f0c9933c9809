/** Orders: insert, find, and lock (the PONR lives on the order row). */
import type { Kysely, Transaction } from 'kysely';
import type { Language } from '../domain/types.js';
import type { Database, PurchaseOrderRow } from './schema.js';
import { activeAdminsOf } from './user-repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findOrder(
  db: Db,
  key: { id?: string; webOrderId?: string },
): Promise<PurchaseOrderRow | undefined> {
  let q = db.selectFrom('purchase_order').selectAll();
  if (key.id !== undefined) q = q.where('id', '=', key.id);
  if (key.webOrderId !== undefined) q = q.where('web_order_id', '=', key.webOrderId);
  return q.executeTakeFirst();
}

/** Locks the order row until the transaction ends: every change before the PONR, and the mapping itself, take it first. */
export async function lockOrder(
  trx: Transaction<Database>,
  orderId: string,
): Promise<PurchaseOrderRow | undefined> {
  return trx
    .selectFrom('purchase_order')
    .selectAll()
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Locks the order of a line and reads what a change needs with it, in one round trip: the order,
 * who placed it (for "ask the person who placed the order") and the partner's name (for the
 * e-mail). The line's order never changes, so finding it in a subquery is safe.
 */
export async function lockOrderOfLine(trx: Transaction<Database>, subscriptionId: string) {
  const row = await trx
    .selectFrom('purchase_order as po')
    .innerJoin('app_user as u', 'u.id', 'po.placed_by_user_id')
    .innerJoin('organization as p', 'p.id', 'po.partner_id')
    .selectAll('po')
    .select([
      'u.name as placer_name',
      'u.email as placer_email',
      'u.language as placer_language',
      'u.deactivated_at as placer_deactivated_at',
      'p.name as partner_name',
    ])
    .where('po.id', '=', (eb) =>
      eb.selectFrom('subscription_line').select('order_id').where('subscription_id', '=', subscriptionId),
    )
    .forUpdate('po')
    .executeTakeFirst();
  if (!row) return undefined;
  const { placer_name, placer_email, placer_language, placer_deactivated_at, partner_name, ...order } = row;
  return {
    order: order as PurchaseOrderRow,
    placer: {
      name: placer_name,
      email: placer_email,
      language: placer_language,
      // Only when the placer left: who to ask instead (one more query, off the hot path).
      ...(placer_deactivated_at
        ? { organizationAdmins: await activeAdminsOf(trx, order.partner_id, 'partner_admin') }
        : {}),
    },
    partnerName: partner_name,
  };
}

export async function webOrderIdExists(db: Db, webOrderId: string): Promise<boolean> {
  const row = await db
    .selectFrom('purchase_order')
    .select('id')
    .where('web_order_id', '=', webOrderId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The user who placed the order, for "ask the person who placed the order"; when they are
 * deactivated, also their organization's active admins (ask them instead).
 */
export async function findPlacer(
  db: Db,
  userId: string,
): Promise<{
  name: string;
  email: string;
  language: Language;
  organizationAdmins?: { name: string; email: string }[];
}> {
  const { deactivated_at, organization_id, ...placer } = await db
    .selectFrom('app_user')
    .select(['name', 'email', 'language', 'deactivated_at', 'organization_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!deactivated_at) return placer;
  return { ...placer, organizationAdmins: await activeAdminsOf(db, organization_id, 'partner_admin') };
}
