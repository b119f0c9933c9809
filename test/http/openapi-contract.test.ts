/**
 * Issue 21, "the contract is the truth": real API traffic — every operation of the document, and
 * every refusal and failure status the API answers — each reply checked (status, headers, body)
 * against the OpenAPI document the server serves, by openapi-backend (contract-checker.ts). Every
 * other API test's `call` is checked the same way (api-harness.ts); this file makes sure nothing
 * is left out: it fails unless every documented operation was exercised and every reply matched.
 */
import { createServer } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { createApi } from '../../src/http/create-api.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, call, type CallOptions, checkerOf, MAX_BODY_BYTES, orderBody } from './api-harness.js';
import { type ContractChecker, contractChecker } from './contract-checker.js';
import { contractTraffic } from './openapi-contract-traffic.js';

const SECRET = 'email-events-secret-for-the-contract';

/** A port nothing listens on: PostgreSQL there refuses every connection (ECONNREFUSED). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeEachStore('the OpenAPI document is the contract: every reply matches it', (kind) => {
  let w: World;
  let api: Api;
  let checker: ContractChecker;
  let deadStore: Store;
  let deadApi: Api;
  beforeAll(async () => {
    w = await createWorld(kind, { publicUrl: 'https://onramp.test' });
    w.deps.settings.webhooks = { allowPrivate: false, timeoutMs: 5_000 };
    const deps = { ...w.deps, store: w.store, maxBodyBytes: MAX_BODY_BYTES, emailEventsSecret: SECRET };
    api = createApi(deps, { logError: () => {} });
    checker = await checkerOf(api);
    // The same API on a database that cannot be reached: every request that needs it is a 503.
    deadStore = await openStore({ databaseUrl: `postgres://onramp@127.0.0.1:${await closedPort()}/none` });
    deadApi = createApi({ ...deps, db: deadStore.db, store: deadStore }, { logError: () => {} });
  });
  afterAll(async () => {
    await deadStore?.close();
    await w?.close();
    if (!checker || !deadApi) return;
    const dead = await checkerOf(deadApi);
    console.log(
      `[contract] ${checker.validated + dead.validated} responses validated against the OpenAPI document, ${checker.mismatches.length + dead.mismatches.length} mismatches`,
    );
  });

  /** One request that must answer `status`; `call` checks the reply against the document. */
  async function expectStatus<T = Record<string, unknown>>(
    status: number,
    method: string,
    path: string,
    opts: CallOptions = {},
    app: Api = api,
  ) {
    const reply = await call<T>(app, w, method, path, opts);
    expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body)}`).toBe(status);
    return reply;
  }

  it('answers every operation and its refusals as documented', async () => {
    await contractTraffic({ w, expectStatus, emailEventsSecret: SECRET });
    expect(checker.mismatches).toEqual([]);
  });

  it('answers 503 UNAVAILABLE, documented, when the database cannot be reached', async () => {
    const reply = await expectStatus<{ error: { code: string } }>(503, 'GET', '/api/v1/orders', {}, deadApi);
    expect(reply.body.error.code).toBe('UNAVAILABLE');
    await expectStatus(503, 'POST', '/api/v1/orders', { body: orderBody('WO-DEAD-1') }, deadApi);
    // The routes with a credential of their own reach the database too.
    await expectStatus(503, 'GET', `/api/v1/setup/${'q'.repeat(43)}`, { as: null }, deadApi);
    await expectStatus(
      503,
      'POST',
      '/api/v1/email-events',
      {
        as: null,
        headers: { 'X-Onramp-Webhook-Secret': SECRET },
        body: { type: 'bounced', sendId: 'snd_x' },
      },
      deadApi,
    );
    expect((await checkerOf(deadApi)).mismatches).toEqual([]);
  });

  it('exercised every operation the document has, and every error status it documents', async () => {
    const doc = (await (await api.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const seen = new Map([...checker.covered].map(([id, statuses]) => [id, [...statuses]]));
    for (const [id, statuses] of (await checkerOf(deadApi)).covered)
      seen.set(id, [...(seen.get(id) ?? []), ...statuses]);
    expect(operations.map((o) => o.operationId).filter((id) => !seen.has(id))).toEqual([]);
    const errorStatuses = new Set(
      operations.flatMap((o) => Object.keys(o.responses).map(Number)).filter((s) => s >= 400),
    );
    const seenStatuses = new Set([...seen.values()].flat());
    // 500 is a fault of ours: documented, never provoked on purpose.
    expect([...errorStatuses].filter((s) => s !== 500 && !seenStatuses.has(s)).sort()).toEqual([]);
    expect(seen.get('unknown path')).toEqual([404]);
  });

  it('the checker refuses what the document does not say', async () => {
    // A checker of its own: these replies are made up here, they are not the server's.
    const own = await contractChecker(await (await api.request('/api/v1/openapi.json')).json());
    const offers = await api.request('/api/v1/offers', {
      headers: { authorization: `Bearer ${w.tokens.alice}` },
    });
    const real = (await offers.json()) as { items: Record<string, unknown>[] };
    const offer = real.items[0]!;
    const headers = (extra: Record<string, string> = {}) =>
      new Headers({ 'content-type': 'application/json', 'x-request-id': 'r1', ...extra });
    const problems = (status: number, body: unknown, h = headers()) =>
      own.check({ method: 'GET', path: '/api/v1/offers', status, headers: h, text: JSON.stringify(body) });
    expect(problems(200, real)).toEqual([]);
    // An undocumented field, a wrong type, a missing header, an undocumented status or header.
    expect(problems(200, { items: [{ ...offer, secretField: 1 }] })).toHaveLength(1);
    expect(problems(200, { items: [{ ...offer, policyDays: 'seven' }] })).toHaveLength(1);
    expect(problems(200, real, new Headers({ 'content-type': 'application/json' }))).toHaveLength(1);
    expect(problems(418, real)).toHaveLength(1);
    expect(problems(200, real, headers({ location: '/x' }))).toHaveLength(1);
    expect(problems(200, real, headers({ 'content-type': 'text/plain' }))).toHaveLength(1);
    // An error code its status does not carry, and a detail its code does not have.
    expect(problems(404, { error: { code: 'PAST_PONR', message: 'm' } }).length).toBeGreaterThan(0);
    expect(
      problems(403, { error: { code: 'NO_ACCESS', message: 'm', adminPortalUrl: 'x' } }).length,
    ).toBeGreaterThan(0);
    expect(own.validated).toBe(9);
  });
});
