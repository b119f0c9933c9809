/**
 * /api/v1/offers: every signed-in user lists the catalogue; operators add, rename, change the
 * period, retire and reinstate; everyone else is refused; bad input and refusals write nothing;
 * a retired offer refuses POST /orders naming it; Idempotency-Key replays a PATCH.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  contact,
  countRows,
  type ErrorBody,
  orderBody,
  refusal,
  rowCounts,
} from './api-harness.js';

interface Offer {
  code: string;
  name: string;
  policyDays: number;
  active: boolean;
}

describeEachStore('REST API: offers', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const offerCount = () => countRows(w, 'offer');

  it('lists the catalogue for every signed-in user, customer admins too, and nobody signed out', async () => {
    for (const who of ['alice', 'dana', 'sam', 'olga', 'carla'] as UserKey[]) {
      const reply = await call<{ items: Offer[] }>(api, w, 'GET', '/api/v1/offers', { as: who });
      expect(reply.status).toBe(200);
      expect(reply.body.items).toContainEqual({
        code: 'A-FLEX',
        name: 'Active Flex',
        policyDays: 7,
        active: true,
      });
      expect(reply.body.items).toContainEqual({
        code: 'MEET-PRO',
        name: 'Meetings Pro',
        policyDays: 30,
        active: true,
      });
      expect(Object.keys(reply.body.items[0]!).sort()).toEqual(['active', 'code', 'name', 'policyDays']);
    }
    expect((await call(api, w, 'GET', '/api/v1/offers', { as: null })).status).toBe(401);
  });

  it('operators add an offer (201, Location); a duplicate code is 409 ALREADY_EXISTS', async () => {
    const body = { code: 'VOICE-X', name: 'Voice X', policyDays: 14 };
    const added = await call<Offer>(api, w, 'POST', '/api/v1/offers', { as: 'olga', body });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ ...body, active: true });
    expect(added.headers.get('location')).toBe('/api/v1/offers/VOICE-X');

    const count = await offerCount();
    const again = await call<ErrorBody>(api, w, 'POST', '/api/v1/offers', {
      as: 'olga',
      body: { ...body, name: 'Other' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_EXISTS', what: 'offer' });
    expect(await offerCount()).toBe(count);
  });

  it('refuses everyone but operators with NO_ACCESS { area: operator }, writing nothing', async () => {
    const counts = await rowCounts(w);
    const count = await offerCount();
    for (const who of ['alice', 'paola', 'dora', 'sam', 'carla'] as UserKey[]) {
      const add = await call<ErrorBody>(api, w, 'POST', '/api/v1/offers', {
        as: who,
        body: { code: 'SNEAKY', name: 'Sneaky', policyDays: 3 },
      });
      expect(add.status).toBe(403);
      expect(add.body.error).toMatchObject({ code: 'NO_ACCESS', area: 'operator' });
      const patch = await call<ErrorBody>(api, w, 'PATCH', '/api/v1/offers/MEET-PRO', {
        as: who,
        body: { active: false },
      });
      expect(patch.status).toBe(403);
      expect(patch.body.error.message).toBe(
        'Only Onramp operators manage organizations, offers and support agents. Ask one of them.',
      );
    }
    expect(await offerCount()).toBe(count);
    expect(await rowCounts(w)).toEqual(counts);
  });

  it('refuses bad input with 400 INVALID_INPUT naming the field, writing nothing', async () => {
    const counts = await rowCounts(w);
    const count = await offerCount();
    const cases: [unknown, string][] = [
      [{ code: 'lower', name: 'x', policyDays: 3 }, 'code'],
      [{ code: 'X', name: 'x', policyDays: 3 }, 'code'],
      [{ code: 'OK-1', name: '', policyDays: 3 }, 'name'],
      [{ code: 'OK-1', name: 'n'.repeat(101), policyDays: 3 }, 'name'],
      [{ code: 'OK-1', name: 'x', policyDays: 0 }, 'policyDays'],
      [{ code: 'OK-1', name: 'x', policyDays: 366 }, 'policyDays'],
      // Longer than a setup link lives (SETUP_LINK_TTL_DAYS, 90 in the test world).
      [{ code: 'OK-1', name: 'x', policyDays: 91 }, 'policyDays'],
      [{ code: 'OK-1', name: 'x', policyDays: '30' }, 'policyDays'],
      [{ code: 'OK-1', name: 'x' }, 'policyDays'],
    ];
    for (const [body, path] of cases) {
      const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/offers', { as: 'olga', body });
      expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: [path] });
    }
    const patch = await call<ErrorBody>(api, w, 'PATCH', '/api/v1/offers/MEET-PRO', {
      as: 'olga',
      body: { policyDays: 400, active: 'no' },
    });
    expect(refusal(patch)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['policyDays', 'active'] });
    const badCode = await call<ErrorBody>(api, w, 'PATCH', '/api/v1/offers/meet-pro', {
      as: 'olga',
      body: { name: 'x' },
    });
    expect(refusal(badCode)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['code'] });
    const missing = await call<ErrorBody>(api, w, 'PATCH', '/api/v1/offers/NOPE-1', {
      as: 'olga',
      body: { name: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(await offerCount()).toBe(count);
    expect(await rowCounts(w)).toEqual(counts);
  });

  it('changes name and period (lines already ordered keep theirs), retires and reinstates', async () => {
    const before = await call<{ subscriptionIds: string[] }>(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-OFFERS-1'),
    });
    expect(before.status).toBe(201);

    const changed = await call<Offer>(api, w, 'PATCH', '/api/v1/offers/MEET-PRO', {
      as: 'olga',
      body: { name: 'Meetings Pro Plus', policyDays: 12 },
      headers: { 'idempotency-key': 'offer-change-1' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      code: 'MEET-PRO',
      name: 'Meetings Pro Plus',
      policyDays: 12,
      active: true,
    });
    // A retry with the same key replays the answer and changes nothing twice.
    const replay = await call<Offer>(api, w, 'PATCH', '/api/v1/offers/MEET-PRO', {
      as: 'olga',
      body: { name: 'Meetings Pro Plus', policyDays: 12 },
      headers: { 'idempotency-key': 'offer-change-1' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const after = await call<{ subscriptionIds: string[] }>(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-OFFERS-2'),
    });
    const periods = await w.store.db
      .selectFrom('subscription_line')
      .select(['subscription_id', 'policy_days'])
      .where('subscription_id', 'in', [before.body.subscriptionIds[0]!, after.body.subscriptionIds[0]!])
      .orderBy('subscription_id')
      .execute();
    expect(periods.map((p) => p.policy_days)).toEqual([30, 12]);

    const retired = await call<Offer>(api, w, 'PATCH', '/api/v1/offers/MEET-PRO', {
      as: 'olga',
      body: { active: false },
    });
    expect(retired.body.active).toBe(false);
    const list = await call<{ items: Offer[] }>(api, w, 'GET', '/api/v1/offers', { as: 'carla' });
    expect(list.body.items.at(-1)).toMatchObject({ code: 'MEET-PRO', active: false }); // retired ones last

    const counts = await rowCounts(w);
    const refused = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-OFFERS-3', {
        lines: [
          {
            offerCode: 'A-FLEX',
            quantity: 1,
            provisioningContact: contact('Irene', 'irene@initech.example'),
          },
          {
            offerCode: 'MEET-PRO',
            quantity: 1,
            provisioningContact: contact('Irene', 'irene@initech.example'),
          },
        ],
      }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: 'lines.1.offerCode', message: 'offer MEET-PRO is retired' },
    ]);
    expect(await rowCounts(w)).toEqual(counts);

    const reinstated = await call<Offer>(api, w, 'PATCH', '/api/v1/offers/MEET-PRO', {
      as: 'olga',
      body: { active: true },
    });
    expect(reinstated.body).toEqual({
      code: 'MEET-PRO',
      name: 'Meetings Pro Plus',
      policyDays: 12,
      active: true,
    });
    expect((await call(api, w, 'POST', '/api/v1/orders', { body: orderBody('WO-OFFERS-3') })).status).toBe(
      201,
    );
  });
});
