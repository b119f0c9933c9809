/**
 * Tenant isolation of users and invitations, property-based. fast-check generates organizations
 * (partners, distributors, and the operator's), users with random roles of their organization's
 * kind, and invitations; then every user calls every user and invitation endpoint on every user,
 * invitation and organization. The expected answer comes from the rules as the README states them
 * (restated here, not borrowed from src/domain/roles.ts): operators manage everyone; partner and
 * distributor admins manage their own organization; everyone else is refused with NO_ACCESS
 * (`area: users`) whatever the id. Another organization's user, invitation or organization
 * answers exactly like a missing one (same status, same body but for the id asked), and a refused
 * call writes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import type { Role } from '../../src/domain/types.js';
import { type Api, apiOf, checkedRequest } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

type Kind = 'partner' | 'distributor' | 'operator';
const ROLES_BY_KIND: Record<Kind, Role[]> = {
  partner: ['partner_user', 'partner_admin'],
  distributor: ['distributor_user', 'distributor_admin'],
  operator: ['support_agent', 'operator'],
};

const universeArb = fc.record({
  partners: fc.integer({ min: 1, max: 3 }),
  distributors: fc.integer({ min: 0, max: 2 }),
  users: fc.array(fc.record({ org: fc.nat(6), admin: fc.boolean() }), { minLength: 2, maxLength: 6 }),
  invitations: fc.array(fc.record({ org: fc.nat(6), admin: fc.boolean() }), { minLength: 1, maxLength: 3 }),
});
type Universe = typeof universeArb extends fc.Arbitrary<infer T> ? T : never;

interface Org {
  id: string;
  kind: Kind;
}
interface TestUser {
  id: string;
  org: Org;
  role: Role;
  token: string;
}

/** The README's rule, restated: who may manage the people of `orgId`. */
function expected(actor: TestUser, orgId: string): 'allowed' | 'no_access' | 'not_found' {
  if (actor.role === 'operator') return 'allowed';
  if (actor.role !== 'partner_admin' && actor.role !== 'distributor_admin') return 'no_access';
  return actor.org.id === orgId ? 'allowed' : 'not_found';
}

describeEachStore('people isolation (property-based)', (kind) => {
  let w: World;
  let api: Api;
  let run = 0;
  const figures = { runs: 0, users: 0, invitations: 0, requests: 0, notFound: 0, noAccess: 0 };
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(async () => {
    console.log(
      `[security] people isolation [${kind}]: ${figures.runs} universes, ${figures.users} users, ${figures.invitations} invitations, ` +
        `${figures.requests} API requests, ${figures.notFound} answered like missing, ${figures.noAccess} NO_ACCESS`,
    );
    await w.close();
  });

  async function build(u: Universe) {
    const r = `p${++run}`;
    const now = w.clock.now();
    const orgs: Org[] = [
      ...Array.from({ length: u.partners }, (_, i) => ({
        id: `org_${r}_partner${i}`,
        kind: 'partner' as const,
      })),
      ...Array.from({ length: u.distributors }, (_, i) => ({
        id: `org_${r}_dist${i}`,
        kind: 'distributor' as const,
      })),
      { id: `org_${r}_ops`, kind: 'operator' as const },
    ];
    await w.store.db
      .insertInto('organization')
      .values(orgs.map((o) => ({ id: o.id, kind: o.kind, name: `${o.kind} ${o.id}`, created_at: now })))
      .execute();
    // Every organization keeps an admin, so the last-admin rule never hides an access answer.
    const specs = [...orgs.map((_, i) => ({ org: i, admin: true })), ...u.users];
    const users: TestUser[] = specs.map((s, i) => {
      const org = orgs[s.org % orgs.length]!;
      return {
        id: `usr_${r}_${i}`,
        org,
        role: ROLES_BY_KIND[org.kind][s.admin ? 1 : 0]!,
        token: `tok_${r}_${i}_${'q'.repeat(24)}`,
      };
    });
    await w.store.db
      .insertInto('app_user')
      .values(
        users.map((x) => ({
          id: x.id,
          organization_id: x.org.id,
          role: x.role,
          name: `User ${x.id}`,
          email: `${x.id}@people.example`,
          language: 'en' as const,
          created_at: now,
        })),
      )
      .execute();
    await w.store.db
      .insertInto('api_token')
      .values(
        users.map((x) => ({
          id: `tok_${x.id}`,
          token_hash: hashToken(x.token),
          user_id: x.id,
          label: r,
          created_at: now,
        })),
      )
      .execute();
    const invitations = u.invitations.map((s, i) => {
      const org = orgs[s.org % orgs.length]!;
      return { id: `inv_${r}_${i}`, org, role: ROLES_BY_KIND[org.kind][s.admin ? 1 : 0]! };
    });
    await w.store.db
      .insertInto('invitation')
      .values(
        invitations.map((x) => ({
          id: x.id,
          organization_id: x.org.id,
          email: `${x.id}@invited.example`,
          role: x.role,
          language: 'en' as const,
          invited_by_user_id: null,
          invited_by_label: 'Someone <someone@people.example>',
          token_hash: hashToken(`${x.id}-token`),
          created_at: now,
          sent_at: now,
          expires_at: new Date(now.getTime() + 7 * 86_400_000),
          message_key: `ivm_${x.id}`,
        })),
      )
      .execute();
    figures.users += users.length;
    figures.invitations += invitations.length;
    return { orgs, users, invitations, r };
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

  const writes = async () => {
    const counts = await Promise.all(
      (['audit_event', 'outbox', 'invitation'] as const).map(async (t) =>
        Number(
          (
            await w.store.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );
    const changed = await w.store.db
      .selectFrom('invitation')
      .select((eb) => eb.fn.sum<number>('send_count').as('sends'))
      .executeTakeFirstOrThrow();
    return [...counts, Number(changed.sends ?? 0)].join('/');
  };

  /** One call on an object of `orgId`; a refusal is compared with the same call on a missing id. */
  async function check(
    actor: TestUser,
    orgId: string,
    call: (id: 'real' | 'missing') => [string, string, unknown?],
    realId: string,
    missingId: string,
  ) {
    const outcome = expected(actor, orgId);
    const before = await writes();
    const [method, path, body] = call('real');
    const reply = await request(actor, method, path, body);
    const what = `${actor.role} of ${actor.org.id}: ${method} ${path}`;
    if (outcome === 'allowed') {
      expect([200, 201, 400, 409], `${what} -> ${reply.text}`).toContain(reply.status);
      return;
    }
    expect(await writes(), what).toBe(before);
    if (outcome === 'no_access') {
      figures.noAccess++;
      expect(reply.status, what).toBe(403);
      expect(JSON.parse(reply.text).error, what).toMatchObject({ code: 'NO_ACCESS', area: 'users' });
      return;
    }
    figures.notFound++;
    const [m2, p2, b2] = call('missing');
    const missing = await request(actor, m2, p2, b2);
    expect(reply.status, what).toBe(404);
    expect(reply.text.replaceAll(realId, '<id>'), what).toBe(missing.text.replaceAll(missingId, '<id>'));
  }

  it('every user and invitation endpoint answers others’ objects exactly like missing ones', async () => {
    await fc.assert(
      fc.asyncProperty(universeArb, async (u) => {
        figures.runs++;
        const { orgs, users, invitations, r } = await build(u);
        const missingUser = `usr_${r}_missing`;
        const missingInvitation = `inv_${r}_missing`;
        const missingOrg = `org_${r}_missing`;
        for (const actor of users) {
          for (const target of users) {
            const id = (which: 'real' | 'missing') => (which === 'real' ? target.id : missingUser);
            await check(
              actor,
              target.org.id,
              (x) => ['GET', `/api/v1/users/${id(x)}`],
              target.id,
              missingUser,
            );
            // A no-op change where allowed: the answer still tells allowed from refused.
            await check(
              actor,
              target.org.id,
              (x) => ['PATCH', `/api/v1/users/${id(x)}`, { active: true }],
              target.id,
              missingUser,
            );
          }
          for (const invitation of invitations) {
            const id = (which: 'real' | 'missing') => (which === 'real' ? invitation.id : missingInvitation);
            for (const suffix of ['', '/resend', '/revoke'])
              await check(
                actor,
                invitation.org.id,
                (x) => [suffix ? 'POST' : 'GET', `/api/v1/invitations/${id(x)}${suffix}`],
                invitation.id,
                missingInvitation,
              );
          }
          for (const org of orgs) {
            const id = (which: 'real' | 'missing') => (which === 'real' ? org.id : missingOrg);
            await check(
              actor,
              org.id,
              (x) => ['GET', `/api/v1/users?organizationId=${id(x)}`],
              org.id,
              missingOrg,
            );
            await check(
              actor,
              org.id,
              (x) => ['GET', `/api/v1/invitations?organizationId=${id(x)}`],
              org.id,
              missingOrg,
            );
            await check(
              actor,
              org.id,
              (x) => [
                'POST',
                '/api/v1/invitations',
                {
                  email: `new.${actor.id}@invited.example`,
                  role: ROLES_BY_KIND[org.kind][0],
                  organizationId: id(x),
                },
              ],
              org.id,
              missingOrg,
            );
          }
        }
      }),
      { numRuns: 5, seed: 20261201 },
    );
  }, 300_000);
});
