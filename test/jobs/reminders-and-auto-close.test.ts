/**
 * The due-time machinery at its boundaries, driven by the manual clock: reminders 3 days and
 * 1 day before the close, the close itself at exactly the policy instant (pending flag + a notice
 * to the partner user who placed the order), and silence for lines already provisioned.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, START, type World } from '../support/world.js';
import { DAY, type Dispatcher, dispatcher, type Inbox, startInbox } from './mail-harness.js';

const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const NOTHING = { dispatched: 0, reminders: 0, closed: 0 };

describeEachStore('reminders and auto-close at the policy boundaries', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeEach(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
  });
  afterEach(async () => {
    worker.close();
    await inbox.close();
    await w.close();
  });

  /** One line for Irene, its first e-mail sent at START (the RSD is today). */
  async function lineInPolicyPeriod(offerCode: string) {
    const placed = await w.order({ lines: [{ offerCode, quantity: 1, provisioningContact: irene }] });
    expect(await runDue(w.deps)).toMatchObject({ dispatched: 1 });
    await worker.drain();
    return { ...placed, subscriptionId: placed.subscriptionIds[0]! };
  }

  /** runDue at `at`; the clock is left there. */
  const dueAt = (at: number) => {
    w.clock.set(new Date(at));
    return runDue(w.deps);
  };

  const sendsOf = (subscriptionId: string) =>
    w.store.db
      .selectFrom('provisioning_email')
      .select(['reason', 'created_at'])
      .where('subscription_id', '=', subscriptionId)
      .orderBy('created_at')
      .execute();

  const lineOf = (subscriptionId: string) =>
    w.store.db
      .selectFrom('subscription_line')
      .select(['status', 'pending_provisioning', 'closed_at', 'next_action_at'])
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirstOrThrow();

  it('a reminder never kills a link: the first e-mail still opens the wizard, and so does the reminder', async () => {
    const { subscriptionId } = await lineInPolicyPeriod('A-FLEX');
    const close = new Date(START).getTime() + 7 * DAY;
    expect(await dueAt(close - 3 * DAY)).toEqual({ ...NOTHING, reminders: 1 });
    await worker.drain();
    const links = inbox
      .to(irene.email)
      .map((mail) => /\/setup\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1]);
    expect(links).toHaveLength(2);
    for (const token of links) await expect(openSetupLink(w.deps, token!)).resolves.toBeDefined();
    expect((await sendsOf(subscriptionId)).map((s) => s.reason)).toEqual(['rsd', 'reminder']);
  });

  for (const { offerCode, days } of [
    { offerCode: 'A-FLEX', days: 7 },
    { offerCode: 'MEET-PRO', days: 30 },
  ]) {
    it(`${offerCode} (${days} days): reminders at close-3d and close-1d, closed at exactly the close`, async () => {
      const { subscriptionId, webOrderId } = await lineInPolicyPeriod(offerCode);
      const close = new Date(START).getTime() + days * DAY;

      expect(await dueAt(close - 3 * DAY - 1)).toEqual(NOTHING);
      expect(await dueAt(close - 3 * DAY)).toEqual({ ...NOTHING, reminders: 1 });
      expect(await dueAt(close - 3 * DAY)).toEqual(NOTHING);
      await worker.drain();
      expect(await dueAt(close - DAY - 1)).toEqual(NOTHING);
      expect(await dueAt(close - DAY)).toEqual({ ...NOTHING, reminders: 1 });
      await worker.drain();
      expect(await dueAt(close - 1)).toEqual(NOTHING);
      expect((await lineOf(subscriptionId)).status).toBe('awaiting_provisioning_details');

      expect(await dueAt(close)).toEqual({ ...NOTHING, closed: 1 });
      expect(await lineOf(subscriptionId)).toEqual({
        status: 'closed',
        pending_provisioning: true,
        closed_at: new Date(close),
        next_action_at: null,
      });
      expect(await dueAt(close + 365 * DAY)).toEqual(NOTHING);
      expect((await sendsOf(subscriptionId)).map((s) => [s.reason, s.created_at.getTime()])).toEqual([
        ['rsd', new Date(START).getTime()],
        ['reminder', close - 3 * DAY],
        ['reminder', close - DAY],
      ]);

      await worker.drain();
      const toContact = inbox.to(irene.email);
      expect(toContact.map((m) => m.subject)).toEqual([
        `Provisioning information required for order ${webOrderId}`,
        `Reminder: provisioning information required for order ${webOrderId}`,
        `Reminder: provisioning information required for order ${webOrderId}`,
      ]);
      expect(toContact[1]!.text).toContain('3 days left to set up your service');
      expect(toContact[2]!.text).toContain('1 day left to set up your service');
      // The exact close instant, with its time and zone: a date alone read as a day too many west of UTC.
      const closeDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(close);
      const closeTime = new Date(close).toISOString().slice(11, 16);
      for (const mail of toContact)
        expect(mail.text).toContain(`Please complete the setup by ${closeDay}, ${closeTime} UTC.`);

      // The line-closed notice goes to the partner user who placed the order (alice).
      const [notice, ...more] = inbox.to(w.actors.alice.email);
      expect(more).toEqual([]);
      expect(notice!.subject).toBe(
        `Order ${webOrderId}: subscription ${subscriptionId} closed, provisioning still pending`,
      );
      expect(notice!.messageId).toBe(`<closed_${subscriptionId}@onramp.test>`);
      expect(notice!.text).toContain(irene.email);
      expect(notice!.links).toContain('http://onramp.test/subscriptions?pendingProvisioning=true');
    });
  }

  it('a late run sends one reminder for the ones it missed, never a burst', async () => {
    const { subscriptionId } = await lineInPolicyPeriod('A-FLEX');
    const close = new Date(START).getTime() + 7 * DAY;
    expect(await dueAt(close - DAY + 1)).toEqual({ ...NOTHING, reminders: 1 });
    expect((await sendsOf(subscriptionId)).map((s) => s.reason)).toEqual(['rsd', 'reminder']);
  });

  it('sends no reminder and closes nothing once the line is provisioned', async () => {
    const { orderId, subscriptionId } = await lineInPolicyPeriod('A-FLEX');
    const close = new Date(START).getTime() + 7 * DAY;
    w.clock.set(new Date(close - 4 * DAY));
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });

    for (const at of [close - 3 * DAY, close - DAY, close, close + 30 * DAY])
      expect(await dueAt(at)).toEqual(NOTHING);
    expect(await lineOf(subscriptionId)).toMatchObject({
      status: 'provisioned',
      pending_provisioning: false,
    });
    expect((await sendsOf(subscriptionId)).map((s) => s.reason)).toEqual(['rsd']);
    await worker.drain();
    expect(inbox.to(irene.email)).toHaveLength(1);
    expect(inbox.to(w.actors.alice.email)).toEqual([]);
  });
});
