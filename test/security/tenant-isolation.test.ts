/**
 * Item 6: tenant isolation, property-based. fast-check generates organizations (partners,
 * distributors, customers), users with random roles in them, and orders (some via a distributor,
 * some mapped to a customer); then every user tries every API read and write on every order.
 * The expected access comes from the rules as the README states them (written out here, not
 * borrowed from src/domain/access.ts): placer, admin of the placing partner, users of the order's
 * distributor and support agents act; an admin of the mapped customer reads; nobody else sees
 * anything. Colleagues of the placer (and a customer admin asked to change) get NO_ACCESS naming
 * the placer to colleagues only; users of other organizations get NOT_FOUND with the very body a
 * missing order or line gets (issue 18: no existence oracle). Refusals leak nothing else and
 * write nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { placeOrder, placeOrderSchema } from '../../src/app/orders/place-order.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import type { Actor, Role } from '../../src/domain/types.js';
import { runDue } from '../../src/jobs/run-due.js';
import { type Api, apiOf, checkedRequest, rowCounts } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const ROLES: Role[] = [
  'partner_user',
  'partner_admin',
  'distributor_user',
  'customer_admin',
  'support_agent',
];

const universeArb = fc.record({
  partners: fc.integer({ min: 1, max: 3 }),
  distributors: fc.integer({ min: 0, max: 2 }),
  customers: fc.integer({ min: 1, max: 2 }),
  users: fc.array(fc.record({ role: fc.constantFrom(...ROLES), org: fc.nat(5) }), {
    minLength: 1,
    maxLength: 7,
  }),
  orders: fc.array(
    fc.record({
      placer: fc.nat(7),
      distributor: fc.option(fc.nat(2), { nil: null }),
      mappedTo: fc.option(fc.nat(2), { nil: null }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

type Universe = typeof universeArb extends fc.Arbitrary<infer T> ? T : never;

interface TestUser {
  actor: Actor;
  token: string;
}
interface TestOrder {
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  contactEmail: string;
  subscriptionIds: string[];
  partnerId: string;
  distributorId: string | null;
  placedBy: TestUser;
  customerId: string | null;
}

type Access = 'act' | 'read' | 'none';

/** The README's rules, restated. */
function expectedAccess(user: Actor, order: TestOrder): Access {
  if (user.role === 'support_agent') return 'act';
  if (user.userId === order.placedBy.actor.userId) return 'act';
  if (user.role === 'partner_admin' && user.organizationId === order.partnerId) return 'act';
  if (user.role === 'distributor_user' && user.organizationId === order.distributorId) return 'act';
  if (user.role === 'customer_admin' && user.organizationId === order.customerId) return 'read';
  return 'none';
}

describeEachStore('tenant isolation (property-based)', (kind) => {
  let w: World;
  let api: Api;
  let run = 0;
  const figures = { runs: 0, users: 0, orders: 0, requests: 0, refusals: 0, leaks: 0 };
  beforeAll(async () => {
    w = await createWorld(kind);
    w.deps.settings.rateLimits = {
      signInPerAddress: { limit: 1e6, windowMs: 60_000 },
      signInPerIp: { limit: 1e6, windowMs: 60_000 },
      resendPerUser: { limit: 1e6, windowMs: 60_000 },
    };
    api = apiOf(w);
  });
  afterAll(async () => {
    console.log(
      `[security] tenant isolation [${kind}]: ${figures.runs} generated universes, ${figures.users} users, ` +
        `${figures.orders} orders, ${figures.requests} API requests, ${figures.refusals} refusals, ${figures.leaks} leaks`,
    );
    await w.close();
  });

  async function build(u: Universe) {
    const r = `r${++run}`;
    const now = w.clock.now();
    const orgs = (kind: 'partner' | 'distributor' | 'customer', n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `org_${r}_${kind}${i}`, kind, name: `${kind} ${r} ${i}` }));
    const partners = orgs('partner', u.partners);
    const distributors = orgs('distributor', u.distributors);
    const customers = orgs('customer', u.customers);
    await w.store.db
      .insertInto('organization')
      .values(
        [...partners, ...distributors, ...customers].map((o) => ({
          ...o,
          created_at: now,
          ...(o.kind === 'customer' ? { country: 'IT', data_region: 'Europe' } : {}),
        })),
      )
      .execute();
    // The first user always places orders: a partner user of the first partner.
    const specs = [{ role: 'partner_user' as Role, org: 0 }, ...u.users];
    const users: TestUser[] = specs.map((s, i) => {
      const role: Role = s.role === 'distributor_user' && distributors.length === 0 ? 'partner_user' : s.role;
      const pool =
        role === 'support_agent'
          ? [{ id: 'org_ops' }]
          : role === 'distributor_user'
            ? distributors
            : role === 'customer_admin'
              ? customers
              : partners;
      const organizationId = pool[s.org % pool.length]!.id;
      return {
        actor: {
          userId: `usr_${r}_${i}`,
          name: `User ${r} ${i}`,
          email: `u${i}.${r}@tenants.example`,
          role,
          organizationId,
          language: 'en',
        },
        token: `tok_${r}_${i}_${'y'.repeat(24)}`,
      };
    });
    await w.store.db
      .insertInto('app_user')
      .values(
        users.map(({ actor }) => ({
          id: actor.userId,
          organization_id: actor.organizationId,
          role: actor.role,
          name: actor.name,
          email: actor.email,
          language: 'en' as const,
          created_at: now,
        })),
      )
      .execute();
    await w.store.db
      .insertInto('api_token')
      .values(
        users.map((x) => ({
          id: `tok_${x.actor.userId}`,
          token_hash: hashToken(x.token),
          user_id: x.actor.userId,
          label: r,
          created_at: now,
        })),
      )
      .execute();

    const placers = users.filter((x) => x.actor.role === 'partner_user' || x.actor.role === 'partner_admin');
    const orders: TestOrder[] = [];
    for (const [i, spec] of u.orders.entries()) {
      const placedBy = placers[spec.placer % placers.length]!;
      const distributorId =
        spec.distributor !== null && distributors.length > 0
          ? distributors[spec.distributor % distributors.length]!.id
          : null;
      const webOrderId = `WO-${r}-${i}`;
      const endCustomerName = `Secret Customer ${r} ${i}`;
      const contactEmail = `contact.${r}.${i}@tenants.example`;
      const placed = await placeOrder(
        w.deps,
        placedBy.actor,
        placeOrderSchema.parse({
          webOrderId,
          endCustomerName,
          rsd: now.toISOString().slice(0, 10),
          ...(distributorId ? { distributorId } : {}),
          lines: [
            {
              offerCode: 'MEET-PRO',
              quantity: 3,
              provisioningContact: {
                name: 'Contact',
                email: `contact.${r}.${i}@tenants.example`,
                language: 'en',
              },
            },
          ],
        }),
      );
      orders.push({
        ...placed,
        webOrderId,
        endCustomerName,
        contactEmail,
        partnerId: placedBy.actor.organizationId,
        distributorId,
        placedBy,
        customerId: null,
      });
    }
    await runDue(w.deps);
    for (const [i, spec] of u.orders.entries()) {
      if (spec.mappedTo === null) continue;
      const customerId = customers[spec.mappedTo % customers.length]!.id;
      await mapOrderToOrganization(w.deps, {
        orderId: orders[i]!.orderId,
        organization: { organizationId: customerId },
        confirmedBy: { name: 'Confirmer', email: `confirm.${r}.${i}@tenants.example`, language: 'en' },
      });
      orders[i]!.customerId = customerId;
    }
    return { users, orders };
  }

  async function request(user: TestUser, method: string, path: string, body?: unknown) {
    figures.requests++;
    const res = await checkedRequest(api, path, {
      method,
      headers: {
        authorization: `Bearer ${user.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, text: await res.text() };
  }

  /** What the same request answers for an order or line that does not exist, the id put back. */
  async function missingReply(user: TestUser, method: string, path: string, id: string, body?: unknown) {
    const missingId = /^Sub\d+$/.test(id) ? 'Sub999999999' : 'ord_doesnotexist';
    const reply = await request(user, method, path.replace(encodeURIComponent(id), missingId), body);
    return { status: reply.status, text: reply.text.replaceAll(missingId, id) };
  }

  /**
   * A refusal must carry nothing of the order but, for colleagues, who placed it. Colleagues get
   * NO_ACCESS; users of other organizations the body a missing object gets.
   */
  async function checkRefusal(
    reply: { status: number; text: string },
    user: TestUser,
    order: TestOrder,
    what: string,
    missing: () => Promise<{ status: number; text: string }>,
  ) {
    figures.refusals++;
    const body = JSON.parse(reply.text) as { error: { code: string; orderPlacedBy?: unknown } };
    const colleague = user.actor.organizationId === order.partnerId;
    if (colleague) {
      expect(reply.status, what).toBe(403);
      expect(body.error.code, what).toBe('NO_ACCESS');
      expect(body.error.orderPlacedBy, what).toEqual({
        name: order.placedBy.actor.name,
        email: order.placedBy.actor.email,
      });
    } else {
      expect(reply.status, what).toBe(404);
      expect(reply, `${what}: same as a missing one`).toEqual(await missing());
    }
    const secrets = [
      order.endCustomerName,
      // A NOT_FOUND names what was asked for, and only that.
      ...(reply.text.includes(`"orderId":"${order.webOrderId}"`) ? [] : [order.webOrderId]),
      order.contactEmail,
      ...(colleague ? [] : [order.placedBy.actor.email]),
    ];
    const leaked = secrets.filter((s) => reply.text.includes(s));
    figures.leaks += leaked.length;
    expect(leaked, what).toEqual([]);
  }

  it('every user, every order, every read and write: access exactly as the rules say', async () => {
    await fc.assert(
      fc.asyncProperty(universeArb, async (u) => {
        const { users, orders } = await build(u);
        figures.runs++;
        figures.users += users.length;
        figures.orders += orders.length;
        const before = await rowCounts(w);
        let refusedWrites = 0;
        for (const user of users) {
          for (const order of orders) {
            const access = expectedAccess(user.actor, order);
            const line = order.subscriptionIds[0]!;
            const reads: [string, string, string][] = [
              ['GET', `/api/v1/orders/${order.orderId}`, order.orderId],
              ['GET', `/api/v1/orders/${encodeURIComponent(order.webOrderId)}`, order.webOrderId],
              ['GET', `/api/v1/subscriptions/${line}`, line],
            ];
            for (const [i, [method, path, id]] of reads.entries()) {
              const reply = await request(user, method, path);
              const what = `${user.actor.role} ${user.actor.userId} reads ${order.orderId} (${i})`;
              if (access === 'none')
                await checkRefusal(reply, user, order, what, () => missingReply(user, method, path, id));
              else expect(reply.status, what).toBe(200);
            }
            if (access === 'act') continue;
            // Writes by anyone who may not act: refused, and nothing written.
            const contact = {
              name: 'Mallory',
              email: 'mallory@evil.example',
              language: 'en',
              applyToAllLines: true,
            };
            const writes: [string, string, unknown][] = [
              ['POST', `/api/v1/subscriptions/${line}/resend`, undefined],
              ['PUT', `/api/v1/subscriptions/${line}/provisioning-contact`, contact],
              ['POST', `/api/v1/subscriptions/${line}/cancel`, undefined],
            ];
            for (const [i, [method, path, body]] of writes.entries()) {
              const reply = await request(user, method, path, body);
              const what = `${user.actor.role} ${user.actor.userId} writes ${order.orderId} (${i})`;
              if (access === 'none')
                await checkRefusal(reply, user, order, what, () =>
                  missingReply(user, method, path, line, body),
                );
              else
                expect({ status: reply.status, code: JSON.parse(reply.text).error.code }, what).toEqual({
                  status: 403,
                  code: 'NO_ACCESS',
                });
              refusedWrites++;
            }
          }
          // Lists show exactly the orders and lines the rules allow (support agents: all of them).
          const visible = orders.filter((o) => expectedAccess(user.actor, o) !== 'none');
          const listed = JSON.parse((await request(user, 'GET', '/api/v1/orders?limit=200')).text) as {
            items: { orderId: string }[];
          };
          const lines = JSON.parse((await request(user, 'GET', '/api/v1/subscriptions?limit=200')).text) as {
            items: { subscriptionId: string }[];
          };
          const mine = new Set(orders.map((o) => o.orderId));
          const mineLines = new Set(orders.flatMap((o) => o.subscriptionIds));
          const listedHere = listed.items
            .map((i) => i.orderId)
            .filter((id) => mine.has(id) || user.actor.role !== 'support_agent');
          const linesHere = lines.items
            .map((i) => i.subscriptionId)
            .filter((id) => mineLines.has(id) || user.actor.role !== 'support_agent');
          const leaks =
            listedHere.filter((id) => !visible.some((o) => o.orderId === id)).length +
            linesHere.filter((id) => !visible.some((o) => o.subscriptionIds.includes(id))).length;
          figures.leaks += leaks;
          expect(new Set(listedHere), `${user.actor.userId} lists orders`).toEqual(
            new Set(visible.map((o) => o.orderId)),
          );
          expect(new Set(linesHere), `${user.actor.userId} lists lines`).toEqual(
            new Set(visible.flatMap((o) => o.subscriptionIds)),
          );
        }
        expect(await rowCounts(w), `${refusedWrites} refused writes wrote nothing`).toEqual(before);
      }),
      { numRuns: 10 },
    );
    expect(figures.leaks).toBe(0);
  }, 180_000);
});
