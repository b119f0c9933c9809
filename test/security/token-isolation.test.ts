/**
 * API tokens are personal, property-based. fast-check generates organizations of every kind and
 * users with random roles in them (admins and operators included); each user creates a few tokens
 * through the API. Then every user lists, rolls and revokes every other user's tokens: the list
 * holds exactly their own, and every attempt on someone else's token answers exactly like the
 * same attempt on an id that does not exist (status and body, the echoed id aside), names nobody,
 * and changes nothing — every token still works and the audit trail has no new row.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import type { Role } from '../../src/domain/types.js';
import { type Api, apiOf, checkedRequest } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const KINDS = {
  partner: ['partner_user', 'partner_admin'],
  distributor: ['distributor_user', 'distributor_admin'],
  customer: ['customer_admin'],
  operator: ['support_agent', 'operator'],
} as const satisfies Record<string, readonly Role[]>;
type Kind = keyof typeof KINDS;

const universeArb = fc.record({
  orgs: fc.array(fc.constantFrom<Kind>('partner', 'distributor', 'customer', 'operator'), {
    minLength: 1,
    maxLength: 3,
  }),
  users: fc.array(
    fc.record({
      org: fc.nat(2),
      admin: fc.boolean(),
      tokens: fc.array(fc.record({ readOnly: fc.boolean(), days: fc.integer({ min: 1, max: 365 }) }), {
        maxLength: 3,
      }),
    }),
    { minLength: 2, maxLength: 5 },
  ),
});
type Universe = typeof universeArb extends fc.Arbitrary<infer T> ? T : never;

interface TestUser {
  userId: string;
  name: string;
  email: string;
  /** The read-write token this test signs in with. */
  bearer: string;
  /** Tokens the user created: id and secret. */
  tokens: { tokenId: string; token: string; name: string }[];
}

describeEachStore('API tokens are personal (property-based)', (kind) => {
  let w: World;
  let api: Api;
  let run = 0;
  const figures = { runs: 0, users: 0, tokens: 0, attempts: 0 };
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(async () => {
    console.log(
      `[security] token isolation [${kind}]: ${figures.runs} universes, ${figures.users} users, ` +
        `${figures.tokens} tokens, ${figures.attempts} attempts on others' tokens`,
    );
    await w.close();
  });

  async function request(bearer: string, method: string, path: string, body?: unknown) {
    const res = await checkedRequest(api, path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, text: await res.text() };
  }

  async function build(u: Universe): Promise<TestUser[]> {
    const r = `r${++run}`;
    const now = w.clock.now();
    const orgs = u.orgs.map((k, i) => ({ id: `org_${r}_${i}`, kind: k, name: `${k} ${r} ${i}` }));
    await w.store.db
      .insertInto('organization')
      .values(orgs.map((o) => ({ ...o, created_at: now })))
      .execute();
    const users = u.users.map((spec, i) => {
      const org = orgs[spec.org % orgs.length]!;
      const roles = KINDS[org.kind];
      return {
        spec,
        row: {
          id: `usr_${r}_${i}`,
          organization_id: org.id,
          role: roles[spec.admin ? roles.length - 1 : 0]!,
          name: `Person ${r} ${i}`,
          email: `p${i}.${r}@tokens.example`,
          language: 'en' as const,
          created_at: now,
        },
        bearer: `tok_${r}_${i}_${'z'.repeat(24)}`,
      };
    });
    await w.store.db
      .insertInto('app_user')
      .values(users.map((x) => x.row))
      .execute();
    await w.store.db
      .insertInto('api_token')
      .values(
        users.map((x) => ({
          id: `tok_${x.row.id}`,
          token_hash: hashToken(x.bearer),
          user_id: x.row.id,
          label: 'bearer',
          created_at: now,
        })),
      )
      .execute();
    const built: TestUser[] = [];
    for (const x of users) {
      const tokens: TestUser['tokens'] = [];
      for (const [j, spec] of x.spec.tokens.entries()) {
        const name = `Secret tool of ${x.row.name} ${j}`;
        const reply = await request(x.bearer, 'POST', '/api/v1/tokens', {
          name,
          expiresInDays: spec.days,
          readOnly: spec.readOnly,
        });
        expect(reply.status).toBe(201);
        const body = JSON.parse(reply.text) as { tokenId: string; token: string };
        tokens.push({ tokenId: body.tokenId, token: body.token, name });
      }
      built.push({ userId: x.row.id, name: x.row.name, email: x.row.email, bearer: x.bearer, tokens });
    }
    return built;
  }

  /** The answer with the requested id blanked out (NOT_FOUND echoes it). */
  const shape = (reply: { status: number; text: string }, id: string) => ({
    status: reply.status,
    body: reply.text.replaceAll(id, '<id>'),
  });

  const tokenState = () =>
    w.store.db
      .selectFrom('api_token')
      .select(['id', 'revoked_at', 'rolled_at', 'expires_at'])
      .orderBy('id')
      .execute();
  const auditCount = async () =>
    Number(
      (
        await w.store.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it(
    "no user lists, rolls or revokes anyone else's token; the answers equal those for missing ids",
    { timeout: 180_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(universeArb, async (u) => {
          const users = await build(u);
          figures.runs++;
          figures.users += users.length;
          figures.tokens += users.reduce((n, x) => n + x.tokens.length, 0);
          const beforeState = await tokenState();
          const beforeAudit = await auditCount();

          for (const user of users) {
            const listed = JSON.parse((await request(user.bearer, 'GET', '/api/v1/tokens')).text) as {
              items: { tokenId: string }[];
            };
            expect(listed.items.map((x) => x.tokenId).sort()).toEqual(
              [`tok_${user.userId}`, ...user.tokens.map((x) => x.tokenId)].sort(),
            );
            for (const other of users) {
              if (other === user) continue;
              for (const theirs of [{ tokenId: `tok_${other.userId}`, name: 'bearer' }, ...other.tokens]) {
                const missing = `tok_missing_${run}_${figures.attempts}`;
                for (const [method, suffix, body] of [
                  ['POST', '/roll', { graceDays: 7 }],
                  ['DELETE', '', undefined],
                ] as const) {
                  figures.attempts++;
                  const reply = await request(
                    user.bearer,
                    method,
                    `/api/v1/tokens/${theirs.tokenId}${suffix}`,
                    body,
                  );
                  const none = await request(user.bearer, method, `/api/v1/tokens/${missing}${suffix}`, body);
                  expect(reply.status, `${method} ${theirs.tokenId}`).toBe(404);
                  expect(shape(reply, theirs.tokenId)).toEqual(shape(none, missing));
                  for (const secret of [other.name, other.email, other.userId, theirs.name])
                    expect(shape(reply, theirs.tokenId).body).not.toContain(secret);
                }
              }
            }
          }

          expect(await tokenState()).toEqual(beforeState);
          expect(await auditCount()).toBe(beforeAudit);
          for (const user of users)
            for (const tok of user.tokens)
              expect((await request(tok.token, 'GET', '/api/v1/tokens')).status, tok.tokenId).toBe(200);
        }),
        { numRuns: 8 },
      );
    },
  );
});
