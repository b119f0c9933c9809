/** Row reads the tests share, so a test says what it checks instead of spelling the query out. */
import type { Kysely } from 'kysely';

import type { Database } from '../../src/store/schema.js';

/** Rows in one table: a refusal must leave it as it was. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
