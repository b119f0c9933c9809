/**
 * /api/v1/users and /api/v1/invitations through the real HTTP app (app.request): shapes, the
 * access rules (admins in their own organization, operators everywhere, everyone else NO_ACCESS),
 * validation that writes nothing, idempotency keys, ALREADY_EXISTS, and read-only tokens.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, countRows, type ErrorBody, refusal } from './api-harness.js';

interface UserBody {
  userId: string;
  organizationId: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  createdAt: string;
}
interface InvitationBody {
  invitationId: string;
  organizationId: string;
  email: string;
  role: string;
  status: string;
  invitedBy: { name: string; email: string };
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  sendCount: number;
}

describeEachStore('users and invitations API', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const auditCount = () => countRows(w, 'audit_event');

  it('lists the caller’s organization’s users; operators any organization’s', async () => {
    const mine = await call<{ items: UserBody[] }>(api, w, 'GET', '/api/v1/users', { as: 'paola' });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((u) => u.userId)).toEqual(['usr_alice', 'usr_marco', 'usr_paola']);
    expect(mine.body.items[0]).toEqual({
      userId: 'usr_alice',
      organizationId: 'org_acme',
      name: 'Alice Rossi',
      email: 'alice@acme.example',
      role: 'partner_user',
      active: true,
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    const theirs = await call<{ items: UserBody[] }>(
      api,
      w,
      'GET',
      '/api/v1/users?organizationId=org_bright',
      {
        as: 'olga',
      },
    );
    expect(theirs.body.items.map((u) => u.userId)).toEqual(['usr_bob', 'usr_brenda']);
    expect((await call(api, w, 'GET', '/api/v1/users/usr_bob', { as: 'olga' })).status).toBe(200);
    expect(
      (await call(api, w, 'GET', '/api/v1/users?organizationId=org_bright', { as: 'paola' })).status,
    ).toBe(404);
  });

  it('customer admins administer their own organization; another organization is not found', async () => {
    const ours = await call<{ items: { userId: string }[] }>(api, w, 'GET', '/api/v1/users', { as: 'carla' });
    expect(ours.status).toBe(200);
    expect(ours.body.items.map((u) => u.userId)).toEqual(['usr_carla']);
    for (const path of [
      '/api/v1/users/usr_paola',
      '/api/v1/users/usr_nobody',
      '/api/v1/users?organizationId=org_acme',
    ])
      expect((await call(api, w, 'GET', path, { as: 'carla' })).status, path).toBe(404);
  });

  it('refuses users who administer nothing, whatever the id', async () => {
    for (const who of ['alice', 'sam', 'dana'] as const) {
      for (const [method, path] of [
        ['GET', '/api/v1/users'],
        ['GET', '/api/v1/users/usr_paola'],
        ['GET', '/api/v1/users/usr_nobody'],
        ['GET', '/api/v1/invitations'],
      ]) {
        const reply = await call<ErrorBody>(api, w, method!, path!, { as: who });
        expect(reply.status, `${who} ${path}`).toBe(403);
        expect(reply.body.error).toMatchObject({ code: 'NO_ACCESS', area: 'users' });
        expect(reply.body.error.message).toContain('Only administrators');
      }
    }
    const before = await auditCount();
    const reply = await call(api, w, 'POST', '/api/v1/invitations', {
      as: 'alice',
      body: { email: 'x@y.example', role: 'partner_user' },
    });
    expect(reply.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('changes a role with an idempotency key; bad input writes nothing', async () => {
    const before = await auditCount();
    for (const body of [{}, { role: 'bogus' }, { active: 'no' }, { role: 'operator' }]) {
      const reply = await call<ErrorBody>(api, w, 'PATCH', '/api/v1/users/usr_alice', { as: 'paola', body });
      expect(refusal(reply).code, JSON.stringify(body)).toBe('INVALID_INPUT');
    }
    const self = await call<ErrorBody>(api, w, 'PATCH', '/api/v1/users/usr_paola', {
      as: 'paola',
      body: { active: false },
    });
    expect(refusal(self)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['active'] });
    expect(await auditCount()).toBe(before);

    const headers = { 'idempotency-key': 'promote-alice-1' };
    const first = await call<UserBody>(api, w, 'PATCH', '/api/v1/users/usr_alice', {
      as: 'paola',
      body: { role: 'partner_admin' },
      headers,
    });
    expect(first).toMatchObject({ status: 200, body: { userId: 'usr_alice', role: 'partner_admin' } });
    const again = await call<UserBody>(api, w, 'PATCH', '/api/v1/users/usr_alice', {
      as: 'paola',
      body: { role: 'partner_admin' },
      headers,
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await auditCount()).toBe(before + 1);
    await call(api, w, 'PATCH', '/api/v1/users/usr_alice', { as: 'paola', body: { role: 'partner_user' } });
  });

  it('invites, lists, reads, resends and revokes', async () => {
    const created = await call<InvitationBody>(api, w, 'POST', '/api/v1/invitations', {
      as: 'dora',
      body: { email: ' Gino@Example.com ', role: 'distributor_admin', language: 'it' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/invitations/${created.body.invitationId}`);
    expect(created.body).toMatchObject({
      organizationId: 'org_dist',
      email: 'gino@example.com',
      role: 'distributor_admin',
      status: 'sent',
      invitedBy: { name: 'Dora Admin', email: 'dora@dist.example' },
      sendCount: 1,
    });
    const id = created.body.invitationId;
    const sent = await call<{ items: InvitationBody[] }>(api, w, 'GET', '/api/v1/invitations?status=sent', {
      as: 'dora',
    });
    expect(sent.body.items.map((i) => i.invitationId)).toEqual([id]);
    expect(
      (
        await call<{ items: InvitationBody[] }>(api, w, 'GET', '/api/v1/invitations?status=revoked', {
          as: 'dora',
        })
      ).body.items,
    ).toEqual([]);
    expect(
      (await call<InvitationBody>(api, w, 'GET', `/api/v1/invitations/${id}`, { as: 'dora' })).body,
    ).toEqual(created.body);

    const duplicate = await call<ErrorBody>(api, w, 'POST', '/api/v1/invitations', {
      as: 'dora',
      body: { email: 'gino@example.com', role: 'distributor_user' },
    });
    expect(refusal(duplicate)).toEqual({ status: 409, code: 'ALREADY_EXISTS', paths: [] });
    const member = await call<ErrorBody>(api, w, 'POST', '/api/v1/invitations', {
      as: 'dora',
      body: { email: 'dana@dist.example', role: 'distributor_user' },
    });
    expect(member.status).toBe(409);

    w.clock.advance(60_000);
    const resent = await call<InvitationBody>(api, w, 'POST', `/api/v1/invitations/${id}/resend`, {
      as: 'dora',
    });
    expect(resent).toMatchObject({ status: 200, body: { sendCount: 2, status: 'sent' } });
    expect(resent.body.expiresAt > created.body.expiresAt).toBe(true);
    const revoked = await call<InvitationBody>(api, w, 'POST', `/api/v1/invitations/${id}/revoke`, {
      as: 'dora',
    });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const twice = await call<ErrorBody>(api, w, 'POST', `/api/v1/invitations/${id}/revoke`, { as: 'dora' });
    expect(twice.status).toBe(400);
    // Operators read and act on any organization's invitations.
    expect((await call(api, w, 'GET', `/api/v1/invitations/${id}`, { as: 'olga' })).status).toBe(200);
  });

  it('refuses roles of another kind, bad addresses, and unknown organizations', async () => {
    const cases: [string, unknown, number, string[]][] = [
      ['paola', { email: 'a@b.example', role: 'operator' }, 400, ['role']],
      ['paola', { email: 'a@b.example', role: 'distributor_user' }, 400, ['role']],
      ['paola', { email: 'not an address', role: 'partner_user' }, 400, ['email']],
      ['paola', { email: 'a@b.example', role: 'partner_user', language: 'fr' }, 400, ['language']],
      ['paola', { email: 'a@b.example', role: 'partner_user', organizationId: 'org_bright' }, 404, []],
      ['olga', { email: 'a@b.example', role: 'partner_user', organizationId: 'org_nobody' }, 404, []],
    ];
    const before = await auditCount();
    for (const [who, body, status, paths] of cases) {
      const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/invitations', {
        as: who as 'paola',
        body,
      });
      expect(refusal(reply), JSON.stringify(body)).toMatchObject({ status, paths });
    }
    expect(await auditCount()).toBe(before);
    const agent = await call<InvitationBody>(api, w, 'POST', '/api/v1/invitations', {
      as: 'olga',
      body: { email: 'new.agent@onramp.example', role: 'support_agent', organizationId: 'org_ops' },
    });
    expect(agent).toMatchObject({ status: 201, body: { organizationId: 'org_ops', role: 'support_agent' } });
  });

  it('a read-only token reads but changes nothing', async () => {
    const token = `tok_paola_ro_${'z'.repeat(24)}`;
    await w.store.db
      .insertInto('api_token')
      .values({
        id: 'tok_paola_ro',
        token_hash: hashToken(token),
        user_id: 'usr_paola',
        label: 'read only',
        created_at: w.clock.now(),
        read_only: true,
      })
      .execute();
    const auth = { authorization: `Bearer ${token}` };
    expect((await call(api, w, 'GET', '/api/v1/users', { as: null, headers: auth })).status).toBe(200);
    const write = await call<ErrorBody>(api, w, 'POST', '/api/v1/invitations', {
      as: null,
      headers: auth,
      body: { email: 'ro@b.example', role: 'partner_user' },
    });
    expect(write.status).toBe(403);
    expect(write.body.error).toMatchObject({ code: 'NO_ACCESS', reason: 'read_only_token' });
  });
});
