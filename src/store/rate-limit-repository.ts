/**
 * Rate limits (`rate_limit`): per key, the times of the hits inside a sliding window. A hit is one
 * upsert that drops the hits that left the window and adds this one only while fewer than the
 * limit remain; the row lock of the upsert makes concurrent hits count one after the other.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type HitOutcome = { admitted: true } | { admitted: false; oldestHitAt: Date };

/** Counts a hit at `now` if fewer than `limit` hits fall in (now - windowMs, now]. */
export async function countHit(
  db: Db,
  key: string,
  rule: { limit: number; windowMs: number },
  now: Date,
): Promise<HitOutcome> {
  const since = new Date(now.getTime() - rule.windowMs);
  const expiresAt = new Date(now.getTime() + rule.windowMs);
  // The row keeps the hits still in the window, at most `limit` of them, so a hit costs in
  // proportion to the limit: one pass to count, one to keep (no sort: only min() reads them).
  const { rows } = await sql<{ key: string }>`
    insert into rate_limit (key, hits, expires_at) values (${key}, array[${now}::timestamptz], ${expiresAt})
    on conflict (key) do update
      set hits = array(select h from unnest(rate_limit.hits) h where h > ${since}) || ${now}::timestamptz,
        expires_at = ${expiresAt}
      where (select count(*) from unnest(rate_limit.hits) h where h > ${since}) < ${rule.limit}
    returning key`.execute(db);
  if (rows.length > 0) return { admitted: true };
  const { rows: oldest } = await sql<{ at: Date | string }>`
    select min(h) as at from rate_limit, unnest(hits) h where key = ${key} and h > ${since}`.execute(db);
  return { admitted: false, oldestHitAt: new Date(oldest[0]!.at) };
}

/** Housekeeping for the worker's due loop: a key whose last hit left the window limits nothing. */
export async function deleteExpiredRateLimits(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit').where('expires_at', '<=', now).execute();
}
