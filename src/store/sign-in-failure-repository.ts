/**
 * Failed sign-ins (`sign_in_failure`) and browsers that signed in before (`sign_in_known_browser`),
 * for the sign-in throttle (src/app/identity/sign-in.ts). Counting is one upsert, so parallel
 * guesses are all counted; the backoff's arithmetic is src/domain/sign-in-backoff.ts.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The latest end of a wait among these keys still running at `now`, or null. */
export async function blockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('sign_in_failure')
    .select((eb) => eb.fn.max('blocked_until').as('until'))
    .where('key', 'in', keys)
    .where('blocked_until', '>', now)
    .executeTakeFirst();
  return row?.until ? new Date(row.until) : null;
}

/**
 * Counts one failure under `key` and returns the failures in a row so far. A key whose last
 * failure is more than `forgetAfterMs` old starts again from one.
 */
export async function countFailure(db: Db, key: string, now: Date, forgetAfterMs: number): Promise<number> {
  const forgetBefore = new Date(now.getTime() - forgetAfterMs);
  const { failures } = await db
    .insertInto('sign_in_failure')
    .values({ key, failures: 1, last_failure_at: now, blocked_until: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when sign_in_failure.last_failure_at <= ${forgetBefore} then 1 else sign_in_failure.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return failures;
}

/** Holds `key` back until `until` (a running longer wait stays). */
export async function blockUntil(db: Db, key: string, until: Date): Promise<void> {
  await db
    .updateTable('sign_in_failure')
    .set({ blocked_until: sql`greatest(blocked_until, ${until})` })
    .where('key', '=', key)
    .execute();
}

/** A successful sign-in forgets the failures of the keys it proved (never the client address's). */
export async function forgetFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('key', 'in', keys).execute();
}

export async function isKnownBrowser(
  db: Db,
  tokenHash: Uint8Array,
  addressHash: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_known_browser')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('address_hash', '=', addressHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberBrowser(
  db: Db,
  row: { tokenHash: Uint8Array; addressHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sign_in_known_browser')
    .values({
      token_hash: row.tokenHash,
      address_hash: row.addressHash,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Housekeeping for the worker's due loop: quiet keys and expired browsers limit nothing. */
export async function deleteStaleSignInRows(db: Db, now: Date, forgetAfterMs: number): Promise<void> {
  await db
    .deleteFrom('sign_in_failure')
    .where('last_failure_at', '<=', new Date(now.getTime() - forgetAfterMs))
    .where('blocked_until', '<=', now)
    .execute();
  await db.deleteFrom('sign_in_known_browser').where('expires_at', '<=', now).execute();
}
