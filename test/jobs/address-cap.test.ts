/**
 * Issue 17: one recipient address gets at most PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR
 * provisioning e-mails an hour (6 by default), across all partners. Past it nothing is dropped:
 * the e-mail waits in the outbox, the line's history says until when, and the worker sends it
 * once the hour has passed. Real SMTP sink, injected clock.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { getSubscription } from '../../src/app/orders/get-subscription.js';
import { t } from '../../src/i18n/i18n.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEvent } from '../../src/web/workspace/timeline.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { closeMailWorld, type Dispatcher, type Inbox, MINUTE, openMailWorld } from './mail-harness.js';

const HOUR = 60 * MINUTE;
const ADDRESS = 'shared.inbox@initech.example';

describeEachStore('provisioning e-mails per address and hour', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind));
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  const toAddress = () => inbox.received.filter((r) => r.envelope.to[0]!.toLowerCase() === ADDRESS);

  /** `count` one-line orders by `by`, all to the shared address (written as given). */
  async function orders(by: 'alice' | 'bob', count: number, email: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const placed = await w.order(
        {
          lines: [
            {
              offerCode: 'MEET-PRO',
              quantity: 1,
              provisioningContact: { name: 'Shared Inbox', email, language: 'en' },
            },
          ],
        },
        by,
      );
      ids.push(...placed.subscriptionIds);
    }
    return ids;
  }

  it('8 e-mails to one address from two partners: 6 go, 2 wait an hour, visibly, then go', async () => {
    const lines = [
      ...(await orders('alice', 4, ADDRESS)),
      ...(await orders('bob', 4, 'Shared.Inbox@Initech.example')),
    ];
    const other = (await orders('alice', 1, 'someone.else@initech.example'))[0]!;
    await runDue(w.deps);
    const start = w.clock.now();

    expect(await worker.drain()).toMatchObject({ claimed: 9, sent: 7, failed: 0 });
    expect(toAddress()).toHaveLength(6);
    // Another address is not held back by this one.
    expect(inbox.received.filter((r) => r.envelope.to[0] === 'someone.else@initech.example')).toHaveLength(1);

    const sends = await w.store.db
      .selectFrom('provisioning_email as p')
      .innerJoin('outbox as o', 'o.send_id', 'p.id')
      .select(['p.subscription_id', 'p.status', 'o.status as outboxStatus', 'o.available_at', 'o.attempts'])
      .where('p.subscription_id', 'in', lines)
      .execute();
    const waiting = sends.filter((s) => s.status === 'queued');
    expect(sends.filter((s) => s.status === 'sent')).toHaveLength(6);
    expect(waiting).toHaveLength(2);
    for (const s of waiting) {
      expect(s.outboxStatus).toBe('pending');
      expect(new Date(s.available_at).getTime()).toBe(start.getTime() + HOUR);
      // Holding back is not a failed attempt.
      expect(s.attempts).toBe(0);
    }

    // The line's history says why and until when, in English and Italian.
    for (const s of waiting) {
      const detail = await getSubscription(w.deps, w.actors.sam, s.subscription_id);
      const event = detail.timeline.find((e) => e.action === 'provisioning_email.waiting');
      expect(event?.data).toMatchObject({ limit: 6, until: new Date(start.getTime() + HOUR).toISOString() });
      const en = describeEvent(event!.action, event!.data, 'en');
      expect(t('en', `workspace:timeline.${en.key}`, en.vars)).toBe(
        `Waiting: ${(event!.data as { to: string }).to} had 6 e-mails in the last hour; this one goes out at 1 Dec 2026, 10:00 UTC`,
      );
      const it = describeEvent(event!.action, event!.data, 'it');
      expect(t('it', `workspace:timeline.${it.key}`, it.vars)).toContain('6 e-mail nell’ultima ora');
    }
    expect(await worker.drain()).toMatchObject({ claimed: 0 });

    // A minute short of the hour nothing is due; on the hour the worker sends both.
    w.clock.advance(HOUR - MINUTE);
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    expect(toAddress()).toHaveLength(6);
    w.clock.advance(MINUTE);
    expect(await worker.drain()).toMatchObject({ claimed: 2, sent: 2 });
    expect(toAddress()).toHaveLength(8);
    const after = await w.store.db
      .selectFrom('provisioning_email')
      .select('status')
      .where('subscription_id', 'in', [...lines, other])
      .execute();
    expect(after.every((s) => s.status === 'sent')).toBe(true);
    const waits = await w.store.db
      .selectFrom('audit_event')
      .select('subscription_id')
      .where('action', '=', 'provisioning_email.waiting')
      .execute();
    expect(waits).toHaveLength(2);
  });

  it('the cap is configurable, and a later e-mail waits only until the oldest of the hour leaves it', async () => {
    w.clock.advance(2 * HOUR);
    w.deps.settings.provisioningEmailsPerAddressPerHour = 2;
    try {
      const first = await orders('alice', 1, ADDRESS);
      await runDue(w.deps);
      expect(await worker.drain()).toMatchObject({ sent: 1 });
      const firstAt = w.clock.now().getTime();
      w.clock.advance(20 * MINUTE);
      const more = await orders('bob', 2, ADDRESS);
      await runDue(w.deps);
      expect(await worker.drain()).toMatchObject({ claimed: 2, sent: 1 });
      const held = await w.store.db
        .selectFrom('provisioning_email as p')
        .innerJoin('outbox as o', 'o.send_id', 'p.id')
        .select(['o.available_at'])
        .where('p.subscription_id', 'in', [...first, ...more])
        .where('o.status', '=', 'pending')
        .execute();
      expect(held.map((h) => new Date(h.available_at).getTime())).toEqual([firstAt + HOUR]);
      w.clock.advance(40 * MINUTE);
      expect(await worker.drain()).toMatchObject({ claimed: 1, sent: 1 });
    } finally {
      delete w.deps.settings.provisioningEmailsPerAddressPerHour;
    }
  });
});
