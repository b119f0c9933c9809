/**
 * One e-mail per contact per order per event, through a real SMTP socket: the RSD e-mail, a
 * resend, a contact change (one line, all lines, a bulk change) and a delegation each send the
 * contact one e-mail listing all their lines, with one setup link and the earliest deadline.
 * Every line keeps its own send row and history, and follows the e-mail's status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bulkChangeProvisioningContact } from '../../src/app/lines/bulk-change-provisioning-contact.js';
import { bulkResendProvisioningEmail } from '../../src/app/lines/bulk-resend-provisioning-email.js';
import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { delegateSetup } from '../../src/app/setup/delegate-setup.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import type { ParsedMail } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { freshContact } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { closeMailWorld, DAY, type Dispatcher, type Inbox, openMailWorld } from './mail-harness.js';

const SETUP = 'http://onramp.test/setup/';
const setupLinksOf = (mail: ParsedMail) => [...new Set(mail.links.filter((l) => l.startsWith(SETUP)))];
const tokenOf = (mail: ParsedMail) => setupLinksOf(mail)[0]!.slice(SETUP.length);

describeEachStore('one provisioning e-mail per contact per order', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind));
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  const sendsOf = (subscriptionIds: string[]) =>
    w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('subscription_id', 'in', subscriptionIds)
      .orderBy('seq')
      .execute();

  /** Places an order whose lines all name `contact` (offers in this order) and sends its RSD e-mails. */
  async function orderFor(contact: ReturnType<typeof freshContact>, offers: string[]) {
    const placed = await w.order({
      lines: offers.map((offerCode) => ({ offerCode, quantity: 5, provisioningContact: contact })),
    });
    await runDue(w.deps);
    await worker.drain();
    return placed;
  }

  /** The one e-mail this address received since `before` messages, asserting there is exactly one. */
  function onlyMailTo(address: string, before = 0): ParsedMail {
    const mails = inbox.to(address).slice(before);
    expect(mails).toHaveLength(1);
    return mails[0]!;
  }

  describe('the RSD e-mail', () => {
    it('is one e-mail for a three-line order, with one link and the earliest deadline', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'A-FLEX', 'CALL-STD']);
      const mail = onlyMailTo(contact.email);
      for (const id of subscriptionIds) expect(mail.text).toContain(id);
      expect(setupLinksOf(mail)).toHaveLength(1);
      // A-FLEX closes 7 days after the first e-mail (2026-12-01 09:00 UTC), before the 30-day lines.
      expect(mail.text).toContain('Please complete the setup by 8 December 2026, 09:00 UTC.');

      // Each line has its own send, all sent with the one e-mail, and its own `sent` event.
      const sends = await sendsOf(subscriptionIds);
      expect(sends.map((s) => s.subscription_id).sort()).toEqual([...subscriptionIds].sort());
      expect(sends.every((s) => s.status === 'sent')).toBe(true);
      const lead = sends.find((s) => s.lead_send_id === null)!;
      expect(mail.messageId).toBe(`<${lead.id}@onramp.test>`);
      expect(sends.filter((s) => s.lead_send_id === lead.id)).toHaveLength(2);
      const events = await w.store.db
        .selectFrom('audit_event')
        .select(['subscription_id', 'action'])
        .where('subscription_id', 'in', subscriptionIds)
        .where('action', '=', 'provisioning_email.sent')
        .execute();
      expect(events).toHaveLength(3);

      // The one link sets up the whole order.
      const view = await openSetupLink(w.deps, tokenOf(mail));
      expect(view.lines.map((l) => l.subscriptionId)).toEqual(subscriptionIds);
    });

    it('lists all 30 lines of a 30-line order in one e-mail', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, Array<string>(30).fill('MEET-PRO'));
      const mail = onlyMailTo(contact.email);
      for (const id of subscriptionIds) expect(mail.text).toContain(id);
      expect(mail.html).toContain(subscriptionIds[29]);
    });

    it('groups lines per RSD day: lines starting on different days get an e-mail each', async () => {
      const contact = freshContact();
      const later = new Date(w.clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
      const { subscriptionIds } = await w.order({
        lines: [
          { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact },
          { offerCode: 'CALL-STD', quantity: 1, provisioningContact: contact },
          { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact, rsd: later },
        ],
      });
      const [a, b, c] = subscriptionIds as [string, string, string];
      // The worker was down for three days: both RSD days are due in one run, still two e-mails.
      await runDue(w.deps, { now: new Date(w.clock.now().getTime() + 3 * DAY), queueAt: w.clock.now() });
      await worker.drain();
      const mails = inbox.to(contact.email);
      expect(mails).toHaveLength(2);
      const first = mails.find((m) => m.text.includes(a))!;
      expect(first.text).toContain(b);
      expect(first.text).not.toContain(c);
      expect(mails.find((m) => m !== first)!.text).toContain(c);
    });
  });

  describe('later e-mails', () => {
    it('a resend on one line is one e-mail for all the contact’s lines; the first link still works', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'A-FLEX', 'CALL-STD']);
      const first = onlyMailTo(contact.email);
      const resent = await resendProvisioningEmail(w.deps, w.actors.alice, {
        subscriptionId: subscriptionIds[1]!,
      });
      expect(resent.subscriptionId).toBe(subscriptionIds[1]);
      expect(resent.alsoCovered.map((s) => s.subscriptionId).sort()).toEqual(
        [subscriptionIds[0]!, subscriptionIds[2]!].sort(),
      );
      await worker.drain();
      const mail = onlyMailTo(contact.email, 1);
      for (const id of subscriptionIds) expect(mail.text).toContain(id);
      expect(mail.text).toContain('replaces');
      await expect(openSetupLink(w.deps, tokenOf(first))).resolves.toMatchObject({
        provisioningContact: { email: contact.email },
      });
      await expect(openSetupLink(w.deps, tokenOf(mail))).resolves.toBeTruthy();
    });

    it('a bulk resend of two lines of one order sends one e-mail', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'CALL-STD']);
      const results = await bulkResendProvisioningEmail(w.deps, w.actors.alice, { subscriptionIds });
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      await worker.drain();
      expect(inbox.to(contact.email)).toHaveLength(2);
      const sends = await sendsOf(subscriptionIds);
      expect(sends.filter((s) => s.reason === 'resend')).toHaveLength(2);
      expect(sends.filter((s) => s.status === 'superseded')).toHaveLength(0);
    });

    it('"apply to all lines" sends the new contact one e-mail; the old contact’s link dies', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'A-FLEX', 'CALL-STD']);
      const old = onlyMailTo(contact.email);
      const next = freshContact('nora');
      await changeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionId: subscriptionIds[0]!,
        contact: next,
        applyToAllLines: true,
      });
      await worker.drain();
      const mail = onlyMailTo(next.email);
      for (const id of subscriptionIds) expect(mail.text).toContain(id);
      await expect(openSetupLink(w.deps, tokenOf(old))).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
        details: { reason: 'revoked', revokedReason: 'contact_change' },
      });
    });

    it('a change of one line keeps the old contact’s link for their other lines', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'CALL-STD']);
      const old = onlyMailTo(contact.email);
      const next = freshContact('nora');
      // The line whose send carried the e-mail (and its link) goes to someone else.
      await changeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionId: subscriptionIds[0]!,
        contact: next,
        applyToAllLines: false,
      });
      await worker.drain();
      const mail = onlyMailTo(next.email);
      expect(mail.text).toContain(subscriptionIds[0]);
      expect(mail.text).not.toContain(subscriptionIds[1]);
      await expect(openSetupLink(w.deps, tokenOf(old))).resolves.toMatchObject({
        provisioningContact: { email: contact.email },
      });
    });

    it('a bulk contact change of two lines of one order sends one e-mail', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'CALL-STD', 'A-FLEX']);
      const next = freshContact('nora');
      const results = await bulkChangeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionIds: [subscriptionIds[0]!, subscriptionIds[2]!],
        contact: next,
      });
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      await worker.drain();
      const mail = onlyMailTo(next.email);
      expect(mail.text).toContain(subscriptionIds[0]);
      expect(mail.text).toContain(subscriptionIds[2]);
      expect(mail.text).not.toContain(subscriptionIds[1]);
    });

    it('a delegation sends the colleague one e-mail for all the lines', async () => {
      const contact = freshContact();
      const { subscriptionIds } = await orderFor(contact, ['MEET-PRO', 'CALL-STD', 'A-FLEX']);
      const colleague = freshContact('luca');
      await delegateSetup(w.deps, tokenOf(onlyMailTo(contact.email)), colleague);
      await worker.drain();
      const mail = onlyMailTo(colleague.email);
      for (const id of subscriptionIds) expect(mail.text).toContain(id);
      expect(mail.text).toContain('Irene Conti');
    });
  });
});
