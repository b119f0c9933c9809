/**
 * Personal API tokens through /api/v1/tokens on both stores: a created token works at once, stops
 * when it expires or is revoked, and a rolled one keeps working exactly as long as its grace
 * period; read-only tokens read and never write; `last_used_at` is kept, at most once a minute;
 * another user's token is as missing as none; only the hash is stored; bad input writes nothing;
 * an Idempotency-Key replay answers the same token; a user holds at most 50 working tokens.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { t } from '../../src/i18n/i18n.js';
import { type Api, apiOf, call, type ErrorBody, orderBody, rowCounts } from '../http/api-harness.js';
import { countRows } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

interface TokenBody {
  tokenId: string;
  token?: string;
  name: string;
  readOnly: boolean;
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  status?: string;
  previous?: { tokenId: string; expiresAt: string };
}

describeEachStore('API tokens', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  /** A request with a raw bearer token (not one of the world's). */
  async function withToken(token: string, method: string, path: string, body?: unknown) {
    const res = await api.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : null) as ErrorBody & Record<string, unknown>,
    };
  }
  const create = (as: UserKey, body: unknown, headers: Record<string, string> = {}) =>
    call<TokenBody & ErrorBody>(api, w, 'POST', '/api/v1/tokens', { as, body, headers });
  const created = async (as: UserKey, body: Record<string, unknown> = {}) => {
    const reply = await create(as, { name: 'CI deploys', expiresInDays: 30, ...body });
    expect(reply.status).toBe(201);
    return reply.body as TokenBody & { token: string };
  };
  const list = async (as: UserKey) =>
    (await call<{ items: TokenBody[] }>(api, w, 'GET', '/api/v1/tokens', { as })).body.items;
  const tokenRow = (tokenId: string) =>
    w.store.db.selectFrom('api_token').selectAll().where('id', '=', tokenId).executeTakeFirstOrThrow();
  const tokenCount = () => countRows(w.store.db, 'api_token');
  const works = async (token: string) => (await withToken(token, 'GET', '/api/v1/orders')).status;

  it('creates a token that works at once, shown once, stored only as its hash, audited without it', async () => {
    const now = w.clock.now();
    const tok = await created('alice', { name: 'ERP bridge', expiresInDays: 30 });
    expect(tok.token).toMatch(/^onr_[A-Za-z0-9_-]{43}$/);
    expect(tok).toMatchObject({
      name: 'ERP bridge',
      readOnly: false,
      hint: tok.token.slice(-4),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * DAY).toISOString(),
      lastUsedAt: null,
      status: 'active',
    });
    expect(tok.tokenId).toMatch(/^tok_/);
    expect(await works(tok.token)).toBe(200);

    const row = await tokenRow(tok.tokenId);
    expect(Buffer.from(row.token_hash)).toEqual(hashToken(tok.token));
    expect(JSON.stringify({ ...row, token_hash: null })).not.toContain(tok.token.slice(4));
    expect(row).toMatchObject({
      user_id: 'usr_alice',
      label: 'ERP bridge',
      hint: tok.hint,
      read_only: false,
    });

    const listed = (await list('alice')).find((x) => x.tokenId === tok.tokenId)!;
    expect(listed).toMatchObject({ name: 'ERP bridge', hint: tok.hint, status: 'active' });
    expect(listed).not.toHaveProperty('token');

    const audit = await w.store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'api_token.created')
      .execute();
    const mine = audit.find((a) => (a.data as { tokenId: string }).tokenId === tok.tokenId)!;
    expect(mine).toMatchObject({ organization_id: 'org_acme', actor_user_id: 'usr_alice' });
    expect(mine.actor_label).toBe('Alice Rossi <alice@acme.example>');
    expect(JSON.stringify(audit)).not.toContain(tok.token.slice(4));
  });

  it('an expired token is refused with 401 and listed as expired', async () => {
    const tok = await created('marco', { expiresInDays: 1 });
    w.clock.advance(DAY - MINUTE);
    expect(await works(tok.token)).toBe(200);
    w.clock.advance(MINUTE);
    const refused = await withToken(tok.token, 'GET', '/api/v1/orders');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    expect((await list('marco')).find((x) => x.tokenId === tok.tokenId)?.status).toBe('expired');
  });

  it('a revoked token is refused with 401 at once; revoking again changes nothing', async () => {
    const tok = await created('marco');
    const revoked = await withToken(w.tokens.marco, 'DELETE', `/api/v1/tokens/${tok.tokenId}`);
    expect(revoked).toEqual({ status: 204, body: null });
    expect(await works(tok.token)).toBe(401);
    expect((await tokenRow(tok.tokenId)).revoked_at).toEqual(w.clock.now());
    expect((await list('marco')).find((x) => x.tokenId === tok.tokenId)?.status).toBe('revoked');

    const again = await withToken(w.tokens.marco, 'DELETE', `/api/v1/tokens/${tok.tokenId}`);
    expect(again.status).toBe(204);
    const audits = await w.store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'api_token.revoked')
      .execute();
    expect(audits.filter((a) => (a.data as { tokenId: string }).tokenId === tok.tokenId)).toHaveLength(1);
  });

  it('a token revokes itself with DELETE: 204, then 401', async () => {
    const tok = await created('marco');
    expect((await withToken(tok.token, 'DELETE', `/api/v1/tokens/${tok.tokenId}`)).status).toBe(204);
    expect(await works(tok.token)).toBe(401);
  });

  it('roll with 3 days of grace: the old token works until then, the new one at once', async () => {
    const old = await created('dana', { name: 'Nightly sync', expiresInDays: 90, readOnly: true });
    w.clock.advance(10 * DAY);
    const rolledAt = w.clock.now();
    const reply = await call<TokenBody & ErrorBody>(api, w, 'POST', `/api/v1/tokens/${old.tokenId}/roll`, {
      as: 'dana',
      body: { graceDays: 3 },
    });
    expect(reply.status).toBe(201);
    const fresh = reply.body as TokenBody & { token: string };
    const graceEnd = new Date(rolledAt.getTime() + 3 * DAY).toISOString();
    expect(fresh).toMatchObject({
      name: 'Nightly sync',
      readOnly: true,
      status: 'active',
      // The successor lives as long as the old one was meant to: 90 days.
      expiresAt: new Date(rolledAt.getTime() + 90 * DAY).toISOString(),
      previous: { tokenId: old.tokenId, expiresAt: graceEnd },
    });
    expect(fresh.token).toMatch(/^onr_[A-Za-z0-9_-]{43}$/);
    expect(fresh.token).not.toBe(old.token);
    expect(await tokenRow(old.tokenId)).toMatchObject({
      rolled_at: rolledAt,
      rolled_to_id: fresh.tokenId,
      expires_at: new Date(graceEnd),
    });

    expect(await works(old.token)).toBe(200);
    expect(await works(fresh.token)).toBe(200);
    expect((await list('dana')).find((x) => x.tokenId === old.tokenId)?.status).toBe('rolled');
    w.clock.advance(3 * DAY - MINUTE);
    expect(await works(old.token)).toBe(200);
    w.clock.advance(MINUTE);
    expect(await works(old.token)).toBe(401);
    expect(await works(fresh.token)).toBe(200);
    expect((await list('dana')).find((x) => x.tokenId === old.tokenId)?.status).toBe('expired');

    const audit = await w.store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'api_token.rolled')
      .execute();
    const mine = audit.find((a) => (a.data as { previousTokenId: string }).previousTokenId === old.tokenId)!;
    expect(mine).toMatchObject({ organization_id: 'org_dist', actor_user_id: 'usr_dana' });
    expect(mine.data).toMatchObject({ tokenId: fresh.tokenId, graceDays: 3, previousExpiresAt: graceEnd });
    expect(JSON.stringify(audit)).not.toContain(fresh.token.slice(4));

    // Only an active token rolls: the old one now has its successor.
    const again = await call<ErrorBody>(api, w, 'POST', `/api/v1/tokens/${old.tokenId}/roll`, {
      as: 'dana',
      body: { graceDays: 0 },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.issues?.[0]?.path).toBe('tokenId');
  });

  it('roll with no grace stops the old token at once; expiresInDays sets the new lifetime', async () => {
    const old = await created('bob', { expiresInDays: 7 });
    const reply = await withToken(old.token, 'POST', `/api/v1/tokens/${old.tokenId}/roll`, {
      graceDays: 0,
      expiresInDays: 365,
    });
    expect(reply.status).toBe(201);
    const fresh = reply.body as unknown as TokenBody & { token: string };
    expect(fresh.expiresAt).toBe(new Date(w.clock.now().getTime() + 365 * DAY).toISOString());
    expect(await works(old.token)).toBe(401);
    expect(await works(fresh.token)).toBe(200);
  });

  it('a grace period never outlives the old token: expiring in 1 day, rolled with 7, stops in 1', async () => {
    const old = await created('bob', { expiresInDays: 1 });
    const reply = await call<TokenBody>(api, w, 'POST', `/api/v1/tokens/${old.tokenId}/roll`, {
      as: 'bob',
      body: { graceDays: 7 },
    });
    expect(reply.body.previous?.expiresAt).toBe(old.expiresAt);
    expect(reply.body.expiresAt).toBe(new Date(w.clock.now().getTime() + DAY).toISOString());
  });

  it('a token that never expires (demo, test) rolls to one of the longest lifetime: 365 days', async () => {
    const now = w.clock.now().getTime();
    const reply = await call<TokenBody>(api, w, 'POST', '/api/v1/tokens/tok_dora/roll', {
      as: 'dora',
      body: { graceDays: 1 },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.expiresAt).toBe(new Date(now + 365 * DAY).toISOString());
    expect(reply.body.previous).toEqual({
      tokenId: 'tok_dora',
      expiresAt: new Date(now + DAY).toISOString(),
    });
    expect(reply.body.name).toBe('test');
  });

  it('a read-only token reads, and every write is 403 NO_ACCESS with its reason, writing nothing', async () => {
    const ro = await created('paola', { name: 'Dashboards', readOnly: true });
    const rw = await created('paola', { name: 'Writer' });
    expect(await works(ro.token)).toBe(200);
    const listed = await withToken(ro.token, 'GET', '/api/v1/tokens');
    expect(listed.status).toBe(200);
    expect((listed.body['items'] as TokenBody[]).map((x) => x.tokenId)).toContain(ro.tokenId);

    const before = { ...(await rowCounts(w)), tokens: await tokenCount() };
    const writes: [string, string, unknown?][] = [
      ['POST', '/api/v1/tokens', { name: 'more', expiresInDays: 7 }],
      ['POST', `/api/v1/tokens/${ro.tokenId}/roll`, { graceDays: 0 }],
      ['DELETE', `/api/v1/tokens/${rw.tokenId}`],
      ['DELETE', `/api/v1/tokens/${ro.tokenId}`],
      ['POST', '/api/v1/orders', orderBody('WO-RO-1')],
      ['POST', '/api/v1/webhook-endpoints', { url: 'https://93.184.215.14/hooks' }],
    ];
    for (const [method, path, body] of writes) {
      const reply = await withToken(ro.token, method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body.error).toMatchObject({
        code: 'NO_ACCESS',
        reason: 'read_only_token',
        message: t('en', 'errors.NO_ACCESS_READ_ONLY_TOKEN'),
      });
    }
    expect({ ...(await rowCounts(w)), tokens: await tokenCount() }).toEqual(before);
    expect((await tokenRow(ro.tokenId)).revoked_at).toBeNull();
    expect((await tokenRow(rw.tokenId)).revoked_at).toBeNull();
  });

  it('keeps last_used_at, written at most once a minute', async () => {
    const tok = await created('brenda');
    expect((await tokenRow(tok.tokenId)).last_used_at).toBeNull();
    const first = w.clock.now();
    await works(tok.token);
    expect((await tokenRow(tok.tokenId)).last_used_at).toEqual(first);
    w.clock.advance(59_000);
    await works(tok.token);
    expect((await tokenRow(tok.tokenId)).last_used_at).toEqual(first);
    w.clock.advance(1_000);
    await works(tok.token);
    expect((await tokenRow(tok.tokenId)).last_used_at).toEqual(w.clock.now());
    expect((await list('brenda')).find((x) => x.tokenId === tok.tokenId)?.lastUsedAt).toBe(
      w.clock.now().toISOString(),
    );
  });

  it("another user's token is NOT_FOUND on roll and revoke, exactly like a missing id", async () => {
    const bobs = await created('bob', { name: 'Bob only' });
    const answer = async (method: string, id: string) => {
      const r = await call<ErrorBody>(
        api,
        w,
        method,
        `/api/v1/tokens/${id}${method === 'POST' ? '/roll' : ''}`,
        {
          as: 'alice',
          ...(method === 'POST' ? { body: { graceDays: 1 } } : {}),
        },
      );
      return { status: r.status, code: r.body.error.code, message: r.body.error.message };
    };
    for (const method of ['POST', 'DELETE']) {
      const theirs = await answer(method, bobs.tokenId);
      expect(theirs).toEqual({ status: 404, code: 'NOT_FOUND', message: t('en', 'errors.NOT_FOUND') });
      expect(await answer(method, 'tok_doesnotexist0000000')).toEqual(theirs);
    }
    expect((await list('alice')).map((x) => x.tokenId)).not.toContain(bobs.tokenId);
    expect(await tokenRow(bobs.tokenId)).toMatchObject({ revoked_at: null, rolled_at: null });
    expect(await works(bobs.token)).toBe(200);
  });

  it('bad input is INVALID_INPUT with issues, and writes nothing', async () => {
    const victim = await created('alice', { name: 'Untouched' });
    const before = { ...(await rowCounts(w)), tokens: await tokenCount() };
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/tokens', { name: '', expiresInDays: 30 }, 'name'],
      ['POST', '/api/v1/tokens', { name: '   ', expiresInDays: 30 }, 'name'],
      ['POST', '/api/v1/tokens', { name: 'x'.repeat(101), expiresInDays: 30 }, 'name'],
      ['POST', '/api/v1/tokens', { name: 'n', expiresInDays: 0 }, 'expiresInDays'],
      ['POST', '/api/v1/tokens', { name: 'n', expiresInDays: 366 }, 'expiresInDays'],
      ['POST', '/api/v1/tokens', { name: 'n', expiresInDays: 1.5 }, 'expiresInDays'],
      ['POST', '/api/v1/tokens', { name: 'n' }, 'expiresInDays'],
      ['POST', '/api/v1/tokens', { name: 'n', expiresInDays: 7, readOnly: 'yes' }, 'readOnly'],
      ['POST', `/api/v1/tokens/${victim.tokenId}/roll`, { graceDays: 8 }, 'graceDays'],
      ['POST', `/api/v1/tokens/${victim.tokenId}/roll`, { graceDays: -1 }, 'graceDays'],
      ['POST', `/api/v1/tokens/${victim.tokenId}/roll`, {}, 'graceDays'],
      [
        'POST',
        `/api/v1/tokens/${victim.tokenId}/roll`,
        { graceDays: 1, expiresInDays: 400 },
        'expiresInDays',
      ],
      ['POST', '/api/v1/tokens/not-a-token/roll', { graceDays: 1 }, 'tokenId'],
      ['DELETE', '/api/v1/tokens/tok_bad!id', undefined, 'tokenId'],
    ];
    for (const [method, path, body, field] of cases) {
      const reply = await call<ErrorBody>(api, w, method, path, { as: 'alice', ...(body ? { body } : {}) });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('INVALID_INPUT');
      expect(reply.body.error.issues?.map((i) => i.path)).toContain(field);
    }
    expect({ ...(await rowCounts(w)), tokens: await tokenCount() }).toEqual(before);
    expect(await tokenRow(victim.tokenId)).toMatchObject({ revoked_at: null, rolled_at: null });
  });

  it('an Idempotency-Key replay of a create answers the same token and creates one', async () => {
    const before = await tokenCount();
    const body = { name: 'Retry-safe', expiresInDays: 7 };
    const first = await create('carla', body, { 'idempotency-key': 'create-token-1' });
    const second = await create('carla', body, { 'idempotency-key': 'create-token-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await tokenCount()).toBe(before + 1);
    expect(await works(first.body.token!)).toBe(200);
  });

  it('a user holds at most 50 working tokens; a roll with grace must fit, one without always does', async () => {
    const sam = w.actors.sam.userId;
    // sam already holds the world's token: 49 more make 50.
    for (let i = 0; i < 49; i++) await created('sam', { name: `bulk ${i}` });
    const before = await tokenCount();
    const refused = await create('sam', { name: 'one too many', expiresInDays: 7 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues?.[0]?.path).toBe('tokens');
    const some = (await list('sam')).find((x) => x.name === 'bulk 0')!;
    const graceRefused = await call<ErrorBody>(api, w, 'POST', `/api/v1/tokens/${some.tokenId}/roll`, {
      as: 'sam',
      body: { graceDays: 1 },
    });
    expect(graceRefused.status).toBe(400);
    expect(await tokenCount()).toBe(before);
    const swapped = await call(api, w, 'POST', `/api/v1/tokens/${some.tokenId}/roll`, {
      as: 'sam',
      body: { graceDays: 0 },
    });
    expect(swapped.status).toBe(201);
    const working = await w.store.db
      .selectFrom('api_token')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', sam)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', w.clock.now())]))
      .executeTakeFirstOrThrow();
    expect(Number(working.n)).toBe(50);
    // Revoking one makes room again.
    expect(
      (await withToken(w.tokens.sam, 'DELETE', `/api/v1/tokens/${swapped.body['tokenId'] as string}`)).status,
    ).toBe(204);
    expect((await create('sam', { name: 'fits again', expiresInDays: 7 })).status).toBe(201);
  });
});
