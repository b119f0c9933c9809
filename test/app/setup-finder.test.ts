import { afterAll, beforeAll, expect, it } from 'vitest';

import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { confirmSetup } from '../../src/app/setup/confirm-setup.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { awaitingOrder, customerOrganization, freshContact, setupTokenOf } from './setup-fixtures.js';

describeEachStore('setup wizard: the organization finder', (kind) => {
  let w: World;
  const orgs: Record<string, string> = {};
  beforeAll(async () => {
    w = await createWorld(kind);
    // Both rules: name starts with "inite" (any case) and an admin at initech.example.
    orgs.both = await customerOrganization(w, 'Initech Italia', ['ugo@initech.example']);
    orgs.bothCase = await customerOrganization(w, 'INITECH s.p.a.', ['Vera@INITECH.Example']);
    // Name only: the admin is elsewhere.
    orgs.nameOnly = await customerOrganization(w, 'Initech Deutschland', ['hans@initech.de']);
    // Domain only: the name does not start with the same five letters.
    orgs.domainOnly = await customerOrganization(w, 'Umbrella Initech', ['zed@initech.example']);
    // Four letters in common are not five.
    orgs.fourLetters = await customerOrganization(w, 'Initially Ltd', ['ida@initech.example']);
    // The right name and domain, but no customer admin (only a partner user on that domain).
    orgs.noAdmin = await customerOrganization(w, 'Initech Roma', []);
    // A public mail provider's domain never counts.
    orgs.publicDomain = await customerOrganization(w, 'Initech Gmail', ['someone@gmail.com']);
  });
  afterAll(() => w.close());

  async function viewFor(contact = freshContact(), endCustomerName = 'Initech Srl') {
    const { subscriptionIds, orderId } = await awaitingOrder(w, [{ contact }], endCustomerName);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    return { view: await openSetupLink(w.deps, token), token, orderId };
  }

  it('lists only organizations matching the five letters AND the e-mail domain, and offers a new one', async () => {
    const { view } = await viewFor();
    expect(view.organizations.contactAccount).toBe('none');
    expect(view.organizations.yours).toBeNull();
    expect(view.organizations.suggested.map((o) => o.organizationId).sort()).toEqual(
      [orgs.both, orgs.bothCase].sort(),
    );
    expect(view.organizations.suggested[0]).toMatchObject({ country: 'IT', dataRegion: 'Europe' });
    expect(view.organizations).toMatchObject({ canCreate: true, newOrganizationName: 'Initech Srl' });
  });

  it('each suggestion shows its creation date, active subscriptions, administrators (counts only) and data region', async () => {
    w.clock.advance(60_000);
    const created = w.clock.now().toISOString();
    const admins = ['gio@initech.example', 'lia@initech.example', 'old@initech.example'];
    const live = await customerOrganization(w, 'Initech Live', admins);
    await w.store.db
      .updateTable('app_user')
      .set({ deactivated_at: w.clock.now() })
      .where('email', '=', admins[2]!)
      .execute();
    // Three licensed lines set up for it (one order), one cancelled line that does not count.
    const placed = await w.order({
      lines: [1, 2, 3, 4].map((q) => ({
        offerCode: 'MEET-PRO',
        quantity: q,
        provisioningContact: { name: 'Gio', email: admins[0]!, language: 'en' as const },
      })),
    });
    await w.store.db
      .updateTable('subscription_line')
      .set({ status: 'cancelled' })
      .where('subscription_id', '=', placed.subscriptionIds[3]!)
      .execute();
    await mapOrderToOrganization(w.deps, {
      orderId: placed.orderId,
      organization: { organizationId: live },
      confirmedBy: { name: 'Gio', email: admins[0]!, language: 'en' },
      requireAdmin: true,
    });
    const { view } = await viewFor();
    const offered = view.organizations.suggested.find((o) => o.organizationId === live);
    expect(offered).toEqual({
      organizationId: live,
      name: 'Initech Live',
      country: 'IT',
      dataRegion: 'Europe',
      createdAt: created,
      activeSubscriptions: 3,
      administrators: 2,
    });
    expect(view.organizations.suggested.find((o) => o.organizationId === orgs.both)).toMatchObject({
      activeSubscriptions: 0,
      administrators: 1,
    });
    // Never who the administrators are.
    for (const address of [...admins, 'ugo@initech.example'])
      expect(JSON.stringify(view.organizations)).not.toContain(address);
  });

  it('never matches on a public mail domain; a short name matches only itself', async () => {
    const { view } = await viewFor(freshContact('irene', 'gmail.com'));
    expect(view.organizations.suggested).toEqual([]);
    // A name shorter than five characters shares its first five only with the same name.
    const short = await customerOrganization(w, 'INIT', ['ines@initech.example']);
    const { view: other } = await viewFor(freshContact(), 'Init');
    expect(other.organizations.suggested.map((o) => o.organizationId)).toEqual([short]);
  });

  it('a prefix with LIKE wildcards matches literally', async () => {
    const odd = await customerOrganization(w, '100%_Z Corp', ['pat@percent.example']);
    const { view } = await viewFor(freshContact('kim', 'percent.example'), '100%_Zeta');
    expect(view.organizations.suggested.map((o) => o.organizationId)).toEqual([odd]);
    const { view: none } = await viewFor(freshContact('kim', 'percent.example'), '100ab');
    expect(none.organizations.suggested).toEqual([]);
  });

  it('a suggested organization is asked, not joined: the contact becomes an admin only on approval', async () => {
    const contact = freshContact();
    const { token, orderId } = await viewFor(contact);
    await expect(
      completeSetup(w.deps, token, { organization: { organizationId: orgs.both! } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const asked = await confirmSetup(w.deps, token, { organization: { organizationId: orgs.both! } });
    expect(asked).toMatchObject({
      outcome: 'join_requested',
      organizationId: orgs.both,
      administratorsAsked: 1,
    });
    const order = await w.store.db
      .selectFrom('purchase_order')
      .select('mapped_at')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order.mapped_at).toBeNull();
    const admin = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', contact.email)
      .executeTakeFirst();
    expect(admin).toBeUndefined();
  });

  it('refuses an organization the finder does not offer, as if it did not exist, and writes nothing', async () => {
    for (const id of [
      orgs.nameOnly,
      orgs.domainOnly,
      orgs.fourLetters,
      orgs.noAdmin,
      orgs.publicDomain,
      'org_acme',
    ]) {
      const { token, orderId } = await viewFor();
      await expect(
        completeSetup(w.deps, token, { organization: { organizationId: id! } }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const order = await w.store.db
        .selectFrom('purchase_order')
        .select('mapped_at')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(order.mapped_at).toBeNull();
    }
  });

  it("offers a customer admin their own organization only, whatever the order's name", async () => {
    const { view, token } = await viewFor(
      { name: 'Ugo', email: 'UGO@initech.example', language: 'en' },
      'Globex',
    );
    expect(view.organizations).toMatchObject({
      contactAccount: 'customer_admin',
      yours: { organizationId: orgs.both, name: 'Initech Italia', dataRegion: 'Europe' },
      suggested: [],
      canCreate: false,
    });
    await expect(
      completeSetup(w.deps, token, { organization: { newOrganization: { name: 'Globex', country: 'IT' } } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      completeSetup(w.deps, token, { organization: { organizationId: orgs.both! } }),
    ).resolves.toMatchObject({
      organizationId: orgs.both,
      welcomeEmailTo: 'UGO@initech.example',
    });
  });

  it('a partner user named as contact cannot map the order: they are told to delegate', async () => {
    const { view, token } = await viewFor({ name: 'Alice', email: w.actors.alice.email, language: 'en' });
    expect(view.organizations).toMatchObject({ contactAccount: 'other', suggested: [], canCreate: false });
    await expect(
      completeSetup(w.deps, token, { organization: { newOrganization: { name: 'Initech', country: 'IT' } } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'provisioningContact.email' }] },
    });
  });
});
