/** The shared SMTP budget's arithmetic: slots 1/rate apart, no saved-up burst, slowed by throttling. */
import { expect, it } from 'vitest';

import {
  reserveAheadMs,
  reserveSlots,
  retryAfterThrottle,
  type SendBudgetState,
  slowDown,
} from '../../src/domain/send-budget.js';

const NOW = new Date('2026-12-01T14:00:00.000Z');
const ms = (n: number) => new Date(NOW.getTime() + n);
const IDLE: SendBudgetState = { nextSlotAt: ms(-3_600_000), slowUntil: ms(-3_600_000), slowFactor: 1 };

it('hands out slots 1/rate apart from now, never saving up a burst while idle', () => {
  const { slots, intervalMs, state } = reserveSlots(50, IDLE, NOW, 3, 2_000);
  expect(intervalMs).toBe(20);
  expect(slots).toEqual([ms(0), ms(20), ms(40)]);
  expect(state).toEqual({ ...IDLE, nextSlotAt: ms(60) });
  // The next claim, even an instant later, continues where this one stopped.
  expect(reserveSlots(50, state, ms(1), 2, 2_000).slots).toEqual([ms(60), ms(80)]);
});

it('reserves only the slots that start within the horizon, and none once it is full', () => {
  const first = reserveSlots(5, IDLE, NOW, 100, 2_000);
  // 5 a second: slots at 0, 200, ..., 2000 ms.
  expect(first.slots).toHaveLength(11);
  expect(first.slots.at(-1)).toEqual(ms(2_000));
  const second = reserveSlots(5, first.state, NOW, 100, 2_000);
  expect(second.slots).toEqual([]);
  expect(second.state).toEqual(first.state);
  // Half a second later the horizon has moved on: two more slots fit.
  expect(reserveSlots(5, first.state, ms(500), 100, 2_000).slots).toEqual([ms(2_200), ms(2_400)]);
});

it('a throttling answer pauses the budget and spaces the slots out, more so when repeated', () => {
  const busy = { ...IDLE, nextSlotAt: ms(300) };
  const once = slowDown(busy, NOW);
  expect(once).toEqual({ nextSlotAt: ms(2_000), slowUntil: ms(60_000), slowFactor: 2 });
  expect(retryAfterThrottle(once, NOW)).toEqual(ms(2_000));
  expect(reserveSlots(50, once, NOW, 3, 2_000).slots).toEqual([ms(2_000)]);
  expect(reserveSlots(50, once, ms(2_000), 3, 2_000).slots).toEqual([ms(2_000), ms(2_040), ms(2_080)]);
  const twice = slowDown(once, ms(10_000));
  expect(twice).toEqual({ nextSlotAt: ms(14_000), slowUntil: ms(70_000), slowFactor: 4 });
  let many = twice;
  for (let i = 0; i < 5; i++) many = slowDown(many, ms(10_000));
  expect(many.slowFactor).toBe(16);
  // A minute after the last answer the budget is back to its rate.
  expect(reserveSlots(50, twice, ms(70_000), 2, 2_000).intervalMs).toBe(20);
  expect(slowDown(twice, ms(70_000)).slowFactor).toBe(2);
});

it('reserves at most a quarter of the lease ahead, so the lease outlasts the wait', () => {
  expect(reserveAheadMs(120_000)).toBe(2_000);
  expect(reserveAheadMs(4_000)).toBe(1_000);
});
