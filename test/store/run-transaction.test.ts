/**
 * `inTransaction`: a transaction PostgreSQL aborts for a deadlock (40P01) or a serialization
 * failure (40001) runs again, a few times at most, without sleeping in tests; any other error is
 * thrown at once; one that outlasts the retries answers 503, not 500. The deadlock is a real one, made by two transactions locking two rows in
 * opposite orders (PostgreSQL only: PGlite has one connection, so there is no second transaction
 * to deadlock with).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { toAppError } from '../../src/http/render-error.js';
import { inTransaction, retryDelayMs, TRANSACTION_ATTEMPTS } from '../../src/store/run-transaction.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

describeEachStore('inTransaction', (kind) => {
  let w: World;
  const retries: { code: string; attempt: number }[] = [];
  const waits: number[] = [];
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const deps = () => ({
    db: w.store.db,
    transactionRetry: {
      wait: (ms: number) => {
        waits.push(ms);
        return Promise.resolve();
      },
      onRetry: (info: { code: string; attempt: number }) => retries.push(info),
    },
  });

  const lockOrganization = (trx: Parameters<Parameters<typeof inTransaction>[1]>[0], id: string) =>
    trx.selectFrom('organization').select('id').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

  it.skipIf(kind === 'pglite')('a real deadlock: the victim is retried and both commit', async () => {
    // Each side locks its first row, waits until the other holds its own, then asks for the other's.
    let arrived = 0;
    let release!: () => void;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const side = async (first: string, second: string) => {
      let runs = 0;
      const sideRetries: { code: string; attempt: number }[] = [];
      const sideDeps = {
        db: w.store.db,
        transactionRetry: {
          wait: () => Promise.resolve(),
          onRetry: (info: { code: string; attempt: number }) => sideRetries.push(info),
        },
      };
      const committed = await inTransaction(sideDeps, async (trx) => {
        runs++;
        await lockOrganization(trx, first);
        if (runs === 1) {
          if (++arrived === 2) release();
          await bothHoldOne;
        }
        await lockOrganization(trx, second);
        return true;
      });
      return { committed, runs, retries: sideRetries };
    };
    const [a, b] = await Promise.all([side('org_acme', 'org_bright'), side('org_bright', 'org_acme')]);
    console.log(`[reliability] inTransaction: a real deadlock, runs a=${a.runs} b=${b.runs}`);
    // Both committed; every run after the first was a retry of a deadlock, reported as such. The
    // victim's retry may take its first row before the survivor wakes and deadlock once more, so
    // both sides can be retried (seen under load in CI): the count per side is not fixed.
    expect([a.committed, b.committed]).toEqual([true, true]);
    for (const side of [a, b]) {
      expect(side.retries).toEqual(
        Array.from({ length: side.runs - 1 }, (_, i) => ({ code: '40P01', attempt: i + 1 })),
      );
    }
    // PostgreSQL broke the cycle by aborting at least one side: the two cannot both run once.
    expect(a.runs + b.runs).toBeGreaterThanOrEqual(3);
  });

  it('retries a serialization failure at most a few times, then throws it', async () => {
    retries.length = 0;
    waits.length = 0;
    let runs = 0;
    const failure = Object.assign(new Error('could not serialize access'), { code: '40001' });
    await expect(
      inTransaction(deps(), async (trx) => {
        runs++;
        await lockOrganization(trx, 'org_acme');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(waits).toHaveLength(2);
    // Retries exhausted: the API and the pages answer 503 UNAVAILABLE ("try again"), never 500.
    expect(toAppError(failure)?.code).toBe('UNAVAILABLE');
    for (const [i, ms] of waits.entries()) {
      expect(ms).toBeGreaterThanOrEqual(retryDelayMs(i + 1, () => 0));
      expect(ms).toBeLessThanOrEqual(retryDelayMs(i + 1, () => 1));
    }
  });

  it('a transaction that succeeds on its second run returns that run’s result, and its writes', async () => {
    retries.length = 0;
    let runs = 0;
    const name = await inTransaction(deps(), async (trx) => {
      runs++;
      await trx
        .updateTable('organization')
        .set({ name: `Acme run ${runs}` })
        .where('id', '=', 'org_acme')
        .execute();
      if (runs === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return `Acme run ${runs}`;
    });
    expect(name).toBe('Acme run 2');
    const row = await w.store.db
      .selectFrom('organization')
      .select('name')
      .where('id', '=', 'org_acme')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Acme run 2');
  });

  it('throws any other error at once', async () => {
    retries.length = 0;
    let runs = 0;
    await expect(
      inTransaction(deps(), async () => {
        runs++;
        throw Object.assign(new Error('duplicate key'), { code: '23505' });
      }),
    ).rejects.toThrow('duplicate key');
    expect(runs).toBe(1);
    expect(retries).toEqual([]);
  });
});
