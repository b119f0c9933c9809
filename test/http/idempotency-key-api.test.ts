import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ApiEnv } from '../../src/http/api-types.js';
import { idempotency } from '../../src/http/idempotency.js';
import { renderError } from '../../src/http/render-error.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { messagesIt } from '../../src/i18n/locales/it/app.js';
import { reserveIdempotencyKey } from '../../src/store/idempotency-key-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  type ErrorBody,
  orderBody,
  type PlacedReply,
  refusal,
  rowCounts,
} from './api-harness.js';

const HOUR = 3600_000;
const key = (k: string) => ({ 'Idempotency-Key': k });

describeEachStore('REST API: Idempotency-Key', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  it('replays the first response to a retry with the same body, and places the order once', async () => {
    const body = orderBody('WO-IDEM-1');
    const first = await call<PlacedReply>(api, w, 'POST', '/api/v1/orders', { body, headers: key('k-1') });
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const before = await rowCounts(w);

    const again = await call<PlacedReply>(api, w, 'POST', '/api/v1/orders', { body, headers: key('k-1') });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/orders/${first.body.orderId}`);
    expect(await rowCounts(w)).toEqual(before);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
    await call(api, w, 'POST', '/api/v1/orders', { body: orderBody('WO-IDEM-2'), headers: key('k-2') });
    const before = await rowCounts(w);
    const reused = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-IDEM-3'),
      headers: key('k-2'),
    });
    expect(refusal(reused)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', paths: [] });
    expect(reused.body.error.message).toBe(messagesEn.errors.IDEMPOTENCY_KEY_REUSED);
    expect(await rowCounts(w)).toEqual(before);

    const inItalian = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-IDEM-3'),
      headers: { ...key('k-2'), 'accept-language': 'it' },
    });
    expect(inItalian.body.error.message).toBe(messagesIt.errors.IDEMPOTENCY_KEY_REUSED);
  });

  it('keeps keys per user: another user may use the same key for their own request', async () => {
    await call(api, w, 'POST', '/api/v1/orders', { body: orderBody('WO-IDEM-4'), headers: key('shared') });
    const bobs = await call<PlacedReply>(api, w, 'POST', '/api/v1/orders', {
      as: 'bob',
      body: orderBody('WO-IDEM-5'),
      headers: key('shared'),
    });
    expect(bobs.status).toBe(201);
    expect(bobs.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('replays a 4xx refusal too, on PUT as on POST', async () => {
    const path = '/api/v1/subscriptions/Sub999999/provisioning-contact';
    const body = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' };
    const first = await call<ErrorBody>(api, w, 'PUT', path, { body, headers: key('k-404') });
    expect(first.status).toBe(404);
    const again = await call<ErrorBody>(api, w, 'PUT', path, { body, headers: key('k-404') });
    expect(again.status).toBe(404);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('forgets a key after 24 hours', async () => {
    await call(api, w, 'POST', '/api/v1/orders', { body: orderBody('WO-IDEM-6'), headers: key('k-day') });
    w.clock.advance(24 * HOUR);
    const later = await call(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-IDEM-7', { rsd: '2026-12-10' }),
      headers: key('k-day'),
    });
    expect(later.status).toBe(201);
    expect(later.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_USE while the first request with the key still runs', async () => {
    const body = orderBody('WO-IDEM-8');
    const now = w.clock.now();
    const hashOf = await import('node:crypto').then(({ createHash }) =>
      createHash('sha256').update('POST /api/v1/orders\n').update(JSON.stringify(body)).digest(),
    );
    await reserveIdempotencyKey(w.store.db, {
      userId: 'usr_alice',
      key: 'k-running',
      requestHash: hashOf,
      now,
      expiresAt: new Date(now.getTime() + HOUR),
      staleBefore: new Date(now.getTime() - HOUR),
    });
    const dup = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', { body, headers: key('k-running') });
    expect(refusal(dup)).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE', paths: [] });
  });

  it('refuses a malformed key as INVALID_INPUT', async () => {
    const bad = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      body: orderBody('WO-IDEM-9'),
      headers: key('x'.repeat(256)),
    });
    expect(refusal(bad)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['Idempotency-Key'] });
  });

  it('never keeps a 5xx: the retry runs again', async () => {
    let calls = 0;
    const app = new Hono<ApiEnv>();
    app.onError((err, c) => renderError(err, c, () => {}));
    app.use('*', async (c, next) => {
      c.set('actor', { ...w.actors.alice });
      await next();
    });
    app.use('*', idempotency(w.deps));
    app.post('/flaky', (c) => (++calls === 1 ? c.json({ boom: true }, 500) : c.json({ ok: calls }, 201)));
    const post = () => app.request('/flaky', { method: 'POST', body: '{}', headers: key('k-5xx') });
    expect((await post()).status).toBe(500);
    const retry = await post();
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual({ ok: 2 });
    const replayed = await post();
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(calls).toBe(2);
  });
});
