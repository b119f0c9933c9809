/**
 * A provisioning e-mail bounces: the person who placed the order is told at once, through a real
 * SMTP socket, which lines, which address, and the link to the order to change the contact. One
 * notice per bounced e-mail: not one per line it listed, not again for a repeated report (by its
 * Message-ID, by a follower line's send id, or after a "failed"). When the placer is deactivated,
 * the partner admins are told instead, in their language; the digest's opt-out does not stop it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

import { changeUser } from '../../src/app/identity/change-user.js';
import { setDailyDigestSetting } from '../../src/app/identity/set-daily-digest.js';
import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { recordEmailEvent } from '../../src/app/lines/record-email-event.js';
import type { ParsedMail } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { closeMailWorld, type MailWorld, openMailWorld } from './mail-harness.js';

const typo = { name: 'Ugo Neri', email: 'ugo@initech.exampel', language: 'it' as const };
const DETAIL = '550 5.1.1 <ugo@initech.exampel>: user unknown';

const isNotice = (mail: ParsedMail) => mail.messageId?.startsWith('<bounce_') === true;

describeEachStore('the bounce notice to the person who placed the order', (kind) => {
  let m: MailWorld;
  beforeEach(async () => {
    m = await openMailWorld(kind);
  });
  afterEach(() => closeMailWorld(m));

  const noticesTo = (address: string) => m.inbox.to(address).filter(isNotice);
  const allNotices = () => m.inbox.received.filter((r) => isNotice(r.mail));

  /** An order by `by` whose two lines share one e-mail to an address that bounces; it went out. */
  async function sentToTypo(by: 'alice' | 'bob' = 'alice') {
    const placed = await m.w.order(
      {
        lines: [
          { offerCode: 'A-FLEX', quantity: 3, provisioningContact: typo },
          { offerCode: 'MEET-PRO', quantity: 10, provisioningContact: typo },
        ],
      },
      by,
    );
    await runDue(m.w.deps);
    await m.worker.drain();
    const [mail, ...more] = m.inbox.to(typo.email);
    expect(more).toHaveLength(0);
    const sends = await m.w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'lead_send_id'])
      .where('subscription_id', 'in', placed.subscriptionIds)
      .execute();
    const follower = sends.find((s) => s.lead_send_id !== null)!;
    return { ...placed, messageId: mail!.messageId!, followerSendId: follower.id };
  }

  it('tells the placer once, at once: which lines, which address, and the order to change it', async () => {
    const { orderId, webOrderId, subscriptionIds, messageId, followerSendId } = await sentToTypo();
    const bounce = { type: 'bounced' as const, ref: { messageId }, detail: DETAIL };
    expect(await recordEmailEvent(m.w.deps, bounce)).toMatchObject({ status: 'bounced', changed: true });
    // The provider repeats itself; a report names a follower line's send; a "failed" then a
    // bounce again with other words: the e-mail is still the one that bounced.
    expect(await recordEmailEvent(m.w.deps, bounce)).toMatchObject({ changed: false });
    await recordEmailEvent(m.w.deps, { type: 'bounced', ref: { sendId: followerSendId }, detail: DETAIL });
    await recordEmailEvent(m.w.deps, { type: 'failed', ref: { messageId }, detail: '554 rejected' });
    await recordEmailEvent(m.w.deps, { type: 'bounced', ref: { messageId }, detail: '550 no such user' });
    await m.worker.drain();

    const [notice, ...more] = noticesTo('alice@acme.example');
    expect(more).toHaveLength(0);
    expect(allNotices()).toHaveLength(1);
    expect(notice!.subject).toBe(`Order ${webOrderId}: the provisioning e-mail to ${typo.email} bounced`);
    expect(notice!.text).toContain(
      `The provisioning e-mail for order ${webOrderId} (Initech Srl) could not be delivered to ${typo.email}.`,
    );
    expect(notice!.text).toContain('no setup link for these 2 subscriptions');
    for (const id of subscriptionIds) expect(notice!.text).toContain(id);
    expect(notice!.text).toContain('Active Flex');
    expect(notice!.text).toContain(`The mail server said: ${DETAIL}`);
    expect(notice!.links).toContain(`http://onramp.test/orders/${orderId}`);
    expect(notice!.html).toContain(`href="http://onramp.test/orders/${orderId}"`);
  });

  it('goes to the partner admins, in their language, when the placer is deactivated', async () => {
    await m.w.store.db
      .updateTable('app_user')
      .set({ language: 'it' })
      .where('id', '=', 'usr_brenda')
      .execute();
    const { webOrderId, orderId, messageId } = await sentToTypo('bob');
    await changeUser(m.w.deps, m.w.actors.brenda, 'usr_bob', { active: false });
    await recordEmailEvent(m.w.deps, { type: 'bounced', ref: { messageId }, detail: DETAIL });
    await m.worker.drain();

    expect(noticesTo('bob@bright.example')).toHaveLength(0);
    const [notice] = noticesTo('brenda@bright.example');
    expect(notice!.subject).toBe(
      `Ordine ${webOrderId}: l’e-mail di provisioning a ${typo.email} è stata respinta`,
    );
    expect(notice!.text).toContain('Il team di Onramp');
    expect(notice!.links).toContain(`http://onramp.test/orders/${orderId}`);
    expect(allNotices().map((r) => r.envelope.to)).toEqual([['brenda@bright.example']]);
  });

  it('still comes when the placer turned the daily digest off: it is operational', async () => {
    await setDailyDigestSetting(m.w.deps, m.w.actors.alice, { dailyDigest: false });
    const { messageId } = await sentToTypo();
    await recordEmailEvent(m.w.deps, { type: 'bounced', ref: { messageId }, detail: DETAIL });
    await m.worker.drain();
    expect(noticesTo('alice@acme.example')).toHaveLength(1);
  });

  it('says nothing when the contact was changed before the bounce arrived: the line has a link', async () => {
    const { subscriptionIds, messageId } = await sentToTypo();
    await changeProvisioningContact(m.w.deps, m.w.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
      contact: { ...typo, email: 'ugo@initech.example' },
      applyToAllLines: true,
    });
    expect(
      await recordEmailEvent(m.w.deps, { type: 'bounced', ref: { messageId }, detail: DETAIL }),
    ).toMatchObject({
      changed: true,
    });
    await m.worker.drain();
    expect(allNotices()).toHaveLength(0);
  });

  it('says nothing for a delivered e-mail or a delay', async () => {
    const { messageId } = await sentToTypo();
    await recordEmailEvent(m.w.deps, { type: 'delayed', ref: { messageId }, detail: '451 try later' });
    await recordEmailEvent(m.w.deps, { type: 'delivered', ref: { messageId } });
    await m.worker.drain();
    expect(allNotices()).toHaveLength(0);
  });
});
