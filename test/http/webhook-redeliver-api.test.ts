/**
 * POST /webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver, end to end: the API queues it,
 * the real dispatcher sends it to a real node:http receiver on a free port. Also each endpoint's
 * choice of event types (`events` at registration): it hears only those.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { dispatchWebhooks } from '../../src/jobs/dispatch-webhooks.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { OUTBOX } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, type ErrorBody, rowCounts } from './api-harness.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describeEachStore('REST API: redeliver a webhook', (kind) => {
  let w: World;
  let api: Api;
  let server: Server;
  let url = '';
  const received: Received[] = [];
  const metrics = createMetrics();
  beforeAll(async () => {
    w = await createWorld(kind);
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    api = apiOf(w);
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.end('ok');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await w.close();
  });

  const pass = () => dispatchWebhooks({ ...w.deps, outbox: OUTBOX, metrics });

  it('queues a new delivery of the same event that the receiver gets a second time', async () => {
    const endpoint = await call<{ endpointId: string }>(api, w, 'POST', '/api/v1/webhook-endpoints', {
      as: 'paola',
      body: { url, description: 'redeliver' },
    });
    expect(endpoint.status).toBe(201);
    const base = `/api/v1/webhook-endpoints/${endpoint.body.endpointId}`;
    const test = await call<{ deliveryId: string }>(api, w, 'POST', `${base}/test`, { as: 'paola' });
    expect(test.status).toBe(202);
    expect(await pass()).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);

    const again = await call<{ deliveryId: string; eventId: string; redeliveryOf: string }>(
      api,
      w,
      'POST',
      `${base}/deliveries/${test.body.deliveryId}/redeliver`,
      { as: 'paola' },
    );
    expect(again.status).toBe(202);
    const first = JSON.parse(received[0]!.body) as { id: string };
    expect(again.body).toEqual({
      deliveryId: expect.stringMatching(/^whd_/) as string,
      eventId: first.id,
      redeliveryOf: test.body.deliveryId,
    });
    expect(again.body.deliveryId).not.toBe(test.body.deliveryId);
    expect(await pass()).toMatchObject({ sent: 1 });

    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(received[0]!.headers['onramp-delivery']).toBe(test.body.deliveryId);
    expect(received[1]!.headers['onramp-delivery']).toBe(again.body.deliveryId);
    expect(received[1]!.headers['onramp-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    const log = await call<{ items: { deliveryId: string; eventId: string; status: string }[] }>(
      api,
      w,
      'GET',
      `${base}/deliveries`,
      { as: 'paola' },
    );
    expect(log.body.items.map((d) => [d.deliveryId, d.eventId, d.status]).sort()).toEqual(
      [
        [test.body.deliveryId, first.id, 'delivered'],
        [again.body.deliveryId, first.id, 'delivered'],
      ].sort(),
    );

    // Another organization learns nothing: its user gets NOT_FOUND, as for a missing delivery.
    const before = await rowCounts(w);
    const bobs = await call<ErrorBody>(
      api,
      w,
      'POST',
      `${base}/deliveries/${test.body.deliveryId}/redeliver`,
      {
        as: 'brenda',
      },
    );
    expect(bobs.status).toBe(404);
    expect(bobs.body.error.code).toBe('NOT_FOUND');
    const missing = await call<ErrorBody>(api, w, 'POST', `${base}/deliveries/whd_nosuchdelivery/redeliver`, {
      as: 'paola',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect(await rowCounts(w)).toEqual(before);
  });

  it('an endpoint that chose its event types hears only those; one that did not hears every type', async () => {
    const register = (path: string, events?: string[]) =>
      call<{ endpointId: string; events: string[] }>(api, w, 'POST', '/api/v1/webhook-endpoints', {
        as: 'paola',
        body: { url: `${url}${path}`, ...(events ? { events } : {}) },
      });
    const chosen = await register('-chosen', ['subscription.provisioned']);
    const every = await register('-every');
    expect(chosen.status).toBe(201);
    expect(chosen.body.events).toEqual(['subscription.provisioned']);
    expect(every.body.events).toContain('subscription.awaiting_provisioning');
    const listed = await call<{ items: { endpointId: string; events: string[] }[] }>(
      api,
      w,
      'GET',
      '/api/v1/webhook-endpoints',
      { as: 'paola' },
    );
    expect(listed.body.items.find((e) => e.endpointId === chosen.body.endpointId)?.events).toEqual([
      'subscription.provisioned',
    ]);

    const { subscriptionIds } = await w.order();
    await runDue(w.deps);
    received.length = 0;
    await pass();
    const heard = received.map((r) => [r.path, r.headers['onramp-event']]);
    expect(heard).toContainEqual(['/hooks-every', 'subscription.awaiting_provisioning']);
    expect(heard.filter(([path]) => path === '/hooks-chosen')).toEqual([]);
    const bodies = received.map((r) => JSON.parse(r.body) as { data: { subscriptionId?: string } });
    expect(bodies.some((b) => b.data.subscriptionId === subscriptionIds[0])).toBe(true);
    const chosenLog = await call<{ items: unknown[] }>(
      api,
      w,
      'GET',
      `/api/v1/webhook-endpoints/${chosen.body.endpointId}/deliveries`,
      { as: 'paola' },
    );
    expect(chosenLog.body.items).toEqual([]);

    const unknown = await call<ErrorBody>(api, w, 'POST', '/api/v1/webhook-endpoints', {
      as: 'paola',
      body: { url: `${url}-x`, events: ['order.eaten'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('INVALID_INPUT');
  });

  it('PATCH chooses the event types later; null hears every type again; another organization gets NOT_FOUND', async () => {
    const made = await call<{ endpointId: string }>(api, w, 'POST', '/api/v1/webhook-endpoints', {
      as: 'paola',
      body: { url: `${url}-later` },
    });
    const path = `/api/v1/webhook-endpoints/${made.body.endpointId}`;
    const chose = await call<{ events: string[] }>(api, w, 'PATCH', path, {
      as: 'paola',
      body: { events: ['subscription.closed'] },
    });
    expect(chose.status).toBe(200);
    expect(chose.body.events).toEqual(['subscription.closed']);

    await w.order();
    await runDue(w.deps);
    received.length = 0;
    await pass();
    expect(received.filter((r) => r.path === '/hooks-later')).toEqual([]);

    const all = await call<{ events: string[] }>(api, w, 'PATCH', path, {
      as: 'paola',
      body: { events: null },
    });
    expect(all.body.events).toContain('subscription.awaiting_provisioning');
    await w.order();
    await runDue(w.deps);
    received.length = 0;
    await pass();
    expect(received.filter((r) => r.path === '/hooks-later').map((r) => r.headers['onramp-event'])).toEqual([
      'subscription.awaiting_provisioning',
    ]);

    const other = await call<ErrorBody>(api, w, 'PATCH', path, { as: 'brenda', body: { events: null } });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
  });
});
