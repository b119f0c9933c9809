import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { type MapOrderInput, mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { AppError } from '../../src/domain/errors.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const carla = { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' as const };

describeEachStore('map order to organization (point of no return)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  async function awaitingOrder(lines = 2) {
    const placed = await w.order({
      lines: Array.from({ length: lines }, (_, i) => ({
        offerCode: i % 2 ? 'A-FLEX' : 'MEET-PRO',
        quantity: 5 + i,
        provisioningContact: { name: 'Irene', email: 'irene@initech.example', language: 'en' as const },
      })),
    });
    await runDue(w.deps);
    return placed;
  }

  it('maps every live line, revokes every link, and queues the welcome e-mail for a new customer admin', async () => {
    const { orderId, subscriptionIds } = await awaitingOrder(3);
    const mapped = await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { newOrganization: { name: 'Initech Srl', country: 'it' } },
      confirmedBy: { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' },
    });
    expect(mapped.subscriptionIds).toEqual(subscriptionIds);
    const org = await w.store.db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', mapped.organizationId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ kind: 'customer', country: 'IT', data_region: 'Europe' });
    const lines = await w.store.db
      .selectFrom('subscription_line')
      .selectAll()
      .where('order_id', '=', orderId)
      .execute();
    expect(
      lines.every(
        (l) => l.status === 'provisioned' && l.next_action_at === null && l.provisioned_at !== null,
      ),
    ).toBe(true);
    const live = await w.store.db
      .selectFrom('setup_token')
      .select('token_hash')
      .where('subscription_id', 'in', subscriptionIds)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toHaveLength(0);
    const admin = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', mapped.customerAdminUserId)
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({
      role: 'customer_admin',
      organization_id: mapped.organizationId,
      email: 'irene@initech.example',
    });
    const welcome = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('message_key', 'like', 'wel_%')
      .execute();
    expect(welcome.map((r) => (r.payload as { input: { to: { email: string } } }).input.to.email)).toContain(
      'irene@initech.example',
    );
  });

  it('refuses a country without a data region and writes nothing', async () => {
    const { orderId } = await awaitingOrder(1);
    await expect(
      mapOrderToOrganization(w.deps, {
        orderId,
        organization: { newOrganization: { name: 'Nowhere', country: 'ZZ' } },
        confirmedBy: carla,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const order = await w.store.db
      .selectFrom('purchase_order')
      .select('mapped_at')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order.mapped_at).toBeNull();
  });

  it('a second confirmation is refused as ALREADY_MAPPED', async () => {
    const { orderId } = await awaitingOrder(1);
    const input: MapOrderInput = {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: carla,
    };
    await mapOrderToOrganization(w.deps, input);
    await expect(mapOrderToOrganization(w.deps, input)).rejects.toMatchObject({ code: 'ALREADY_MAPPED' });
  });

  it('two confirmations at once map the order exactly once', async () => {
    const { orderId } = await awaitingOrder(2);
    const input: MapOrderInput = {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: carla,
    };
    const results = await Promise.allSettled([
      mapOrderToOrganization(w.deps, input),
      mapOrderToOrganization(w.deps, input),
      mapOrderToOrganization(w.deps, input),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ALREADY_MAPPED' });
    const events = await w.store.db
      .selectFrom('audit_event')
      .select('id')
      .where('order_id', '=', orderId)
      .where('action', '=', 'order.mapped')
      .execute();
    expect(events).toHaveLength(1);
  });

  describe('race: resends and contact changes against the mapping', () => {
    it('no send commits after the mapping; every refusal is PAST_PONR', async () => {
      for (let round = 0; round < 5; round++) {
        const { orderId, subscriptionIds } = await awaitingOrder(2);
        const sub = subscriptionIds[round % 2]!;
        const calls: Promise<unknown>[] = [];
        for (let i = 0; i < 12; i++) {
          calls.push(
            i % 3 === 2
              ? changeProvisioningContact(w.deps, w.actors.alice, {
                  subscriptionId: sub,
                  contact: { name: `C${i}`, email: `c${i}@initech.example`, language: 'en' },
                  applyToAllLines: i % 2 === 0,
                })
              : resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: sub }),
          );
          if (i === 6)
            calls.push(
              mapOrderToOrganization(w.deps, {
                orderId,
                organization: { organizationId: 'org_globex' },
                confirmedBy: carla,
              }),
            );
        }
        const results = await Promise.allSettled(calls);
        const refused = results
          .filter((r) => r.status === 'rejected')
          .map((r) => (r as PromiseRejectedResult).reason as AppError);
        expect(refused.every((e) => e instanceof AppError && e.code === 'PAST_PONR')).toBe(true);

        // The mapping revokes every token it can see under the order lock. A send committed
        // after it would have left a live token, or one revoked for another reason after the mapping.
        const order = await w.store.db
          .selectFrom('purchase_order')
          .select('mapped_at')
          .where('id', '=', orderId)
          .executeTakeFirstOrThrow();
        expect(order.mapped_at).not.toBeNull();
        const tokens = await w.store.db
          .selectFrom('setup_token')
          .selectAll()
          .where('subscription_id', 'in', subscriptionIds)
          .execute();
        expect(tokens.filter((t) => t.revoked_at === null && t.used_at === null)).toHaveLength(0);
        const sends = await w.store.db
          .selectFrom('provisioning_email')
          .select(['id', 'lead_send_id'])
          .where('subscription_id', 'in', subscriptionIds)
          .execute();
        // One link per e-mail: each e-mail's lead send carries one, its other lines share it.
        expect(tokens.length).toBe(sends.filter((s) => s.lead_send_id === null).length);
        // Resends to the same contact leave earlier links alive: the mapping revokes those still live.
        expect(tokens.filter((t) => t.revoked_reason === 'mapped').length).toBeGreaterThan(0);
        // Every accepted call wrote exactly one send (a contact change writes one per changed line).
        const accepted = results.filter((r) => r.status === 'fulfilled').length - 1; // minus the mapping
        expect(sends.length).toBeGreaterThanOrEqual(subscriptionIds.length + accepted);
      }
    });
  });
});
