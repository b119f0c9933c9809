/**
 * A sliding-window rate limiter kept in the database, so every web process counts the same hits:
 * at most `limit` hits in any `windowMs`, one upsert per hit. Past the limit it refuses with
 * RATE_LIMITED and says exactly when the next hit is allowed: when the oldest counted hit leaves
 * the window. The worker deletes keys whose hits have all left it (`deleteExpiredRateLimits`).
 */
import type { Kysely } from 'kysely';

import { AppError } from '../domain/errors.js';
import { countHit } from '../store/rate-limit-repository.js';
import type { Database } from '../store/schema.js';

export interface RateLimit {
  /** Hits allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
}

/** `limit` hits an hour. */
export const perHour = (limit: number): RateLimit => ({ limit, windowMs: 3_600_000 });

export async function consumeRateLimit(
  db: Kysely<Database>,
  key: string,
  rule: RateLimit,
  now: Date,
): Promise<void> {
  const outcome = await countHit(db, key, rule, now);
  if (!outcome.admitted) {
    const freeAt = outcome.oldestHitAt.getTime() + rule.windowMs;
    throw new AppError('RATE_LIMITED', {
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)),
      limit: rule.limit,
      windowSeconds: Math.round(rule.windowMs / 1000),
    });
  }
}
