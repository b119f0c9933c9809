/** What the built-in SMTP sink caught (`captured_mail`), for /dev/mailbox in embedded/demo mode. */
import type { Insertable, Kysely, Selectable } from 'kysely';

import type { CapturedMailTable, Database } from './schema.js';

export type CapturedMailRow = Selectable<CapturedMailTable>;

export async function insertCapturedMail(
  db: Kysely<Database>,
  row: Omit<Insertable<CapturedMailTable>, 'id'>,
): Promise<void> {
  await db.insertInto('captured_mail').values(row).execute();
}

/** The newest `limit` messages, newest first. */
export async function latestCapturedMail(db: Kysely<Database>, limit: number): Promise<CapturedMailRow[]> {
  return db.selectFrom('captured_mail').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function findCapturedMail(
  db: Kysely<Database>,
  id: number,
): Promise<CapturedMailRow | undefined> {
  return db.selectFrom('captured_mail').selectAll().where('id', '=', id).executeTakeFirst();
}
