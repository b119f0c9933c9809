/**
 * /api/v1/webhook-endpoints: register (secret shown once), list, delete, delivery log, test event;
 * who may manage endpoints; private and loopback URLs refused unless WEBHOOKS_ALLOW_PRIVATE; bad
 * input refused. Every refusal writes nothing.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';

import { WEBHOOK_EVENT_TYPES } from '../../src/domain/webhook-events.js';
import { openWebhookSecret } from '../../src/store/webhook-secrets.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import { type Api, apiOf, call, type ErrorBody, refusal } from './api-harness.js';

const PATH = '/api/v1/webhook-endpoints';
/** A public address written as an IP literal: no DNS query leaves the test machine. */
const PUBLIC_URL = 'https://93.184.215.14/hooks/onramp';

interface EndpointBody {
  endpointId: string;
  url: string;
  description: string;
  events?: string[];
  createdAt: string;
  secret?: string;
}

interface DeliveryBody {
  deliveryId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  attemptLog: unknown[];
}

describeEachStore('REST API: webhook endpoints', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());
  beforeEach(async () => {
    w.deps.settings.webhooks = { allowPrivate: false, timeoutMs: 5_000 };
    await w.store.db.updateTable('webhook_endpoint').set({ deleted_at: w.clock.now() }).execute();
  });

  const register = (as: UserKey, body: Record<string, unknown>) =>
    call<EndpointBody & ErrorBody>(api, w, 'POST', PATH, { as, body });
  const endpointCount = async () =>
    Number(
      (
        await w.store.db
          .selectFrom('webhook_endpoint')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('registers an endpoint: the secret is generated, returned once, stored sealed, never listed', async () => {
    const reply = await register('paola', { url: PUBLIC_URL, description: 'ERP bridge' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ url: PUBLIC_URL, description: 'ERP bridge' });
    expect(reply.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(reply.headers.get('location')).toBe(`${PATH}/${reply.body.endpointId}`);

    const stored = await w.store.db
      .selectFrom('webhook_endpoint')
      .select(['organization_id', 'secret', 'created_by_user_id'])
      .where('id', '=', reply.body.endpointId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      organization_id: 'org_acme',
      secret: expect.stringMatching(/^sealed:v1:/),
      created_by_user_id: 'usr_paola',
    });
    // Sealed at rest (purpose 'webhook'); it opens to the secret shown.
    expect(stored.secret).not.toContain(reply.body.secret!);
    expect(openWebhookSecret(stored.secret)).toBe(reply.body.secret);

    const list = await call<{ items: EndpointBody[] }>(api, w, 'GET', PATH, { as: 'paola' });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        endpointId: reply.body.endpointId,
        url: PUBLIC_URL,
        description: 'ERP bridge',
        events: [...WEBHOOK_EVENT_TYPES],
        createdAt: reply.body.createdAt,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(reply.body.secret!);
  });

  it('keeps a secret the partner supplies', async () => {
    const secret = 'my-own-secret-0123456789-abcdef';
    const reply = await register('paola', { url: PUBLIC_URL, secret });
    expect(reply.status).toBe(201);
    expect(reply.body.secret).toBe(secret);
  });

  it('partner admins and distributor users manage their own organization only; others get NO_ACCESS', async () => {
    const acme = await register('paola', { url: PUBLIC_URL });
    const dist = await register('dana', { url: `${PUBLIC_URL}/dist` });
    expect([acme.status, dist.status]).toEqual([201, 201]);

    for (const who of ['alice', 'carla', 'sam'] as const) {
      expect(refusal(await call(api, w, 'GET', PATH, { as: who }))).toMatchObject({
        status: 403,
        code: 'NO_ACCESS',
      });
      expect(refusal(await register(who, { url: PUBLIC_URL }))).toMatchObject({
        status: 403,
        code: 'NO_ACCESS',
      });
    }
    // Brenda administers another partner: she sees none of Acme's endpoints and cannot touch them.
    const brendaList = await call<{ items: EndpointBody[] }>(api, w, 'GET', PATH, { as: 'brenda' });
    expect(brendaList.body.items).toEqual([]);
    const id = acme.body.endpointId;
    for (const [method, path] of [
      ['DELETE', `${PATH}/${id}`],
      ['GET', `${PATH}/${id}/deliveries`],
      ['POST', `${PATH}/${id}/test`],
    ] as const) {
      expect(refusal(await call(api, w, method, path, { as: 'brenda' })), `${method} ${path}`).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    const danaList = await call<{ items: EndpointBody[] }>(api, w, 'GET', PATH, { as: 'dana' });
    expect(danaList.body.items.map((e) => e.endpointId)).toEqual([dist.body.endpointId]);
    expect(await endpointCount()).toBeGreaterThanOrEqual(2);
  });

  it('refuses loopback, private, link-local, CGNAT, IPv4-mapped and NAT64/6to4/Teredo URLs, and a host name resolving to 127.0.0.1', async () => {
    const before = await endpointCount();
    for (const url of [
      'http://localhost:8080/hook',
      'http://127.0.0.1/hook',
      'http://0x7f000001/hook',
      'http://10.1.2.3/hook',
      'http://172.16.0.1/hook',
      'http://192.168.1.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/hook',
      'http://0.0.0.0/hook',
      'http://224.0.0.1/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[fd00::1]/hook',
      'http://[fe80::1]/hook',
      // IPv6 translation and tunnelling prefixes that embed 127.0.0.1 (issue 18)
      'http://[64:ff9b::7f00:1]/hook',
      'http://[2002:7f00:1::1]/hook',
      'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
      'http://[::ffff:0:7f00:1]/hook',
    ]) {
      const reply = await register('paola', { url });
      expect(refusal(reply), url).toEqual({ status: 422, code: 'WEBHOOK_URL_REFUSED', paths: [] });
      expect(reply.body.error.reason, url).toBe('private_address');
    }
    const withCredentials = await register('paola', { url: 'https://user:pw@93.184.215.14/hook' });
    expect(withCredentials.body.error).toMatchObject({ code: 'WEBHOOK_URL_REFUSED', reason: 'credentials' });
    expect(await endpointCount()).toBe(before);
  });

  it('accepts a loopback URL when WEBHOOKS_ALLOW_PRIVATE is set', async () => {
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    const reply = await register('paola', { url: 'http://localhost:8080/hook' });
    expect(reply.status).toBe(201);
  });

  it('refuses bad input with every field named, writing nothing', async () => {
    const before = await endpointCount();
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['url']],
      [{ url: 'not a url' }, ['url']],
      [{ url: 'ftp://93.184.215.14/x' }, ['url']],
      [{ url: PUBLIC_URL, secret: 'short' }, ['secret']],
      [{ url: PUBLIC_URL, description: 'x'.repeat(201) }, ['description']],
      [{ url: 42, secret: 7 }, ['url', 'secret']],
    ];
    for (const [body, paths] of cases) {
      const reply = await register('paola', body);
      expect(refusal(reply), JSON.stringify(body)).toEqual({ status: 400, code: 'INVALID_INPUT', paths });
    }
    const badId = await call(api, w, 'DELETE', `${PATH}/not-an-id`, { as: 'paola' });
    expect(refusal(badId as never)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['endpointId'] });
    expect(await endpointCount()).toBe(before);
  });

  it('queues a test event shown in the delivery log; deleting withdraws what still waits', async () => {
    const { body: endpoint } = await register('paola', { url: PUBLIC_URL });
    const test = await call<{ deliveryId: string }>(api, w, 'POST', `${PATH}/${endpoint.endpointId}/test`, {
      as: 'paola',
    });
    expect(test.status).toBe(202);
    expect(test.body.deliveryId).toMatch(/^whd_/);

    const log = await call<{ items: DeliveryBody[] }>(
      api,
      w,
      'GET',
      `${PATH}/${endpoint.endpointId}/deliveries`,
      {
        as: 'paola',
      },
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        deliveryId: test.body.deliveryId,
        eventType: 'webhook.test',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: w.clock.now().toISOString(),
        attemptLog: [],
      }),
    ]);

    const del = await api.request(`${PATH}/${endpoint.endpointId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.tokens.paola}` },
    });
    expect(del.status).toBe(204);
    const row = await w.store.db
      .selectFrom('outbox')
      .select(['status'])
      .where('message_key', '=', test.body.deliveryId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('superseded');
    const list = await call<{ items: EndpointBody[] }>(api, w, 'GET', PATH, { as: 'paola' });
    expect(list.body.items.map((e) => e.endpointId)).not.toContain(endpoint.endpointId);
    const again = await call(api, w, 'DELETE', `${PATH}/${endpoint.endpointId}`, { as: 'paola' });
    expect(refusal(again as never)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
