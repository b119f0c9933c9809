/** The per-address cap's schedule: who goes now, and when each of the others first has room. */
import { expect, it } from 'vitest';

import { scheduleForAddressCap } from '../../src/domain/address-cap.js';

const NOW = new Date('2026-12-01T14:00:00.000Z');
const min = (m: number) => new Date(NOW.getTime() + m * 60_000);

it('sends up to the cap now; the rest wait for the hour after each of the oldest sends', () => {
  expect(scheduleForAddressCap([], 8, 6, NOW)).toEqual({ goNow: 6, later: [min(60), min(60)] });
  // Two sent earlier in the hour (at -50 and -10 min): four go now, then one each as those age out.
  expect(scheduleForAddressCap([min(-50), min(-10)], 6, 6, NOW)).toEqual({
    goNow: 4,
    later: [min(10), min(50)],
  });
});

it('ignores sends older than an hour, and keeps waiting e-mails an hour apart past twice the cap', () => {
  expect(scheduleForAddressCap([min(-60), min(-61)], 2, 2, NOW)).toEqual({ goNow: 2, later: [] });
  expect(scheduleForAddressCap([], 5, 2, NOW)).toEqual({ goNow: 2, later: [min(60), min(60), min(120)] });
});
