/**
 * Partner-led setup (issue 20, item 2): a provisioning contact who is staff of the partner that
 * placed the order sets it up on the customer's behalf. End to end through a real SMTP socket on
 * both stores: the invitation is read from the inbox and accepted as the customer's admin would.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { acceptInvitation } from '../../src/app/identity/accept-invitation.js';
import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { getSubscription } from '../../src/app/orders/get-subscription.js';
import { getCustomerOrganization } from '../../src/app/setup/get-customer-organization.js';
import { getCustomerSetupOutcome } from '../../src/app/setup/get-customer-setup-outcome.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { setUpForCustomer } from '../../src/app/setup/set-up-for-customer.js';
import type { Actor } from '../../src/domain/types.js';
import { closeMailWorld, type MailWorld, openMailWorld } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { awaitingOrder, freshContact, setupTokenOf } from './setup-fixtures.js';

describeEachStore('partner-led setup', (kind) => {
  let mw: MailWorld;
  let w: World;
  beforeAll(async () => {
    mw = await openMailWorld(kind);
    w = mw.w;
  });
  afterAll(() => closeMailWorld(mw));

  const marco = () => ({ name: 'Marco Bianchi', email: w.actors.marco.email, language: 'en' as const });
  let adminSeq = 0;
  const newAdmin = () => ({
    name: 'Nadia Ferri',
    email: `nadia.${process.pid}.${++adminSeq}@initech.example`,
    language: 'it' as const,
  });

  /** An order of Acme's whose provisioning contact is Marco, of Acme, with its e-mail sent. */
  async function staffOrder() {
    const placed = await awaitingOrder(w, [
      { quantity: 4, contact: marco() },
      { quantity: 2, contact: marco() },
    ]);
    // Read from the outbox before it is sent (a sent message keeps no secrets).
    const token = await setupTokenOf(w, placed.subscriptionIds[0]!);
    await mw.worker.drain();
    return { ...placed, token };
  }

  const orderRow = (orderId: string) =>
    w.store.db.selectFrom('purchase_order').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();

  const actorOf = async (email: string): Promise<Actor> => {
    const u = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return {
      userId: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      organizationId: u.organization_id,
      language: u.language,
    };
  };

  it('partner staff are offered it; a customer contact is not, and is refused', async () => {
    const { token } = await staffOrder();
    expect((await openSetupLink(w.deps, token)).partnerStaff).toEqual({
      name: 'Marco Bianchi',
      organizationName: 'Acme Reseller',
    });
    const customer = await awaitingOrder(w);
    const customerToken = await setupTokenOf(w, customer.subscriptionIds[0]!);
    expect((await openSetupLink(w.deps, customerToken)).partnerStaff).toBeNull();
    await expect(
      setUpForCustomer(w.deps, customerToken, {
        organization: { name: 'Initech', country: 'IT' },
        admin: newAdmin(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await orderRow(customer.orderId)).mapped_at).toBeNull();
    // Staff of another partner are not staff of this order: Bob (Brightlink) is a customer contact here.
    const bobs = await awaitingOrder(w, [{ contact: { name: 'Bob Smith', email: w.actors.bob.email } }]);
    expect(
      (await openSetupLink(w.deps, await setupTokenOf(w, bobs.subscriptionIds[0]!))).partnerStaff,
    ).toBeNull();
  });

  it('maps the order, invites the named admin; the partner person is no admin; audit and timeline say so', async () => {
    const { token, orderId, subscriptionIds, webOrderId } = await staffOrder();
    const admin = newAdmin();
    const done = await setUpForCustomer(w.deps, token, {
      organization: { name: 'Initech Milano', country: 'it' },
      admin,
    });
    expect(done).toMatchObject({
      orderId,
      organizationName: 'Initech Milano',
      invited: { email: admin.email },
    });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ customer_organization_id: done.organizationId });
    expect(order.mapped_at).not.toBeNull();
    const org = await w.store.db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', done.organizationId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ kind: 'customer', country: 'IT', data_region: 'Europe' });
    const lines = await w.store.db
      .selectFrom('subscription_line')
      .select('status')
      .where('order_id', '=', orderId)
      .execute();
    expect(lines.map((l) => l.status)).toEqual(['provisioned', 'provisioned']);

    // Nobody at the new organization yet; Marco is still Acme's and only Acme's.
    const users = await w.store.db
      .selectFrom('app_user')
      .select(['email', 'organization_id'])
      .where('organization_id', '=', done.organizationId)
      .execute();
    expect(users).toEqual([]);
    expect((await actorOf(w.actors.marco.email)).organizationId).toBe('org_acme');

    // The invitation reaches the admin (Italian, naming Marco and Acme); no welcome e-mail to Marco.
    expect(await mw.worker.drain()).toMatchObject({ failed: 0 });
    const invited = mw.inbox.to(admin.email);
    expect(invited).toHaveLength(1);
    expect(invited[0]!.text).toContain('Initech Milano');
    expect(invited[0]!.text).toContain('Marco Bianchi (Acme Reseller)');
    expect(mw.inbox.to(w.actors.marco.email).filter((m) => m.subject.includes('Initech Milano'))).toEqual([]);

    // Audit trail of the organization, and the line history.
    const audit = await w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label', 'data'])
      .where('organization_id', '=', done.organizationId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['organization.set_up_by_partner', 'invitation.created']);
    expect(audit[0]).toMatchObject({
      actor_label: `Marco Bianchi <${w.actors.marco.email}>`,
      data: { orderId, webOrderId, partner: 'Acme Reseller', administratorInvited: { email: admin.email } },
    });
    const detail = await getSubscription(w.deps, w.actors.alice, subscriptionIds[1]!);
    expect(detail.timeline.find((e) => e.action === 'order.mapped')).toMatchObject({
      actor: `Marco Bianchi <${w.actors.marco.email}>`,
      data: { setUpBy: { organization: 'Acme Reseller', user: `Marco Bianchi <${w.actors.marco.email}>` } },
    });
    expect(await getCustomerSetupOutcome(w.deps, token)).toMatchObject({
      webOrderId,
      organization: { name: 'Initech Milano' },
      invitedEmail: admin.email,
    });

    // The admin accepts and sees the organization and its subscriptions in the admin portal.
    const link = invited[0]!.links.find((l) => l.includes('/invitations/'))!;
    const accepted = await acceptInvitation(w.deps, link.slice(link.lastIndexOf('/') + 1), {
      name: admin.name,
      password: 'a long enough password',
    });
    expect(accepted).toMatchObject({ organizationId: done.organizationId, role: 'customer_admin' });
    const overview = await getCustomerOrganization(w.deps, await actorOf(admin.email));
    expect(overview.organization).toMatchObject({ id: done.organizationId, name: 'Initech Milano' });
    expect(overview.subscriptions.map((s) => s.subscriptionId).sort()).toEqual([...subscriptionIds].sort());
    // Marco has no view of it.
    await expect(getCustomerOrganization(w.deps, w.actors.marco)).rejects.toMatchObject({
      code: 'NO_ACCESS',
    });
  });

  it('is the point of no return: a second confirm, resend and contact change are refused; nothing else is sent', async () => {
    const { token, orderId, subscriptionIds } = await staffOrder();
    // A resend waiting in the outbox when the partner confirms is withdrawn by the mapping.
    const resent = await resendProvisioningEmail(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
    });
    await setUpForCustomer(w.deps, token, {
      organization: { name: 'Initech Roma', country: 'IT' },
      admin: newAdmin(),
    });
    await mw.worker.drain();
    expect(mw.inbox.messageIds()).not.toContain(`<${resent.sendId}@onramp.test>`);
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .select('status')
      .where('id', '=', resent.sendId!)
      .executeTakeFirstOrThrow();
    expect(send.status).toBe('withdrawn');

    await expect(
      setUpForCustomer(w.deps, token, {
        organization: { name: 'Initech Due', country: 'IT' },
        admin: newAdmin(),
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_MAPPED' });
    await expect(
      resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[0]! }),
    ).rejects.toMatchObject({ code: 'PAST_PONR' });
    await expect(
      changeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionId: subscriptionIds[1]!,
        contact: freshContact(),
        applyToAllLines: false,
      }),
    ).rejects.toMatchObject({ code: 'PAST_PONR' });
    const orgs = await w.store.db
      .selectFrom('organization')
      .select('name')
      .where('name', 'like', 'Initech Due%')
      .execute();
    expect(orgs).toEqual([]);
    expect((await orderRow(orderId)).mapped_at).not.toBeNull();
  });

  it('refuses an administrator at the partner, and a country without a data region; writes nothing', async () => {
    const { token, orderId } = await staffOrder();
    await expect(
      setUpForCustomer(w.deps, token, { organization: { name: 'Initech', country: 'IT' }, admin: marco() }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'admin.email' }] } });
    await expect(
      setUpForCustomer(w.deps, token, {
        organization: { name: 'Initech', country: 'IT' },
        admin: { name: 'Paola', email: w.actors.paola.email, language: 'en' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'admin.email' }] } });
    await expect(
      setUpForCustomer(w.deps, token, {
        organization: { name: 'Initech', country: 'XX' },
        admin: newAdmin(),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'organization.country' }] },
    });
    expect((await orderRow(orderId)).mapped_at).toBeNull();
  });
});
