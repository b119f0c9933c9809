/**
 * The shared SMTP budget's statements (store/send-budget-repository.ts) do the arithmetic of
 * domain/send-budget.ts: a run of claims and throttling answers at injected instants gives the
 * same slots and the same state in the database as the pure functions, on both stores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { reserveSlots, type SendBudgetState, slowDown } from '../../src/domain/send-budget.js';
import {
  claimDueWithinBudget,
  readSendBudget,
  slowDownBudget,
} from '../../src/store/send-budget-repository.js';
import { openTestStore, storeKinds, type TestStore } from '../support/test-store.js';

const T0 = new Date('2026-12-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const PER_SECOND = 50;
const AHEAD_MS = 2_000;
const LEASE_MS = 60_000;

for (const kind of storeKinds())
  describe(`shared SMTP budget [${kind}]`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await openTestStore(kind);
    });
    afterEach(async () => {
      await store.close();
    });

    async function queue(count: number, dueAt: Date) {
      await store.db
        .insertInto('outbox')
        .values(
          Array.from({ length: count }, (_, i) => ({
            topic: 'email',
            payload: JSON.stringify({}),
            message_key: `budget-${dueAt.getTime()}-${i}`,
            available_at: dueAt,
            created_at: dueAt,
          })),
        )
        .execute();
    }
    const claim = (now: Date, limit: number) =>
      claimDueWithinBudget(store.db, now, {
        limit,
        leaseMs: LEASE_MS,
        perSecond: PER_SECOND,
        aheadMs: AHEAD_MS,
      });

    it('claims only the e-mails the budget has slots for, with the slots the domain computes', async () => {
      await queue(400, T0);
      let model: SendBudgetState = await readSendBudget(store.db);
      // Two workers' claims interleaved, a throttling answer, then a pause long enough to go idle.
      const steps: ({ claim: number; limit: number } | { throttle: number })[] = [
        { claim: 0, limit: 100 },
        { claim: 5, limit: 100 },
        { claim: 500, limit: 30 },
        { throttle: 600 },
        { claim: 700, limit: 100 },
        { claim: 4_000, limit: 100 },
        { claim: 70_000, limit: 100 },
      ];
      for (const step of steps) {
        if ('throttle' in step) {
          model = slowDown(model, at(step.throttle));
          expect(await slowDownBudget(store.db, at(step.throttle))).toEqual(model);
          continue;
        }
        const now = at(step.claim);
        const expected = reserveSlots(PER_SECOND, model, now, step.limit, AHEAD_MS);
        const rows = await claim(now, step.limit);
        expect(
          rows.map((r) => r.slot_at),
          `claim at +${step.claim} ms`,
        ).toEqual(expected.slots);
        expect(
          rows.every((r) => r.attempts === 1 && r.leased_until!.getTime() === now.getTime() + LEASE_MS),
        ).toBe(true);
        model = expected.state;
        expect(await readSendBudget(store.db)).toEqual(model);
      }
    });

    it('claims at the same instant from many connections take distinct slots, 1/rate apart', async () => {
      await queue(300, T0);
      // On PostgreSQL these run on separate pooled connections and contend for the budget row.
      const claims = await Promise.all(Array.from({ length: 8 }, () => claim(at(0), 20)));
      const slots = claims.flat().map((r) => r.slot_at.getTime());
      const ids = claims.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      // 2 s ahead at 50/s: 101 slots; 8 claims of 20 want 160.
      expect(slots).toHaveLength(101);
      expect(slots.sort((a, b) => a - b)).toEqual(
        Array.from({ length: 101 }, (_, i) => at(i * 20).getTime()),
      );
    });

    it('an empty outbox reserves nothing: an idle worker does not spend the budget', async () => {
      const before = await readSendBudget(store.db);
      expect(await claim(at(0), 100)).toEqual([]);
      const after = await readSendBudget(store.db);
      expect(after.nextSlotAt.getTime()).toBeLessThanOrEqual(at(0).getTime());
      expect(after.slowFactor).toBe(before.slowFactor);
      await queue(3, T0);
      expect((await claim(at(0), 100)).map((r) => r.slot_at)).toEqual([at(0), at(20), at(40)]);
    });
  });
