/**
 * The PONR is final for e-mail too, and an e-mail in flight is recorded as what happened to it.
 * A worker claims a provisioning e-mail; before it sends, the order is set up (the e-mail is
 * withdrawn: never sent, and the line's history says so) or the contact changes (the e-mail was
 * claimed, so it goes out and is recorded as sent, never as superseded). Real SMTP sink.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { getSubscription } from '../../src/app/orders/get-subscription.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { t } from '../../src/i18n/i18n.js';
import { claimEmails, type DispatchDeps, sendClaimedEmails } from '../../src/jobs/dispatch-outbox.js';
import { runDue } from '../../src/jobs/run-due.js';
import { WITHDRAWN_DETAIL } from '../../src/store/withdraw-sends.js';
import { describeEvent } from '../../src/web/workspace/timeline.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Dispatcher, dispatcher, type Inbox, OUTBOX, startInbox } from './mail-harness.js';

const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const nora = { name: 'Nora Gialli', email: 'nora@initech.example', language: 'it' as const };

describeEachStore('an e-mail in flight at the PONR or a contact change', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  let deps: DispatchDeps;
  let seq = 0;
  beforeAll(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
    deps = { ...w.deps, mailer: worker.mailer, outbox: OUTBOX };
  });
  afterAll(async () => {
    worker.close();
    await inbox.close();
    await w.close();
  });

  /** One line past its RSD: its e-mail is queued, not yet claimed. */
  async function awaitingLine() {
    const placed = await w.order({
      webOrderId: `WO-FLIGHT-${++seq}`,
      lines: [{ offerCode: 'MEET-PRO', quantity: 2, provisioningContact: irene }],
    });
    await runDue(w.deps);
    return { orderId: placed.orderId, subscriptionId: placed.subscriptionIds[0]! };
  }

  const sendsOf = (subscriptionId: string) =>
    w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'status', 'status_detail', 'to_email'])
      .where('subscription_id', '=', subscriptionId)
      .orderBy('seq')
      .execute();

  const mapOrder = (orderId: string) =>
    mapOrderToOrganization(w.deps, {
      orderId,
      organization: { newOrganization: { name: `Initech ${seq}`, country: 'IT' } },
      confirmedBy: { name: irene.name, email: irene.email, language: 'en' },
    });

  it('set up between claim and send: withdrawn, not sent, and the line history says so', async () => {
    const { orderId, subscriptionId } = await awaitingLine();
    const claimed = await claimEmails(deps);
    expect(claimed).toHaveLength(1);

    await mapOrder(orderId);
    // The mapping leaves the claimed row to the worker: it may have been at the SMTP server.
    expect(await sendsOf(subscriptionId)).toMatchObject([{ status: 'queued' }]);

    const before = inbox.received.length;
    expect(await sendClaimedEmails(deps, claimed)).toEqual({
      claimed: 1,
      sent: 0,
      retrying: 0,
      failed: 0,
      withdrawn: 1,
    });
    expect(inbox.received.length).toBe(before);
    const [send] = await sendsOf(subscriptionId);
    expect(send).toMatchObject({ status: 'withdrawn', status_detail: WITHDRAWN_DETAIL });
    await worker.drain();
    expect(inbox.messageIds()).not.toContain(`<${send!.id}@onramp.test>`);

    const detail = await getSubscription(w.deps, w.actors.alice, subscriptionId);
    expect(detail.sends).toMatchObject([{ sendId: send!.id, status: 'withdrawn' }]);
    const withdrawn = detail.timeline.filter((e) => e.action === 'provisioning_email.withdrawn');
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.data).toMatchObject({ sendId: send!.id, to: irene.email });
    const event = describeEvent(withdrawn[0]!.action, withdrawn[0]!.data, 'en');
    expect(t('en', `workspace:timeline.${event.key}`, event.vars)).toBe(
      `E-mail to ${irene.email} withdrawn: the order was set up before it was sent`,
    );
    expect(t('it', `workspace:timeline.${event.key}`, event.vars)).toContain(
      `E-mail a ${irene.email} ritirata`,
    );
    // No event says it was sent.
    expect(detail.timeline.some((e) => e.action === 'provisioning_email.sent')).toBe(false);
  });

  it('set up before any claim: the waiting e-mail is withdrawn by the mapping, with its event', async () => {
    const { orderId, subscriptionId } = await awaitingLine();
    await mapOrder(orderId);
    const [send] = await sendsOf(subscriptionId);
    expect(send).toMatchObject({ status: 'withdrawn', status_detail: WITHDRAWN_DETAIL });
    await worker.drain();
    expect(inbox.messageIds()).not.toContain(`<${send!.id}@onramp.test>`);
    const detail = await getSubscription(w.deps, w.actors.alice, subscriptionId);
    expect(detail.timeline.filter((e) => e.action === 'provisioning_email.withdrawn')).toHaveLength(1);
  });

  it('a contact change while the e-mail is at the SMTP server: recorded as sent, never superseded', async () => {
    const { subscriptionId } = await awaitingLine();
    const [first] = await sendsOf(subscriptionId);
    // The change happens while the sender waits for the server's answer to the first e-mail.
    let changedInFlight = false;
    const slowInbox = await startInbox({
      whileReceiving: async (mail) => {
        if (mail.messageId !== `<${first!.id}@onramp.test>`) return;
        await changeProvisioningContact(w.deps, w.actors.alice, {
          subscriptionId,
          contact: nora,
          applyToAllLines: false,
        });
        changedInFlight = true;
      },
    });
    const slowWorker = dispatcher(w.deps, slowInbox.port);
    try {
      expect(await slowWorker.pass()).toMatchObject({ claimed: 1, sent: 1, withdrawn: 0 });
      expect(changedInFlight).toBe(true);
      expect(await slowWorker.drain()).toMatchObject({ sent: 1 });
      const sends = await sendsOf(subscriptionId);
      expect(sends).toMatchObject([
        { id: first!.id, status: 'sent', to_email: irene.email },
        { status: 'sent', to_email: nora.email },
      ]);
      expect(slowInbox.messageIds().sort()).toEqual(sends.map((s) => `<${s.id}@onramp.test>`).sort());

      // The history tells both e-mails went out: each has its `sent` event (and its webhook).
      const detail = await getSubscription(w.deps, w.actors.alice, subscriptionId);
      const sent = detail.timeline.filter((e) => e.action === 'provisioning_email.sent');
      expect(sent.map((e) => e.data['sendId']).sort()).toEqual(sends.map((s) => s.id).sort());
    } finally {
      slowWorker.close();
      await slowInbox.close();
    }
  });

  it('a worker that outlived its lease: an e-mail withdrawn meanwhile but delivered is recorded as sent', async () => {
    const { subscriptionId } = await awaitingLine();
    const claimed = await claimEmails(deps);
    expect(claimed).toHaveLength(1);
    const [first] = await sendsOf(subscriptionId);
    // The lease runs out while the worker is still busy; a contact change then withdraws the row.
    w.clock.advance(OUTBOX.leaseMs + 1);
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId,
      contact: nora,
      applyToAllLines: false,
    });
    expect(await sendsOf(subscriptionId)).toMatchObject([{ id: first!.id, status: 'superseded' }, {}]);
    // The slow worker sends it after all: what went out is what the history says.
    expect(await sendClaimedEmails(deps, claimed)).toMatchObject({ sent: 1, withdrawn: 0 });
    expect(inbox.messageIds()).toContain(`<${first!.id}@onramp.test>`);
    expect(await sendsOf(subscriptionId)).toMatchObject([{ id: first!.id, status: 'sent' }, {}]);
    const detail = await getSubscription(w.deps, w.actors.alice, subscriptionId);
    expect(
      detail.timeline.filter((e) => e.action === 'provisioning_email.sent' && e.data['sendId'] === first!.id),
    ).toHaveLength(1);
    await worker.drain();
  });

  it('a contact change after the claim but before the send: the dead link is not sent', async () => {
    const { subscriptionId } = await awaitingLine();
    const claimed = await claimEmails(deps);
    expect(claimed).toHaveLength(1);
    const [first] = await sendsOf(subscriptionId);
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId,
      contact: nora,
      applyToAllLines: false,
    });
    // Claimed: the change leaves it to the worker, whose re-check finds its link revoked.
    expect(await sendsOf(subscriptionId)).toMatchObject([{ id: first!.id, status: 'queued' }, {}]);
    expect(await sendClaimedEmails(deps, claimed)).toMatchObject({ sent: 0, withdrawn: 1 });
    await worker.drain();
    const sends = await sendsOf(subscriptionId);
    expect(sends.map((s) => s.status)).toEqual(['superseded', 'sent']);
    expect(inbox.messageIds()).not.toContain(`<${first!.id}@onramp.test>`);
    expect(inbox.messageIds()).toContain(`<${sends[1]!.id}@onramp.test>`);
  });
});
