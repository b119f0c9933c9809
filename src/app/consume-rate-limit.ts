/**
 * A fixed-window rate limiter kept in the database, so every web process counts the same hits:
 * one upsert per hit on (key, window start). Past the limit it refuses with RATE_LIMITED and
 * says when the window ends. Expired windows do not count (a hit goes to its own window's row);
 * the worker deletes them (`deleteExpiredRateLimits`), so a hit costs one statement.
 */
import type { Kysely } from 'kysely';

import { AppError } from '../domain/errors.js';
import { countHit } from '../store/rate-limit-repository.js';
import type { Database } from '../store/schema.js';

export interface RateLimit {
  /** Hits allowed per window. */
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
  const start = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const expiresAt = new Date(start.getTime() + rule.windowMs);
  const count = await countHit(db, key, { start, expiresAt });
  if (count > rule.limit)
    throw new AppError('RATE_LIMITED', {
      retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)),
    });
}
