/**
 * Consent before joining (issue 20, item 1): a provisioning contact who picks an existing
 * organization they do not administer asks its administrators instead of joining it. Approve,
 * decline and expiry, end to end through a real SMTP socket on both stores: the e-mails are read
 * from the inbox and their links followed as an administrator would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { getOrder } from '../../src/app/orders/get-order.js';
import { getSubscription } from '../../src/app/orders/get-subscription.js';
import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { confirmSetup } from '../../src/app/setup/confirm-setup.js';
import { decideJoinRequestByLink } from '../../src/app/setup/decide-join-request.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { openJoinRequestLink } from '../../src/app/setup/open-join-request-link.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { runDue } from '../../src/jobs/run-due.js';
import { closeMailWorld, DAY, type MailWorld, openMailWorld } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { initechWithAdmins, joinTokenIn } from './join-fixtures.js';
import { awaitingOrder, freshContact, setupTokenOf } from './setup-fixtures.js';

describeEachStore('join requests: consent before joining an organization', (kind) => {
  let mw: MailWorld;
  let w: World;
  beforeAll(async () => {
    mw = await openMailWorld(kind);
    w = mw.w;
  });
  afterAll(() => closeMailWorld(mw));

  async function auditOf(organizationId: string) {
    return w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label', 'data'])
      .where('organization_id', '=', organizationId)
      .where('action', 'like', 'join_request.%')
      .orderBy('id')
      .execute();
  }

  const orderRow = (orderId: string) =>
    w.store.db.selectFrom('purchase_order').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();

  /** An order whose contact asked to join a fresh organization; its admins' e-mails delivered. */
  async function requested() {
    const org = await initechWithAdmins(w);
    const placed = await awaitingOrder(w, [{ quantity: 3 }, { quantity: 2 }]);
    const token = await setupTokenOf(w, placed.subscriptionIds[0]!);
    const done = await confirmSetup(w.deps, token, {
      organization: { organizationId: org.organizationId },
      confirmedBy: { name: 'Irene Conti' },
    });
    expect(done).toMatchObject({ outcome: 'join_requested', organizationId: org.organizationId });
    expect(await mw.worker.drain()).toMatchObject({ failed: 0 });
    const mails = org.admins.map((a) => mw.inbox.to(a));
    return { ...placed, org, token, mails };
  }

  it('an address of the same domain can no longer join silently', async () => {
    const org = await initechWithAdmins(w);
    const { orderId, subscriptionIds, contact } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    // The finder still suggests it; mapping to it directly is refused, and writes nothing.
    expect(
      (await openSetupLink(w.deps, token)).organizations.suggested.map((o) => o.organizationId),
    ).toContain(org.organizationId);
    await expect(
      completeSetup(w.deps, token, { organization: { organizationId: org.organizationId } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'organizationId' }] } });
    // The binding check under the order lock refuses a non-administrator too.
    await expect(
      mapOrderToOrganization(w.deps, {
        orderId,
        organization: { organizationId: org.organizationId },
        confirmedBy: contact,
        requireAdmin: true,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await orderRow(orderId)).mapped_at).toBeNull();
    const users = await w.store.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', contact.email)
      .execute();
    expect(users).toEqual([]);
  });

  it('asks every administrator by e-mail; the contact and the partner see the wait', async () => {
    const { org, orderId, token, mails, contact } = await requested();
    for (const [i, inbox] of mails.entries()) {
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.subject).toBe(`Irene Conti asks to join ${org.name}`);
      expect(inbox[0]!.text).toContain(contact.email);
      expect(inbox[0]!.text).toContain('becomes one of its administrators');
      expect(inbox[0]!.to).toEqual([org.admins[i]]);
    }
    // Each administrator has their own link; only its hash is stored.
    const [t1, t2] = mails.map((m) => joinTokenIn(m[0]!));
    expect(t1).not.toBe(t2);
    const stored = await w.store.db.selectFrom('join_request_link').select('token_hash').execute();
    expect(stored.some((r) => Buffer.from(r.token_hash).toString('utf8').includes(t1!))).toBe(false);

    const view = await openSetupLink(w.deps, token);
    expect(view.joinRequest).toMatchObject({
      organizationId: org.organizationId,
      organizationName: org.name,
    });
    const order = await getOrder(w.deps, w.actors.alice, orderId);
    expect(order.awaitingOrganizationApproval).toMatchObject({ expiresAt: view.joinRequest!.expiresAt });
    expect(order.mappedAt).toBeNull();
    const line = await getSubscription(w.deps, w.actors.alice, order.lines[0]!.subscriptionId);
    expect(line.awaitingOrganizationApproval).toEqual(order.awaitingOrganizationApproval);
    // The partner is not told which organization: it has not agreed to anything.
    expect(JSON.stringify(order)).not.toContain(org.name);
    expect(await auditOf(org.organizationId)).toMatchObject([
      { action: 'join_request.requested', actor_label: `Irene Conti <${contact.email}>` },
    ]);
  });

  it('approve: opening the link decides nothing; the POST maps, withdraws waiting e-mails, welcomes the contact', async () => {
    const { org, orderId, subscriptionIds, mails, contact } = await requested();
    const [approver, other] = mails.map((m) => joinTokenIn(m[0]!));
    // A scanner follows the link: a page, nothing decided.
    const page = await openJoinRequestLink(w.deps, approver!);
    expect(page).toMatchObject({ organizationName: org.name, contact: { email: contact.email } });
    expect((await orderRow(orderId)).mapped_at).toBeNull();
    // The partner resends meanwhile: that e-mail is still waiting when the approval comes.
    const resent = await resendProvisioningEmail(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
    });

    const decided = await decideJoinRequestByLink(w.deps, approver!, 'approve');
    expect(decided.mapped).toMatchObject({ orderId, organizationId: org.organizationId });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({
      customer_organization_id: org.organizationId,
      mapped_by_email: contact.email,
    });
    const admin = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', contact.email)
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ organization_id: org.organizationId, role: 'customer_admin' });
    const sends = await w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'status'])
      .where('subscription_id', 'in', subscriptionIds)
      .execute();
    expect(sends.find((s) => s.id === resent.sendId)).toMatchObject({ status: 'withdrawn' });

    await mw.worker.drain();
    expect(mw.inbox.messageIds()).not.toContain(`<${resent.sendId}@onramp.test>`);
    const welcome = mw.inbox.to(contact.email).filter((m) => m.subject.includes('is ready'));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.subject).toContain(org.name);

    // Single use, and the other administrator's link is answered too.
    for (const t of [approver!, other!])
      await expect(decideJoinRequestByLink(w.deps, t, 'decline')).rejects.toMatchObject({
        code: 'ALREADY_MAPPED',
      });
    expect((await getOrder(w.deps, w.actors.alice, orderId)).awaitingOrganizationApproval).toBeNull();
    expect((await auditOf(org.organizationId)).map((e) => e.action)).toEqual([
      'join_request.requested',
      'join_request.approved',
    ]);
    expect((await auditOf(org.organizationId))[1]!.actor_label).toBe(`Admin 0 <${org.admins[0]}>`);
  });

  it('decline: the contact is told by e-mail, and the setup link still works to choose again', async () => {
    const { org, orderId, token, mails, contact } = await requested();
    const decliner = joinTokenIn(mails[0]![0]!);
    const decided = await decideJoinRequestByLink(w.deps, decliner, 'decline');
    expect(decided).toMatchObject({ decision: 'decline', mapped: null });
    await expect(
      decideJoinRequestByLink(w.deps, joinTokenIn(mails[1]![0]!), 'approve'),
    ).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'used', revokedReason: 'join_declined' },
    });
    await mw.worker.drain();
    const told = mw.inbox.to(contact.email);
    expect(told.map((m) => m.subject)).toContain(
      `${org.name} declined your request (order ${(await orderRow(orderId)).web_order_id})`,
    );
    expect(told.at(-1)!.text).toContain('choose another organization or create a new one');

    const view = await openSetupLink(w.deps, token);
    expect(view.joinRequest).toBeNull();
    expect((await getOrder(w.deps, w.actors.alice, orderId)).awaitingOrganizationApproval).toBeNull();
    const created = await confirmSetup(w.deps, token, {
      organization: { newOrganization: { name: 'Initech Nuova', country: 'IT' } },
    });
    expect(created).toMatchObject({ outcome: 'mapped', orderId });
    expect((await auditOf(org.organizationId)).map((e) => e.action)).toEqual([
      'join_request.requested',
      'join_request.declined',
    ]);
  });

  it('changing one’s mind withdraws the earlier request', async () => {
    const { org, token } = await requested();
    const other = await initechWithAdmins(w);
    await confirmSetup(w.deps, token, { organization: { organizationId: other.organizationId } });
    expect((await openSetupLink(w.deps, token)).joinRequest).toMatchObject({
      organizationId: other.organizationId,
    });
    expect((await auditOf(org.organizationId)).map((e) => e.action)).toEqual([
      'join_request.requested',
      'join_request.withdrawn',
    ]);
    await mw.worker.drain();
  });

  it('a second contact cannot stack a request; once the partner names someone else, they can ask', async () => {
    const org = await initechWithAdmins(w);
    const [irene, nora] = [freshContact('irene'), freshContact('nora')];
    const placed = await awaitingOrder(w, [{ contact: irene }, { contact: nora }]);
    const [ireneLine, noraLine] = placed.subscriptionIds as [string, string];
    const [ireneToken, noraToken] = [await setupTokenOf(w, ireneLine), await setupTokenOf(w, noraLine)];
    const ask = (token: string) =>
      confirmSetup(w.deps, token, { organization: { organizationId: org.organizationId } });
    await ask(ireneToken);
    await expect(ask(noraToken)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    // Nora does not see Irene's request as hers.
    expect((await openSetupLink(w.deps, noraToken)).joinRequest).toBeNull();
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: ireneLine,
      contact: nora,
      applyToAllLines: false,
    });
    await expect(ask(noraToken)).resolves.toMatchObject({ outcome: 'join_requested' });
    expect((await auditOf(org.organizationId)).map((e) => e.action)).toEqual([
      'join_request.requested',
      'join_request.withdrawn',
      'join_request.requested',
    ]);
    await mw.worker.drain();
  });

  describe('expiry', () => {
    it('reminds the administrators two days before, then expires and tells the contact', async () => {
      const { org, orderId, token, mails, contact } = await requested();
      w.clock.advance(5 * DAY + 1);
      await runDue(w.deps);
      await mw.worker.drain();
      for (const a of org.admins) {
        const got = mw.inbox.to(a);
        expect(got.map((m) => m.subject)).toEqual([
          `Irene Conti asks to join ${org.name}`,
          `Reminder: Irene Conti asks to join ${org.name}`,
        ]);
      }
      // The reminder's link works as well as the first.
      const reminderToken = joinTokenIn(mw.inbox.to(org.admins[0]!)[1]!);
      await expect(openJoinRequestLink(w.deps, reminderToken)).resolves.toMatchObject({
        organizationName: org.name,
      });

      w.clock.advance(2 * DAY);
      // Past the end, a link is refused even before the due loop ran.
      await expect(
        decideJoinRequestByLink(w.deps, joinTokenIn(mails[0]![0]!), 'approve'),
      ).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
        details: { reason: 'expired' },
      });
      await runDue(w.deps);
      await mw.worker.drain();
      const told = mw.inbox.to(contact.email).map((m) => m.subject);
      expect(told).toContain(
        `Your request to join ${org.name} expired (order ${(await orderRow(orderId)).web_order_id})`,
      );
      expect((await orderRow(orderId)).mapped_at).toBeNull();
      expect((await openSetupLink(w.deps, token)).joinRequest).toBeNull();
      const audit = await auditOf(org.organizationId);
      expect(audit.map((e) => e.action)).toEqual(['join_request.requested', 'join_request.expired']);
      expect(audit[1]!.actor_label).toBe('Onramp');
      // A second run sends nothing more.
      const before = mw.inbox.received.length;
      await runDue(w.deps);
      await mw.worker.drain();
      expect(mw.inbox.received.length).toBe(before);
    });
  });
});
