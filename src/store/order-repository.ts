/** Orders: insert, find, and lock (the PONR lives on the order row). */
import type { Kysely, Transaction } from 'kysely';
import type { Database, PurchaseOrderRow } from './schema.js';

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

export async function webOrderIdExists(db: Db, webOrderId: string): Promise<boolean> {
  const row = await db
    .selectFrom('purchase_order')
    .select('id')
    .where('web_order_id', '=', webOrderId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The user who placed the order, for "ask the person who placed the order". */
export async function findPlacer(
  db: Db,
  userId: string,
): Promise<{ name: string; email: string; language: 'en' | 'it' }> {
  return db
    .selectFrom('app_user')
    .select(['name', 'email', 'language'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}
