/** Row reads the tests share, so a test says what it checks instead of spelling the query out. */
import { type Kysely, sql } from 'kysely';

import type { EmailInput } from '../../src/email/email-types.js';
import { parseOutboxPayload } from '../../src/store/outbox-payloads.js';
import type { Database } from '../../src/store/schema.js';

/** Rows in one table: a refusal must leave it as it was. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A stored e-mail payload's input with its sealed `secrets` opened, as the worker would (tests
 * that follow a link read it here; the row itself never holds it in clear).
 */
export function openedEmailInput<I = EmailInput>(payload: unknown): I {
  const parsed = parseOutboxPayload('email', payload);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.payload.input as I;
}

/**
 * Sends the session's table counts so far to the cumulative statistics views
 * (`pg_stat_user_tables`), which otherwise get them when the session next goes idle, at most once
 * a second; what `pg_stat_xact_user_tables` shows afterwards is then the next transaction's alone.
 */
export async function flushTableCounts(db: Kysely<Database>): Promise<void> {
  await sql`select pg_stat_force_next_flush()`.execute(db);
  await sql`select 1`.execute(db);
}
