/**
 * The database-counted rate limiter: at most `limit` hits in any window (sliding, not aligned to
 * the clock), Retry-After exact to the second, concurrent hits counted one after the other, and
 * the worker's clean-up of keys whose hits have all left the window.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

import { consumeRateLimit } from '../../src/app/consume-rate-limit.js';
import { AppError } from '../../src/domain/errors.js';
import { deleteExpiredRateLimits } from '../../src/store/rate-limit-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const RULE = { limit: 3, windowMs: 3_600_000 }; // "3 an hour"
const at = (minutes: number, seconds = 0) => new Date(Date.UTC(2030, 0, 1, 10, minutes, seconds));

describeEachStore('consumeRateLimit', (kind) => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld(kind);
  });
  afterEach(() => w.close());

  const hit = (key: string, now: Date) =>
    consumeRateLimit(w.store.db, key, RULE, now).then(
      () => 'ok' as const,
      (e: unknown) => {
        if (!(e instanceof AppError) || e.code !== 'RATE_LIMITED') throw e;
        return (e as AppError<'RATE_LIMITED'>).details.retryAfterSeconds;
      },
    );

  it('allows 3 in any hour, across the clock hour too, and says exactly when the next one fits', async () => {
    // Three hits just before the hour: a window aligned to the clock would allow three more at 11:00.
    expect(await hit('k', at(50))).toBe('ok');
    expect(await hit('k', at(55))).toBe('ok');
    expect(await hit('k', at(59, 30))).toBe('ok');
    expect(await hit('k', at(60, 1))).toBe(50 * 60 - 1); // 11:00:01: the 10:50 hit leaves at 11:50
    expect(await hit('k', at(60 + 49, 59))).toBe(1);
    // Retry-After was exact: at 11:50 the oldest hit has left, one more fits, and then none again.
    expect(await hit('k', at(60 + 50))).toBe('ok');
    expect(await hit('k', at(60 + 50))).toBe(5 * 60); // next to leave: the 10:55 hit, at 11:55
    // Refused hits do not count: after the hour of the last three, the key is free again.
    expect(await hit('k', at(60 + 55))).toBe('ok');
    // Keys count apart.
    expect(await hit('other', at(60 + 55))).toBe('ok');
  });

  it('counts concurrent hits one after the other: exactly the limit gets through', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => hit('burst', at(0))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 3600)).toHaveLength(7);
  });

  it('the worker deletes keys whose hits have all left the window, and only those', async () => {
    await hit('old', at(0));
    await hit('recent', at(30));
    await deleteExpiredRateLimits(w.store.db, at(60));
    expect(await w.store.db.selectFrom('rate_limit').select('key').execute()).toEqual([{ key: 'recent' }]);
  });
});
