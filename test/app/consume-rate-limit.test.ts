/** The database-counted rate limiter: the limit, the window, and the worker's clean-up of ended windows. */
import { afterEach, beforeEach, expect, it } from 'vitest';

import { consumeRateLimit } from '../../src/app/consume-rate-limit.js';
import { AppError } from '../../src/domain/errors.js';
import { deleteExpiredRateLimits } from '../../src/store/rate-limit-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const RULE = { limit: 2, windowMs: 60_000 };

describeEachStore('consumeRateLimit', (kind) => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld(kind);
  });
  afterEach(() => w.close());

  it('refuses the hit past the limit with the seconds left, counts afresh in the next window, and the worker deletes ended windows', async () => {
    const t0 = new Date('2030-01-01T00:00:10Z');
    await consumeRateLimit(w.store.db, 'k', RULE, t0);
    await consumeRateLimit(w.store.db, 'k', RULE, t0);
    const refused = await consumeRateLimit(w.store.db, 'k', RULE, t0).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('RATE_LIMITED');
    expect((refused as AppError<'RATE_LIMITED'>).details.retryAfterSeconds).toBe(50);

    const t1 = new Date('2030-01-01T00:01:05Z'); // the next window: the old row no longer counts
    await consumeRateLimit(w.store.db, 'k', RULE, t1);
    expect(
      await w.store.db.selectFrom('rate_limit').select('count').orderBy('window_start').execute(),
    ).toEqual([{ count: 3 }, { count: 1 }]);

    await deleteExpiredRateLimits(w.store.db, t1);
    expect(await w.store.db.selectFrom('rate_limit').select(['key', 'count']).execute()).toEqual([
      { key: 'k', count: 1 },
    ]);
  });
});
