import { afterAll, beforeAll, expect, it } from 'vitest';

import { awaitingOrder, customerOrganization, freshContact, setupTokenOf } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, type ErrorBody, refusal, rowCounts } from './api-harness.js';

interface SetupBody {
  order: { webOrderId: string; endCustomerName: string; partnerName: string };
  provisioningContact: { email: string };
  lines: { subscriptionId: string; quantity: number }[];
  organizations: { contactAccount: string; suggested: { organizationId: string }[]; canCreate: boolean };
  countries: { country: string; dataRegion: string }[];
}

describeEachStore('REST API: the setup link (/api/v1/setup/{token})', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const path = (token: string, action = '') => `/api/v1/setup/${token}${action ? `/${action}` : ''}`;
  /** No bearer token: the link's token is the credential. */
  const anon = { as: null } as const;

  it('GET shows the order, lines, offered organizations and countries without a bearer token', async () => {
    const suggested = await customerOrganization(w, 'Initech Napoli', ['gino@initech.example']);
    const { subscriptionIds, contact } = await awaitingOrder(w, [{ quantity: 4 }]);
    const reply = await call<SetupBody>(
      api,
      w,
      'GET',
      path(await setupTokenOf(w, subscriptionIds[0]!)),
      anon,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.order).toMatchObject({ endCustomerName: 'Initech Srl', partnerName: 'Acme Reseller' });
    expect(reply.body.provisioningContact.email).toBe(contact.email);
    expect(reply.body.lines).toMatchObject([{ subscriptionId: subscriptionIds[0], quantity: 4 }]);
    expect(reply.body.organizations).toMatchObject({ contactAccount: 'none', canCreate: true });
    expect(reply.body.organizations.suggested.map((o) => o.organizationId)).toEqual([suggested]);
    expect(reply.body.countries).toContainEqual({ country: 'IT', dataRegion: 'Europe' });
  });

  it('an unknown or malformed token is 410 TOKEN_INVALID, in the caller language', async () => {
    for (const token of ['q'.repeat(43), 'abc']) {
      const reply = await call<ErrorBody>(api, w, 'GET', path(token), anon);
      expect(refusal(reply)).toMatchObject({ status: 410, code: 'TOKEN_INVALID' });
      expect(reply.body.error.reason).toBe('unknown');
    }
    const italian = await call<ErrorBody>(api, w, 'GET', path('q'.repeat(43)), {
      ...anon,
      headers: { 'accept-language': 'it' },
    });
    expect(italian.body.error.message).toBe(
      'Questo link di configurazione non è più valido. Richieda un nuovo link dalla sua pagina.',
    );
  });

  it('POST complete maps the order once; a second call is 409 ALREADY_MAPPED with the admin portal', async () => {
    const { subscriptionIds, orderId, contact } = await awaitingOrder(w, [{}, {}]);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    const body = { newOrganization: { name: 'Initech API', country: 'de' }, confirmedBy: { language: 'it' } };
    const done = await call<Record<string, unknown>>(api, w, 'POST', path(token, 'complete'), {
      ...anon,
      body,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ orderId, subscriptionIds, welcomeEmailTo: contact.email });
    const again = await call<ErrorBody>(api, w, 'POST', path(token, 'complete'), { ...anon, body });
    expect(refusal(again)).toMatchObject({ status: 409, code: 'ALREADY_MAPPED' });
    expect(again.body.error.adminPortalUrl).toBe(w.deps.settings.adminPortalUrl);
    const view = await call<ErrorBody>(api, w, 'GET', path(token), anon);
    expect(refusal(view)).toMatchObject({ status: 409, code: 'ALREADY_MAPPED' });
  });

  it('POST complete refuses bad bodies and organizations it does not offer, writing nothing', async () => {
    const hidden = await customerOrganization(w, 'Initech Hidden', ['h@elsewhere.example']);
    const { subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    const before = await rowCounts(w);
    const cases: [unknown, number, string, string[]][] = [
      [{}, 400, 'INVALID_INPUT', ['organizationId']],
      [
        { organizationId: hidden, newOrganization: { name: 'X', country: 'IT' } },
        400,
        'INVALID_INPUT',
        ['organizationId'],
      ],
      [
        { newOrganization: { name: 'X', country: 'Italy' } },
        400,
        'INVALID_INPUT',
        ['newOrganization.country'],
      ],
      [{ newOrganization: { name: 'X', country: 'ZZ' } }, 400, 'INVALID_INPUT', ['newOrganization.country']],
      [{ organizationId: hidden }, 404, 'NOT_FOUND', []],
    ];
    for (const [body, status, code, paths] of cases) {
      const reply = await call<ErrorBody>(api, w, 'POST', path(token, 'complete'), { ...anon, body });
      expect(refusal(reply)).toEqual({ status, code, paths });
    }
    expect(await rowCounts(w)).toEqual(before);
  });

  it('POST delegate is 202; the old link is then 410 with revokedReason delegated', async () => {
    const { subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    const nora = freshContact('nora');
    const bad = await call<ErrorBody>(api, w, 'POST', path(token, 'delegate'), {
      ...anon,
      body: { name: '', email: 'nope' },
    });
    expect(refusal(bad)).toMatchObject({ status: 400, paths: ['name', 'email'] });
    const reply = await call<{ delegatedTo: { email: string }; updated: { sendId: string }[] }>(
      api,
      w,
      'POST',
      path(token, 'delegate'),
      { ...anon, body: nora },
    );
    expect(reply.status).toBe(202);
    expect(reply.body.delegatedTo.email).toBe(nora.email);
    expect(reply.body.updated).toHaveLength(1);
    const dead = await call<ErrorBody>(api, w, 'GET', path(token), anon);
    expect(refusal(dead)).toMatchObject({ status: 410, code: 'TOKEN_INVALID' });
    expect(dead.body.error).toMatchObject({ reason: 'revoked', revokedReason: 'delegated' });
  });

  it('the OpenAPI document describes the three routes without bearer security', async () => {
    const doc = await call<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(
      api,
      w,
      'GET',
      '/api/v1/openapi.json',
      anon,
    );
    expect(doc.body.paths['/api/v1/setup/{token}']?.get?.security).toEqual([]);
    expect(doc.body.paths['/api/v1/setup/{token}/delegate']?.post).toBeDefined();
    expect(doc.body.paths['/api/v1/setup/{token}/complete']?.post).toBeDefined();
  });
});
