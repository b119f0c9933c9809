import { afterAll, beforeAll, expect, it } from 'vitest';

import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, START, type World } from '../support/world.js';

const DAY = 86_400_000;
const contact = { name: 'Irene', email: 'irene@initech.example', language: 'en' as const };

describeEachStore('run due: RSD dispatch and auto-close at the policy boundary', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const statusOf = async (sub: string) =>
    w.store.db
      .selectFrom('subscription_line')
      .select(['status', 'pending_provisioning', 'first_email_at'])
      .where('subscription_id', '=', sub)
      .executeTakeFirstOrThrow();

  it('sends nothing before the RSD, the RSD e-mail at 00:00 UTC of the RSD, and closes A-FLEX after exactly 7 days and others after 30', async () => {
    const rsd = '2026-12-03';
    const rsdAt = new Date(`${rsd}T00:00:00Z`).getTime();
    const { subscriptionIds } = await w.order({
      rsd,
      lines: [
        { offerCode: 'A-FLEX', quantity: 1, provisioningContact: contact },
        { offerCode: 'A-FLEX-3', quantity: 1, provisioningContact: contact },
        { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact },
      ],
    });
    const [flex, flex3, meet] = subscriptionIds as [string, string, string];

    expect(await runDue(w.deps, { now: new Date(rsdAt - 1) })).toEqual({
      dispatched: 0,
      reminders: 0,
      closed: 0,
    });
    expect((await statusOf(flex)).status).toBe('booked');

    expect(await runDue(w.deps, { now: new Date(rsdAt) })).toMatchObject({ dispatched: 3 });
    expect(await statusOf(flex)).toMatchObject({
      status: 'awaiting_provisioning_details',
      first_email_at: new Date(rsdAt),
    });

    // One millisecond before seven days: still open (the reminders have gone).
    expect(await runDue(w.deps, { now: new Date(rsdAt + 7 * DAY - 1) })).toMatchObject({
      closed: 0,
      reminders: 2,
    }); // one catch-up reminder per A-FLEX line
    expect((await statusOf(flex)).status).toBe('awaiting_provisioning_details');

    expect(await runDue(w.deps, { now: new Date(rsdAt + 7 * DAY) })).toMatchObject({ closed: 2 });
    expect(await statusOf(flex)).toMatchObject({ status: 'closed', pending_provisioning: true });
    expect(await statusOf(flex3)).toMatchObject({ status: 'closed', pending_provisioning: true });
    expect((await statusOf(meet)).status).toBe('awaiting_provisioning_details');

    await runDue(w.deps, { now: new Date(rsdAt + 30 * DAY - 1) });
    expect((await statusOf(meet)).status).toBe('awaiting_provisioning_details');
    expect(await runDue(w.deps, { now: new Date(rsdAt + 30 * DAY) })).toMatchObject({ closed: 1 });
    expect(await statusOf(meet)).toMatchObject({ status: 'closed', pending_provisioning: true });

    // Nothing is left due, and running again does nothing twice.
    expect(await runDue(w.deps, { now: new Date(rsdAt + 365 * DAY) })).toEqual({
      dispatched: 0,
      reminders: 0,
      closed: 0,
    });
    const closedEvents = await w.store.db
      .selectFrom('audit_event')
      .select('subscription_id')
      .where('action', '=', 'line.closed')
      .where('subscription_id', 'in', subscriptionIds)
      .execute();
    expect(closedEvents).toHaveLength(3);
  });

  it('processes more due lines than one batch holds', async () => {
    const rsd = START.slice(0, 10);
    const lines = Array.from({ length: 7 }, () => ({
      offerCode: 'MEET-PRO',
      quantity: 1,
      provisioningContact: contact,
    }));
    const { subscriptionIds } = await w.order({ rsd, lines });
    const summary = await runDue(w.deps, { batchSize: 3 });
    expect(summary.dispatched).toBeGreaterThanOrEqual(7);
    for (const sub of subscriptionIds)
      expect((await statusOf(sub)).status).toBe('awaiting_provisioning_details');
  });

  it('queues a small first batch, then doubles it: the outbox can start before the rest is claimed', async () => {
    const rsd = START.slice(0, 10);
    const line = { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact };
    // A batch takes whole orders, so these are seven one-line orders.
    const sevenOrders = async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push(...(await w.order({ rsd, lines: [line] })).subscriptionIds);
      return ids;
    };
    // Batches of 1, 2 and 4 lines: three commits, each waking the outbox.
    const ramped = await sevenOrders();
    let commits = 0;
    const summary = await runDue(w.deps, { firstBatchSize: 1, batchSize: 4, onQueued: () => commits++ });
    expect(summary.dispatched).toBe(7);
    expect(commits).toBe(3);
    for (const sub of ramped) expect((await statusOf(sub)).status).toBe('awaiting_provisioning_details');

    // The same without the ramp: batches of 4 and 3, two commits.
    await sevenOrders();
    commits = 0;
    expect(
      await runDue(w.deps, { firstBatchSize: 4, batchSize: 4, onQueued: () => commits++ }),
    ).toMatchObject({ dispatched: 7 });
    expect(commits).toBe(2);
  });
});
