/** Row reads the tests share, so a test says what it checks instead of spelling the query out. */
import type { Kysely } from 'kysely';

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
