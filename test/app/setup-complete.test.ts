import { afterAll, beforeAll, expect, it } from 'vitest';

import { cancelLine } from '../../src/app/lines/cancel-line.js';
import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { getSetupOutcome } from '../../src/app/setup/get-setup-outcome.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { awaitingOrder, freshContact, setupTokenOf } from './setup-fixtures.js';

const DAY = 86_400_000;
const newOrg = (name = 'Initech Srl', country = 'IT') => ({ newOrganization: { name, country } });

describeEachStore('setup wizard: open the link and confirm (PONR)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const orderRow = (orderId: string) =>
    w.store.db.selectFrom('purchase_order').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
  const linesOf = (orderId: string) =>
    w.store.db
      .selectFrom('subscription_line')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute();

  it('opens a live link: the order, the lines to map, the finder and the countries with their regions', async () => {
    const { subscriptionIds, contact } = await awaitingOrder(w, [
      { quantity: 25 },
      { offerCode: 'A-FLEX', quantity: 3 },
      {},
    ]);
    await cancelLine(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[2]! });
    const view = await openSetupLink(w.deps, await setupTokenOf(w, subscriptionIds[0]!));
    expect(view.order).toMatchObject({ endCustomerName: 'Initech Srl', partnerName: 'Acme Reseller' });
    expect(view.provisioningContact).toEqual(contact);
    expect(view.lines.map((l) => [l.subscriptionId, l.offerName, l.quantity])).toEqual([
      [subscriptionIds[0], 'Meetings Pro', 25],
      [subscriptionIds[1], 'Active Flex', 3],
    ]);
    expect(view.organizations).toMatchObject({
      contactAccount: 'none',
      canCreate: true,
      newOrganizationName: 'Initech Srl',
    });
    expect(view.countries).toContainEqual({ country: 'IT', dataRegion: 'Europe' });
    expect(view.countries).toContainEqual({ country: 'JP', dataRegion: 'Asia-Pacific' });
  });

  it('confirms with a new organization: maps every line, uses the link up, queues the welcome e-mail', async () => {
    const { orderId, subscriptionIds, contact } = await awaitingOrder(w, [
      {},
      { offerCode: 'CALL-STD', contact: freshContact('olga') },
    ]);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    const other = await setupTokenOf(w, subscriptionIds[1]!);
    const done = await completeSetup(w.deps, token, {
      organization: newOrg('Initech Milano', 'it'),
      confirmedBy: { name: 'Irene C.', language: 'it' },
    });
    expect(done).toMatchObject({ orderId, subscriptionIds, welcomeEmailTo: contact.email });
    const org = await w.store.db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', done.organizationId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      name: 'Initech Milano',
      country: 'IT',
      data_region: 'Europe',
      kind: 'customer',
    });
    expect((await linesOf(orderId)).map((l) => l.status)).toEqual(['provisioned', 'provisioned']);
    expect(await orderRow(orderId)).toMatchObject({
      customer_organization_id: done.organizationId,
      mapped_by_email: contact.email,
    });
    const admin = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', done.customerAdminUserId)
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ name: 'Irene C.', language: 'it', role: 'customer_admin' });

    await expect(openSetupLink(w.deps, token)).rejects.toMatchObject({
      code: 'ALREADY_MAPPED',
      details: { linkUsed: true },
    });
    await expect(getSetupOutcome(w.deps, token)).resolves.toMatchObject({
      organization: { name: 'Initech Milano', dataRegion: 'Europe' },
      confirmedByEmail: contact.email,
      awaitingPassword: true,
    });
    // The other contact's link died with the mapping: it tells its holder the order is set up.
    await expect(openSetupLink(w.deps, other)).rejects.toMatchObject({
      code: 'ALREADY_MAPPED',
      details: { linkUsed: false },
    });
    await expect(completeSetup(w.deps, token, { organization: newOrg() })).rejects.toMatchObject({
      code: 'ALREADY_MAPPED',
    });
  });

  it('a resend while the contact is in the wizard: Confirm with the first link still succeeds', async () => {
    const { orderId, subscriptionIds } = await awaitingOrder(w);
    const inWizard = await setupTokenOf(w, subscriptionIds[0]!);
    await openSetupLink(w.deps, inWizard);
    // The partner resends meanwhile (and the reminder would do the same): a new e-mail, a new link.
    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[0]! });
    const newer = await setupTokenOf(w, subscriptionIds[0]!);
    expect(newer).not.toBe(inWizard);
    const done = await completeSetup(w.deps, inWizard, { organization: newOrg('Initech Wizard', 'IT') });
    expect(done.orderId).toBe(orderId);
    // The newer link now points to the admin portal, like every link of a set-up order.
    await expect(openSetupLink(w.deps, newer)).rejects.toMatchObject({ code: 'ALREADY_MAPPED' });
  });

  it('refuses a country without a data region, an empty name, or no choice, and writes nothing', async () => {
    const { orderId, subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    await expect(
      completeSetup(w.deps, token, { organization: newOrg('Initech', 'ZZ') }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'newOrganization.country' }] },
    });
    await expect(completeSetup(w.deps, token, { organization: newOrg('  ', 'IT') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'newOrganization.name' }] },
    });
    await expect(
      completeSetup(w.deps, token, { organization: { organizationId: 'org_nope' } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await orderRow(orderId)).mapped_at).toBeNull();
    await expect(openSetupLink(w.deps, token)).resolves.toBeDefined();
  });

  it('a resend leaves the link alive; it says why a link is dead: contact change, cancelled, unknown', async () => {
    // Three contacts, so three links: a link is the order's, held by its address.
    const { subscriptionIds } = await awaitingOrder(w, [
      {},
      { contact: freshContact('bea') },
      { contact: freshContact('carl') },
    ]);
    const [a, b, c] = await Promise.all(subscriptionIds.map((s) => setupTokenOf(w, s)));
    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[0]! });
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[1]!,
      contact: { name: 'Nora', email: 'nora@initech.example', language: 'en' },
      applyToAllLines: false,
    });
    await cancelLine(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[2]! });
    const refusal = (token: string) =>
      openSetupLink(w.deps, token).catch((e: { code: string; details: unknown }) => e);
    // Resent to the same contact: the first e-mail's link still opens the wizard.
    await expect(openSetupLink(w.deps, a!)).resolves.toBeDefined();
    expect(await refusal(b!)).toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'revoked', revokedReason: 'contact_change' },
    });
    expect(await refusal(c!)).toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'revoked', revokedReason: 'cancelled' },
    });
    expect(await refusal('x'.repeat(43))).toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'unknown' },
    });
    expect(await refusal('short')).toMatchObject({ code: 'TOKEN_INVALID', details: { reason: 'unknown' } });
    // And so does the resent one.
    await expect(openSetupLink(w.deps, await setupTokenOf(w, subscriptionIds[0]!))).resolves.toBeDefined();
  });

  it('race: two tabs confirm at once, another contact confirms, a resend runs: exactly one mapping, no e-mail after it', async () => {
    for (let round = 0; round < 4; round++) {
      const { orderId, subscriptionIds } = await awaitingOrder(w, [
        {},
        { contact: { name: 'Olga', email: `olga${round}@initech.example` } },
      ]);
      const irene = await setupTokenOf(w, subscriptionIds[0]!);
      const olga = await setupTokenOf(w, subscriptionIds[1]!);
      const results = await Promise.allSettled([
        completeSetup(w.deps, irene, { organization: newOrg(`Initech tab A ${round}`) }),
        completeSetup(w.deps, irene, { organization: newOrg(`Initech tab B ${round}`) }),
        completeSetup(w.deps, olga, { organization: newOrg(`Initech Olga ${round}`) }),
        resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[1]! }),
      ]);
      const completes = results.slice(0, 3);
      expect(completes.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of completes.filter((r) => r.status === 'rejected'))
        expect(['ALREADY_MAPPED', 'TOKEN_INVALID']).toContain((r as PromiseRejectedResult).reason.code);
      const resend = results[3]!;
      if (resend.status === 'rejected') expect(resend.reason).toMatchObject({ code: 'PAST_PONR' });

      const mapped = await w.store.db
        .selectFrom('audit_event')
        .select('id')
        .where('order_id', '=', orderId)
        .where('action', '=', 'order.mapped')
        .execute();
      expect(mapped).toHaveLength(1);
      expect(
        await w.store.db
          .selectFrom('organization')
          .select('id')
          .where('name', 'like', `Initech % ${round}`)
          .execute(),
      ).toHaveLength(1);
      // The welcome e-mail is the last e-mail this order queued: no provisioning e-mail after it.
      const outbox = await w.store.db
        .selectFrom('outbox as o')
        .leftJoin('provisioning_email as s', 's.id', 'o.send_id')
        .select(['o.id', 'o.message_key', 's.subscription_id'])
        .where((eb) =>
          eb.or([eb('s.subscription_id', 'in', subscriptionIds), eb('o.message_key', 'like', 'wel_%')]),
        )
        .orderBy('o.id')
        .execute();
      const welcome = outbox.filter((r) => r.message_key.startsWith('wel_')).at(-1)!;
      expect(outbox.filter((r) => r.subscription_id && r.id > welcome.id)).toEqual([]);
      // And none queued before it is still waiting to go out with a dead link.
      const pending = await w.store.db
        .selectFrom('outbox as o')
        .innerJoin('provisioning_email as s', 's.id', 'o.send_id')
        .select('o.id')
        .where('s.subscription_id', 'in', subscriptionIds)
        .where('o.status', '=', 'pending')
        .execute();
      expect(pending).toEqual([]);
      const live = await w.store.db
        .selectFrom('setup_token')
        .select('token_hash')
        .where('subscription_id', 'in', subscriptionIds)
        .where('revoked_at', 'is', null)
        .where('used_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
    }
  });

  // Last: it moves the clock far ahead.
  it('an expired link says so', async () => {
    const { subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    w.clock.advance(91 * DAY);
    await expect(openSetupLink(w.deps, token)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'expired' },
    });
    await expect(completeSetup(w.deps, token, { organization: newOrg() })).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'expired' },
    });
  });
});
