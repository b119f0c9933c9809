/**
 * SMTP_MAX_PER_SECOND in the dispatcher: a pass claims only what the shared budget has slots for,
 * starts each send at its slot (the injected wait moves the world's clock), and gives back, without
 * counting an attempt, the rows whose slots it missed. Real SMTP sink, both stores.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

import {
  claimEmails,
  type DispatchDeps,
  dispatchOutbox,
  sendClaimedEmails,
} from '../../src/jobs/dispatch-outbox.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { closeMailWorld, type MailWorld, openMailWorld, OUTBOX } from './mail-harness.js';

describeEachStore('outbox within the shared SMTP budget', (kind) => {
  let mw: MailWorld;
  let deps: DispatchDeps;
  let waits: number[];
  beforeEach(async () => {
    mw = await openMailWorld(kind);
    waits = [];
    deps = {
      ...mw.w.deps,
      mailer: mw.worker.mailer,
      // 10 a second, at most 2 s ahead: a pass claims 21 at most.
      outbox: { ...OUTBOX, maxPerSecond: 10 },
      wait: async (ms) => {
        waits.push(ms);
        mw.w.clock.advance(ms);
      },
    };
    await mw.w.order({
      lines: Array.from({ length: 30 }, (_, i) => ({
        offerCode: 'MEET-PRO',
        quantity: 1,
        provisioningContact: { name: `Contact ${i}`, email: `c${i}@paced.example`, language: 'en' as const },
      })),
    });
    await runDue(mw.w.deps);
  });
  afterEach(() => closeMailWorld(mw));

  it('claims what fits in the next two seconds and sends each at its slot, 100 ms apart', async () => {
    const start = mw.w.clock.now().getTime();
    expect(await dispatchOutbox(deps)).toMatchObject({ claimed: 21, sent: 21 });
    expect(waits).toEqual(Array(20).fill(100));
    expect(mw.inbox.received).toHaveLength(21);
    expect(mw.w.clock.now().getTime() - start).toBe(2_000);
    // The next pass continues on the next slot.
    expect(await dispatchOutbox(deps)).toMatchObject({ claimed: 9, sent: 9 });
    expect(mw.inbox.received).toHaveLength(30);
  });

  it('gives back the rows whose slots it missed, without counting an attempt', async () => {
    const claimed = await claimEmails(deps);
    expect(claimed).toHaveLength(21);
    // The worker stalls for a second and a half before it starts sending: the slots up to 1.2 s
    // are more than two slots (200 ms) behind, those from 1.3 s on still go.
    mw.w.clock.advance(1_500);
    expect(await sendClaimedEmails(deps, claimed)).toMatchObject({ claimed: 21, sent: 8 });
    const pending = await mw.w.store.db
      .selectFrom('outbox')
      .select(['attempts', 'available_at'])
      .where('status', '=', 'pending')
      .execute();
    // 13 given back, 9 never claimed: none has spent an attempt.
    expect(pending).toHaveLength(22);
    expect(pending.filter((r) => r.attempts === 0)).toHaveLength(22);
    expect(pending.every((r) => r.available_at <= mw.w.clock.now())).toBe(true);
    while ((await dispatchOutbox(deps)).claimed > 0);
    expect(mw.inbox.received).toHaveLength(30);
    expect(new Set(mw.inbox.messageIds()).size).toBe(30);
  });
});
