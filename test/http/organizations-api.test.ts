/**
 * /api/v1/organizations (operators only): list with user counts and the kind filter, create
 * (201 with Location; the same kind and name in any case is 409 ALREADY_EXISTS), get, PATCH
 * rename / deactivate / reactivate (a deactivated organization's tokens get 401 at once), the
 * operator organization kept active, Idempotency-Key replay, and refusals that write nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, countRows, type ErrorBody, refusal } from './api-harness.js';

const PATH = '/api/v1/organizations';

interface Organization {
  organizationId: string;
  kind: string;
  name: string;
  active: boolean;
  createdAt: string;
  userCount: number;
}

describeEachStore('REST API: organizations', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const organizationCount = () => countRows(w, 'organization');

  it('lists every organization with its user count to an operator, filtered by kind', async () => {
    const all = await call<{ items: Organization[] }>(api, w, 'GET', PATH, { as: 'olga' });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(6);
    expect(all.body.items.find((o) => o.organizationId === 'org_dist')).toEqual({
      organizationId: 'org_dist',
      kind: 'distributor',
      name: 'Northwind Distribution',
      active: true,
      createdAt: '2026-12-01T09:00:00.000Z',
      userCount: 2,
    });
    const customers = await call<{ items: Organization[] }>(api, w, 'GET', `${PATH}?kind=customer`, {
      as: 'olga',
    });
    expect(customers.body.items.map((o) => o.organizationId)).toEqual(['org_globex']);
    const bad = await call<ErrorBody>(api, w, 'GET', `${PATH}?kind=tenant`, { as: 'olga' });
    expect(refusal(bad)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['kind'] });
  });

  it('refuses everyone else with 403 NO_ACCESS (area operator) and writes nothing', async () => {
    const before = await organizationCount();
    for (const who of ['alice', 'paola', 'dora', 'sam', 'carla'] as const) {
      const replies = [
        await call<ErrorBody>(api, w, 'GET', PATH, { as: who }),
        await call<ErrorBody>(api, w, 'POST', PATH, { as: who, body: { kind: 'partner', name: 'Sneaky' } }),
        await call<ErrorBody>(api, w, 'GET', `${PATH}/org_acme`, { as: who }),
        await call<ErrorBody>(api, w, 'PATCH', `${PATH}/org_bright`, { as: who, body: { active: false } }),
      ];
      for (const reply of replies) {
        expect(reply.status).toBe(403);
        expect(reply.body.error).toMatchObject({ code: 'NO_ACCESS', area: 'operator' });
        expect(reply.body.error.message).toContain('Only Onramp operators');
      }
    }
    expect((await call(api, w, 'GET', PATH, { as: null })).status).toBe(401);
    expect(await organizationCount()).toBe(before);
  });

  it('creates a partner (201, Location), refuses the same name in any case (409), and replays an Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'create-wingtip-1' };
    const created = await call<Organization>(api, w, 'POST', PATH, {
      as: 'olga',
      body: { kind: 'partner', name: ' Wingtip Toys ' },
      headers,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'partner', name: 'Wingtip Toys', active: true, userCount: 0 });
    expect(created.headers.get('location')).toBe(`${PATH}/${created.body.organizationId}`);

    const replay = await call<Organization>(api, w, 'POST', PATH, {
      as: 'olga',
      body: { kind: 'partner', name: ' Wingtip Toys ' },
      headers,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.organizationId).toBe(created.body.organizationId);

    const dup = await call<ErrorBody>(api, w, 'POST', PATH, {
      as: 'olga',
      body: { kind: 'partner', name: 'WINGTIP toys' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'ALREADY_EXISTS', what: 'partner "WINGTIP toys"' });

    const got = await call<Organization>(api, w, 'GET', `${PATH}/${created.body.organizationId}`, {
      as: 'olga',
    });
    expect(got.body).toEqual(created.body);
  });

  it('refuses bad bodies with 400 INVALID_INPUT naming the fields, writing nothing', async () => {
    const before = await organizationCount();
    const cases: [unknown, string[]][] = [
      [{ kind: 'customer', name: 'Wizard Co' }, ['kind']],
      [{ kind: 'partner', name: 'x' }, ['name']],
      [{ name: 'No Kind' }, ['kind']],
      [{ kind: 'distributor', name: 'z'.repeat(201) }, ['name']],
    ];
    for (const [body, paths] of cases)
      expect(refusal(await call<ErrorBody>(api, w, 'POST', PATH, { as: 'olga', body }))).toEqual({
        status: 400,
        code: 'INVALID_INPUT',
        paths,
      });
    const emptyPatch = await call<ErrorBody>(api, w, 'PATCH', `${PATH}/org_bright`, { as: 'olga', body: {} });
    expect(emptyPatch.status).toBe(400);
    expect(await organizationCount()).toBe(before);
    expect((await call<ErrorBody>(api, w, 'GET', `${PATH}/org_missing`, { as: 'olga' })).status).toBe(404);
    expect((await call<ErrorBody>(api, w, 'GET', `${PATH}/not%20an%20id`, { as: 'olga' })).status).toBe(400);
  });

  it("PATCH renames, deactivates (its users' tokens 401 at once) and reactivates; the operator organization stays active", async () => {
    const renamed = await call<Organization>(api, w, 'PATCH', `${PATH}/org_bright`, {
      as: 'olga',
      body: { name: 'Brightlink Partners Italia' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Brightlink Partners Italia');

    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'bob' })).status).toBe(200);
    const off = await call<Organization>(api, w, 'PATCH', `${PATH}/org_bright`, {
      as: 'olga',
      body: { active: false },
    });
    expect(off.body.active).toBe(false);
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'bob' })).status).toBe(401);
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'brenda' })).status).toBe(401);
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'alice' })).status).toBe(200);

    const on = await call<Organization>(api, w, 'PATCH', `${PATH}/org_bright`, {
      as: 'olga',
      body: { active: true },
    });
    expect(on.body.active).toBe(true);
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'bob' })).status).toBe(200);

    const own = await call<ErrorBody>(api, w, 'PATCH', `${PATH}/org_ops`, {
      as: 'olga',
      body: { active: false },
    });
    expect(refusal(own)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['active'] });
    expect((await call(api, w, 'GET', '/api/v1/organizations', { as: 'olga' })).status).toBe(200);

    const taken = await call<ErrorBody>(api, w, 'PATCH', `${PATH}/org_bright`, {
      as: 'olga',
      body: { name: 'acme reseller' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('ALREADY_EXISTS');
  });
});
