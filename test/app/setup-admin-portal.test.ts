import { afterAll, beforeAll, expect, it } from 'vitest';

import { verifyPassword } from '../../src/app/identity/hash-password.js';
import { openPasswordLink } from '../../src/app/identity/open-password-link.js';
import { setPassword as setCustomerAdminPassword } from '../../src/app/identity/set-password.js';
import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { getCustomerOrganization } from '../../src/app/setup/get-customer-organization.js';
import { getSetupOutcome } from '../../src/app/setup/get-setup-outcome.js';
import type { Actor } from '../../src/domain/types.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { awaitingOrder, passwordTokenOf, setupTokenOf } from './setup-fixtures.js';

const DAY = 86_400_000;
const PASSWORD = 'a long and unguessable phrase';

describeEachStore('customer admin: set password from the welcome e-mail, admin portal', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  /** An order set up by its contact into a new organization; returns the contact and the mapping. */
  async function setUp(lines = [{}], country = 'IT') {
    const placed = await awaitingOrder(w, lines);
    const setupToken = await setupTokenOf(w, placed.subscriptionIds[0]!);
    const done = await completeSetup(w.deps, setupToken, {
      organization: { newOrganization: { name: `Initech ${placed.webOrderId}`, country } },
    });
    return { ...placed, done, setupToken };
  }

  const actorOf = async (userId: string): Promise<Actor> => {
    const u = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', userId)
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

  it('the welcome link sets a password once (scrypt), then is used up', async () => {
    const { contact, done, setupToken } = await setUp();
    const token = await passwordTokenOf(w, contact.email);
    await expect(openPasswordLink(w.deps, token)).resolves.toMatchObject({
      email: contact.email,
      userId: done.customerAdminUserId,
    });
    await expect(setCustomerAdminPassword(w.deps, { token, password: 'too short' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'password' }] },
    });

    const results = await Promise.allSettled([
      setCustomerAdminPassword(w.deps, { token, password: PASSWORD }),
      setCustomerAdminPassword(w.deps, { token, password: `${PASSWORD}!` }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const user = await w.store.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', done.customerAdminUserId)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$/);
    const winner = results[0]!.status === 'fulfilled' ? PASSWORD : `${PASSWORD}!`;
    expect(await verifyPassword(winner, user.password_hash!)).toBe(true);
    await expect(openPasswordLink(w.deps, token)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'used' },
    });
    await expect(openPasswordLink(w.deps, 'z'.repeat(43))).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'unknown' },
    });
    // The setup link's outcome now says to sign in rather than to look for the welcome e-mail.
    await expect(getSetupOutcome(w.deps, setupToken)).resolves.toMatchObject({ awaitingPassword: false });
  });

  it('a second setup by the same admin sends no new welcome e-mail once they have a password', async () => {
    const { contact, done } = await setUp();
    await setCustomerAdminPassword(w.deps, {
      token: await passwordTokenOf(w, contact.email),
      password: PASSWORD,
    });
    const second = await awaitingOrder(w, [{ contact }]);
    const token = await setupTokenOf(w, second.subscriptionIds[0]!);
    const again = await completeSetup(w.deps, token, {
      organization: { organizationId: done.organizationId },
    });
    expect(again.welcomeEmailTo).toBeNull();
    await expect(getSetupOutcome(w.deps, token)).resolves.toMatchObject({ awaitingPassword: false });
  });

  it('the admin portal shows the organization, its region, subscriptions, licences and partner', async () => {
    const { done, webOrderId, subscriptionIds } = await setUp(
      [{ quantity: 7 }, { offerCode: 'A-FLEX', quantity: 3 }, { quantity: 5 }],
      'JP',
    );
    const overview = await getCustomerOrganization(w.deps, await actorOf(done.customerAdminUserId));
    expect(overview.organization).toMatchObject({
      id: done.organizationId,
      country: 'JP',
      dataRegion: 'Asia-Pacific',
    });
    expect(overview.subscriptions.map((s) => [s.subscriptionId, s.webOrderId, s.quantity, s.status])).toEqual(
      [
        [subscriptionIds[0], webOrderId, 7, 'provisioned'],
        [subscriptionIds[1], webOrderId, 3, 'provisioned'],
        [subscriptionIds[2], webOrderId, 5, 'provisioned'],
      ],
    );
    expect(overview.licences).toEqual([
      { offerCode: 'A-FLEX', offerName: 'Active Flex', quantity: 3 },
      { offerCode: 'MEET-PRO', offerName: 'Meetings Pro', quantity: 12 },
    ]);
    expect(overview.partners).toEqual([
      {
        name: 'Acme Reseller',
        kind: 'partner',
        contacts: [{ name: 'Alice Rossi', email: w.actors.alice.email }],
      },
    ]);
    await expect(getCustomerOrganization(w.deps, w.actors.alice)).rejects.toMatchObject({
      code: 'NO_ACCESS',
    });
    // Carla administers another organization: she sees none of this.
    const carla = await getCustomerOrganization(w.deps, w.actors.carla);
    expect(carla.subscriptions).toEqual([]);
  });

  // Last: it moves the clock.
  it('an expired welcome link says so', async () => {
    const { contact } = await setUp();
    const token = await passwordTokenOf(w, contact.email);
    w.clock.advance(8 * DAY);
    await expect(setCustomerAdminPassword(w.deps, { token, password: PASSWORD })).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'expired' },
    });
  });
});
