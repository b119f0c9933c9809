/**
 * Item 4: races at the point of no return, on the real PostgreSQL. A thousand resends and
 * contact changes, from twenty clients at once (one per pooled connection), hit ten orders in a
 * random interleaving with two setup confirmations (mappings) per order. Afterwards: no send committed after its order's mapping, no order mapped
 * twice, and every refused call was refused with PAST_PONR (no deadlock, no other error).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { AppError } from '../../src/domain/errors.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWorld, type World } from '../support/world.js';

const ORDERS = 10;
const CALLS = 1000;
/** Clients calling at once: as many as the pool has connections, so none waits for one. */
const CLIENTS = 20;
const carla = { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' as const };

let w: World;
beforeAll(async () => {
  w = await createWorld('postgres');
});
afterAll(() => w?.close());

it(`${CALLS} concurrent resends and contact changes against ${ORDERS * 2} setup confirmations`, async () => {
  const orders: { orderId: string; subscriptionIds: string[] }[] = [];
  for (let i = 0; i < ORDERS; i++)
    orders.push(
      await w.order({
        lines: [0, 1].map((l) => ({
          offerCode: 'MEET-PRO',
          quantity: 1,
          provisioningContact: {
            name: `Irene ${i}.${l}`,
            email: `irene${i}.${l}@initech.example`,
            language: 'en',
          },
        })),
      }),
    );
  await runDue(w.deps);

  type Call = { kind: 'change' | 'map'; orderId: string; run: () => Promise<unknown> };
  const calls: Call[] = [];
  for (let i = 0; i < CALLS; i++) {
    const order = orders[i % ORDERS]!;
    const subscriptionId = order.subscriptionIds[i % 2]!;
    calls.push({
      kind: 'change',
      orderId: order.orderId,
      run: () =>
        i % 3 === 0
          ? changeProvisioningContact(w.deps, w.actors.alice, {
              subscriptionId,
              contact: { name: `C${i}`, email: `c${i}@initech.example`, language: 'en' },
              applyToAllLines: i % 2 === 0,
            })
          : resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId }),
    });
  }
  for (const order of orders)
    for (let k = 0; k < 2; k++)
      calls.push({
        kind: 'map',
        orderId: order.orderId,
        run: () =>
          mapOrderToOrganization(w.deps, {
            orderId: order.orderId,
            organization: { organizationId: 'org_globex' },
            confirmedBy: carla,
          }),
      });
  // A random interleaving: the confirmations land anywhere in the storm.
  for (let i = calls.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [calls[i], calls[j]] = [calls[j]!, calls[i]!];
  }
  const results: PromiseSettledResult<unknown>[] = new Array(calls.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < calls.length; i = next++) {
        try {
          results[i] = { status: 'fulfilled', value: await calls[i]!.run() };
        } catch (reason) {
          results[i] = { status: 'rejected', reason };
        }
      }
    }),
  );

  const outcome = (kind: Call['kind']) => {
    const mine = results.filter((_, i) => calls[i]!.kind === kind);
    const refused = mine
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);
    return { accepted: mine.length - refused.length, refused };
  };
  const changes = outcome('change');
  const maps = outcome('map');
  const notPonr = changes.refused.filter((e) => !(e instanceof AppError && e.code === 'PAST_PONR'));
  const notAlreadyMapped = maps.refused.filter(
    (e) => !(e instanceof AppError && e.code === 'ALREADY_MAPPED'),
  );

  // Per order: one mapping event, and every send's audit entry before it (audit ids follow commit
  // order here: both sides hold the order's row lock while they write).
  const events = await w.store.db
    .selectFrom('audit_event')
    .select(['id', 'action', 'order_id'])
    .where('action', 'in', ['order.mapped', 'provisioning_email.queued', 'provisioning_contact.changed'])
    .execute();
  const linesOfOrder = new Map(orders.map((o) => [o.orderId, new Set(o.subscriptionIds)]));
  let doubleMappings = 0;
  let sendsAfterMapping = 0;
  for (const order of orders) {
    const mine = events.filter((e) => e.order_id === order.orderId);
    const mapped = mine.filter((e) => e.action === 'order.mapped');
    if (mapped.length !== 1) doubleMappings += Math.max(0, mapped.length - 1);
    const mappedAt = mapped[0]?.id ?? Infinity;
    sendsAfterMapping += mine.filter(
      (e) => e.action !== 'order.mapped' && Number(e.id) > Number(mappedAt),
    ).length;
  }
  const live = await w.store.db
    .selectFrom('setup_token')
    .select('subscription_id')
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .execute();
  const liveAfterMapping = live.filter((t) =>
    [...linesOfOrder.values()].some((s) => s.has(t.subscription_id)),
  );

  console.log(
    `[reliability] PONR races: ${CALLS} resends/contact changes + ${ORDERS * 2} confirmations on ${ORDERS} orders: ` +
      `${changes.accepted} committed before the mapping, ${changes.refused.length} refused (${notPonr.length} not PAST_PONR), ` +
      `${maps.accepted} mappings, ${doubleMappings} double mappings, ${sendsAfterMapping} sends after the mapping, ` +
      `${liveAfterMapping.length} live links after the mapping`,
  );
  expect(
    notPonr.map((e) => (e instanceof Error ? `${(e as { code?: string }).code}: ${e.message}` : e)),
  ).toEqual([]);
  expect(notAlreadyMapped).toEqual([]);
  expect(maps.accepted).toBe(ORDERS);
  expect(doubleMappings).toBe(0);
  expect(sendsAfterMapping).toBe(0);
  expect(liveAfterMapping).toEqual([]);
  expect(changes.refused.length).toBeGreaterThan(0);
  expect(changes.accepted).toBeGreaterThan(0);
});
