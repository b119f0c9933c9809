import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { messagesIt } from '../../src/i18n/locales/it/app.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, type ErrorBody, orderBody, rowCounts } from './api-harness.js';

const REVOKED_TOKEN = `tok_revoked_${'y'.repeat(20)}`;

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
}

describeEachStore('REST API: authentication, health and the OpenAPI document', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
    await w.store.db
      .insertInto('api_token')
      .values({
        id: 'tok_revoked',
        token_hash: hashToken(REVOKED_TOKEN),
        user_id: 'usr_alice',
        label: 'old laptop',
        created_at: w.clock.now(),
        revoked_at: w.clock.now(),
      })
      .execute();
  });
  afterAll(() => w.close());

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['an unknown token', { authorization: `Bearer tok_nobody_${'z'.repeat(20)}` }],
      ['a revoked token', { authorization: `Bearer ${REVOKED_TOKEN}` }],
      ['a token that is too short', { authorization: 'Bearer abc' }],
      ['another scheme', { authorization: `Basic ${Buffer.from('alice:secret').toString('base64')}` }],
    ])('%s → 401 UNAUTHENTICATED', async (_what, headers) => {
      for (const [method, path] of [
        ['GET', '/api/v1/orders'],
        ['GET', '/api/v1/subscriptions?status=closed'],
        ['POST', '/api/v1/subscriptions/Sub100000001/resend'],
      ] as const) {
        const reply = await call<ErrorBody>(api, w, method, path, { as: null, headers });
        expect({ path, status: reply.status, error: reply.body.error }).toEqual({
          path,
          status: 401,
          error: { code: 'UNAUTHENTICATED', message: messagesEn.errors.UNAUTHENTICATED },
        });
      }
    });

    it('an unauthenticated order writes nothing', async () => {
      const before = await rowCounts(w);
      const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
        as: null,
        body: orderBody('WO-ANONYMOUS'),
      });
      expect(reply.status).toBe(401);
      expect(await rowCounts(w)).toEqual(before);
    });

    it('says it in Italian to Accept-Language: it', async () => {
      const reply = await call<ErrorBody>(api, w, 'GET', '/api/v1/orders', {
        as: null,
        headers: { 'accept-language': 'it' },
      });
      expect(reply.body.error.message).toBe(messagesIt.errors.UNAUTHENTICATED);
    });

    it('a live token is accepted, and the request id is echoed', async () => {
      const reply = await call(api, w, 'GET', '/api/v1/orders', { headers: { 'x-request-id': 'req-42' } });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ items: [], nextCursor: null });
      expect(reply.headers.get('x-request-id')).toBe('req-42');
    });

    it('an unknown API path is a JSON 404 for a signed-in caller', async () => {
      const reply = await call<ErrorBody>(api, w, 'GET', '/api/v1/nothing-here');
      expect(reply.status).toBe(404);
      expect(reply.body.error).toEqual({ code: 'NOT_FOUND', message: messagesEn.errors.NOT_FOUND });
    });
  });

  describe('health', () => {
    it('/healthz answers 200 without a token', async () => {
      const reply = await call(api, w, 'GET', '/healthz', { as: null });
      expect(reply).toMatchObject({ status: 200, body: { status: 'ok' } });
    });

    it('/readyz answers 200 when the database answers and is migrated', async () => {
      const reply = await call(api, w, 'GET', '/readyz', { as: null });
      expect(reply).toMatchObject({ status: 200, body: { status: 'ready' } });
    });
  });

  describe('the OpenAPI document', () => {
    let doc: OpenApiDocument;
    let status: number;
    beforeAll(async () => {
      const reply = await call<OpenApiDocument>(api, w, 'GET', '/api/v1/openapi.json', { as: null });
      status = reply.status;
      doc = reply.body;
    });

    it('is served without a token', () => {
      expect(status).toBe(200);
      expect(doc.openapi).toBe('3.1.0');
    });

    it('describes the order and subscription operations', () => {
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(operations).toEqual(
        expect.arrayContaining([
          'GET /api/v1/orders',
          'GET /api/v1/orders/{orderId}',
          'GET /api/v1/subscriptions',
          'GET /api/v1/subscriptions/{subscriptionId}',
          'POST /api/v1/orders',
          'POST /api/v1/subscriptions/{subscriptionId}/cancel',
          'POST /api/v1/subscriptions/{subscriptionId}/resend',
          'PUT /api/v1/subscriptions/{subscriptionId}/provisioning-contact',
        ]),
      );
    });

    it('declares bearer auth and the refusals of placing an order', () => {
      expect(doc.components.securitySchemes['bearerAuth']).toEqual({ type: 'http', scheme: 'bearer' });
      const place = doc.paths['/api/v1/orders']!['post']!;
      expect(place.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(place.responses).sort()).toEqual([
        '201',
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '422',
        '500',
        '503',
      ]);
    });
  });
});
