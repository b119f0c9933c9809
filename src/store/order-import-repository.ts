/**
 * Large order imports running in the background (migrations/026): the upload, how far it got, and
 * its row errors. A step claims one import with FOR UPDATE SKIP LOCKED inside its transaction, so
 * the lock lasts exactly as long as the step and a crash hands the import to the next pass.
 */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

import type { Database, OrderImportTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type OrderImportRow = Selectable<OrderImportTable>;

export async function insertOrderImport(db: Db, row: Insertable<OrderImportTable>): Promise<void> {
  await db.insertInto('order_import').values(row).execute();
}

/** The oldest import still to run (or this one), locked for the transaction; none if all are taken. */
export async function claimOrderImport(
  trx: Transaction<Database>,
  id?: string,
): Promise<OrderImportRow | undefined> {
  let query = trx
    .selectFrom('order_import')
    .selectAll()
    .where('status', 'in', ['queued', 'importing'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked();
  if (id !== undefined) query = query.where('id', '=', id);
  return query.executeTakeFirst();
}

export async function updateOrderImport(
  db: Db,
  id: string,
  patch: Updateable<OrderImportTable>,
): Promise<void> {
  await db.updateTable('order_import').set(patch).where('id', '=', id).execute();
}

/** Counts one unexpected error; returns how many there were. */
export async function countImportAttempt(db: Db, id: string, now: Date): Promise<number> {
  const row = await db
    .updateTable('order_import')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

/** The import as its uploader sees it; anyone else finds nothing. */
export async function findOrderImport(
  db: Db,
  id: string,
  userId: string,
): Promise<OrderImportRow | undefined> {
  return db
    .selectFrom('order_import')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
