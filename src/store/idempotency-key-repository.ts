/**
 * Stored first responses to Idempotency-Keys (migrations/006). A key is reserved before the request
 * runs (`status` null) and completed with the response afterwards; the primary key (user, key)
 * makes the reservation the one arbiter between concurrent duplicates.
 *
 * The kept body is sealed (secret-box.ts): a first answer may carry a secret shown only once — a
 * new API token, a webhook endpoint's signing secret — and a replay must carry it again, so it is
 * kept, but never readable from the database.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';

import type { Database, IdempotencyKeyTable } from './schema.js';
import { isSealed, seal, unseal, UnsealError } from './secret-box.js';

type Db = Kysely<Database> | Transaction<Database>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;

export interface StoredResponse {
  status: number;
  contentType: string | null;
  location: string | null;
  body: string;
}

/**
 * The live (unexpired) row of this user's key, if any, its body opened. A body sealed under a key
 * no longer configured cannot be replayed: the row reads as still running (IDEMPOTENCY_KEY_IN_USE)
 * until it expires, rather than the request running twice.
 */
export async function findIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  now: Date,
): Promise<IdempotencyKeyRow | undefined> {
  const row = await db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row || !isSealed(row.body)) return row;
  try {
    return { ...row, body: unseal(row.body, 'idempotency') };
  } catch (e) {
    if (e instanceof UnsealError) return { ...row, status: null, body: null };
    throw e;
  }
}

/**
 * Reserves the key for a request about to run; false when someone holds it already. The user's
 * expired keys go first, which also frees this key if its old row has expired, and so does a
 * reservation older than `staleBefore` (its process died mid-request: nothing was answered).
 */
export async function reserveIdempotencyKey(
  db: Db,
  row: {
    userId: string;
    key: string;
    requestHash: Uint8Array;
    now: Date;
    expiresAt: Date;
    staleBefore: Date;
  },
): Promise<boolean> {
  await db
    .deleteFrom('idempotency_key')
    .where('user_id', '=', row.userId)
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', row.now),
        eb.and([eb('key', '=', row.key), eb('status', 'is', null), eb('created_at', '<=', row.staleBefore)]),
      ]),
    )
    .execute();
  const inserted = await db
    .insertInto('idempotency_key')
    .values({
      user_id: row.userId,
      key: row.key,
      request_hash: row.requestHash,
      created_at: row.now,
      expires_at: row.expiresAt,
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function completeIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({
      status: response.status,
      content_type: response.contentType,
      location: response.location,
      body: seal(response.body, 'idempotency'),
    })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Frees a reservation whose request failed on our side, so the client may retry. */
export async function releaseIdempotencyKey(db: Db, userId: string, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_key')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .execute();
}

/** Housekeeping for users who never come back: drops every expired row. */
export async function deleteExpiredIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_key').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
