/**
 * Rate-limit windows (`rate_limit`): one row per key and window start, counting the hits in it.
 * A hit is one upsert; windows that ended are deleted by the worker.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Counts one hit in the window that starts at `window.start`; returns the window's hits so far. */
export async function countHit(
  db: Db,
  key: string,
  window: { start: Date; expiresAt: Date },
): Promise<number> {
  const { count } = await db
    .insertInto('rate_limit')
    .values({ key, window_start: window.start, count: 1, expires_at: window.expiresAt })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limit.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return count;
}

/** Housekeeping for the worker's due loop: windows that ended no longer limit anything. */
export async function deleteExpiredRateLimits(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit').where('expires_at', '<=', now).execute();
}
