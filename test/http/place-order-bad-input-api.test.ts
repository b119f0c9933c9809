import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  contact,
  type ErrorBody,
  MAX_BODY_BYTES,
  orderBody,
  type PlacedReply,
  placeViaApi,
  refusal,
  rowCounts,
} from './api-harness.js';

interface OrderDetailBody {
  orderId: string;
  endCustomerName: string;
  submittedBy: { name: string; email: string };
  lines: { subscriptionId: string; offerCode: string; quantity: number }[];
}

// Issue: bad input (missing fields, bad e-mail, unknown offer, RSD in the past, duplicate web
// order id, oversize payloads) -> a clear error and nothing written.
describeEachStore('REST API: placing an order with bad input writes nothing', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const good = () => orderBody('WO-BAD-INPUT');

  it.each([
    ['every field missing', {}, ['webOrderId', 'endCustomerName', 'rsd', 'lines']],
    [
      'a line without a provisioning contact',
      { ...good(), lines: [{ offerCode: 'MEET-PRO', quantity: 1 }] },
      ['lines.0.provisioningContact'],
    ],
    [
      'a bad e-mail',
      { ...good(), lines: [{ ...good().lines[0], provisioningContact: contact('Irene', 'irene@') }] },
      ['lines.0.provisioningContact.email'],
    ],
    [
      'an unknown offer',
      { ...good(), lines: [{ ...good().lines[0], offerCode: 'NOPE-1' }] },
      ['lines.0.offerCode'],
    ],
    ['an RSD in the past', { ...good(), rsd: '2026-11-30' }, ['rsd']],
    [
      'a line RSD in the past',
      { ...good(), lines: [{ ...good().lines[0], rsd: '2025-12-01' }] },
      ['lines.0.rsd'],
    ],
    ['an RSD that is not a date', { ...good(), rsd: '01/12/2026' }, ['rsd']],
    ['quantity 0', { ...good(), lines: [{ ...good().lines[0], quantity: 0 }] }, ['lines.0.quantity']],
    ['an empty lines array', { ...good(), lines: [] }, ['lines']],
    ['an unknown distributor', { ...good(), distributorId: 'org_acme' }, ['distributorId']],
  ])('%s → 400 INVALID_INPUT naming the field', async (_what, body, paths) => {
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', { body });
    expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths });
    expect(reply.body.error.message).toBe(messagesEn.errors.INVALID_INPUT);
    for (const issue of reply.body.error.issues!) expect(issue.message).toMatch(/\w{3,}/);
    expect(await rowCounts(w)).toEqual(before);
  });

  it('names the unknown offer and today in the issue messages', async () => {
    const body = { ...good(), rsd: '2026-11-30', lines: [{ ...good().lines[0], offerCode: 'NOPE-1' }] };
    const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', { body });
    expect(reply.body.error.issues).toEqual([
      { path: 'rsd', message: 'must not be in the past (today is 2026-12-01)' },
      { path: 'lines.0.offerCode', message: 'unknown offer "NOPE-1"' },
    ]);
  });

  it('malformed JSON → 400 INVALID_INPUT', async () => {
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      rawBody: '{"webOrderId": "WO-BROKEN", "lines": [',
    });
    expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: [''] });
    expect(reply.body.error.issues![0]!.message).toMatch(/malformed json/i);
    expect(await rowCounts(w)).toEqual(before);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['an empty content type', { 'content-type': '' }],
  ])('a body sent as %s → 400 INVALID_INPUT naming the content type', async (_what, headers) => {
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      rawBody: JSON.stringify(good()),
      headers,
    });
    expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['content-type'] });
    expect(reply.body.error.issues![0]!.message).toMatch(/application\/json/);
    expect(await rowCounts(w)).toEqual(before);
  });

  it('a duplicate web order id → 409 DUPLICATE_WEB_ORDER_ID and the existing order is untouched', async () => {
    const first = await placeViaApi(api, w, orderBody('WO-DUP-1', { endCustomerName: 'First Customer' }));
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      as: 'paola',
      body: orderBody('WO-DUP-1', {
        endCustomerName: 'Second Customer',
        lines: [
          { offerCode: 'A-FLEX', quantity: 7, provisioningContact: contact('Zed', 'zed@second.example') },
        ],
      }),
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toEqual({
      code: 'DUPLICATE_WEB_ORDER_ID',
      message:
        'An order with web order id WO-DUP-1 already exists. Use a new web order id, or open the existing order.',
      webOrderId: 'WO-DUP-1',
    });
    expect(await rowCounts(w)).toEqual(before);
    const existing = await call<OrderDetailBody>(api, w, 'GET', '/api/v1/orders/WO-DUP-1');
    expect(existing.body).toMatchObject({
      orderId: first.orderId,
      endCustomerName: 'First Customer',
      submittedBy: { name: 'Alice Rossi' },
    });
    expect(existing.body.lines.map((l) => [l.subscriptionId, l.offerCode, l.quantity])).toEqual([
      [first.subscriptionIds[0], 'MEET-PRO', 10],
    ]);
  });

  it('two simultaneous orders with the same web order id: one is placed, the other is refused', async () => {
    const before = await rowCounts(w);
    const replies = await Promise.all(
      (['alice', 'paola'] as const).map((as) =>
        call<PlacedReply & ErrorBody>(api, w, 'POST', '/api/v1/orders', {
          as,
          body: orderBody('WO-RACE-1'),
        }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)!.body.error.code).toBe('DUPLICATE_WEB_ORDER_ID');
    const after = await rowCounts(w);
    expect([
      after.purchase_order - before.purchase_order,
      after.subscription_line - before.subscription_line,
    ]).toEqual([1, 1]);
  });

  describe('a body larger than maxBodyBytes → 413 PAYLOAD_TOO_LARGE', () => {
    const oversize = () => JSON.stringify({ ...good(), padding: 'x'.repeat(MAX_BODY_BYTES) });

    it('when the Content-Length says so', async () => {
      const before = await rowCounts(w);
      const rawBody = oversize();
      const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
        rawBody,
        headers: { 'content-length': String(Buffer.byteLength(rawBody)) },
      });
      expect(reply.status).toBe(413);
      expect(reply.body.error).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        message: messagesEn.errors.PAYLOAD_TOO_LARGE,
        maxBytes: MAX_BODY_BYTES,
      });
      expect(await rowCounts(w)).toEqual(before);
    });

    it('when the body streams without a length', async () => {
      const before = await rowCounts(w);
      const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', { rawBody: oversize() });
      expect(refusal(reply)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', paths: [] });
      expect(await rowCounts(w)).toEqual(before);
    });
  });

  it('only partner users place orders', async () => {
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      as: 'dana',
      body: orderBody('WO-BY-DISTRIBUTOR'),
    });
    expect(refusal(reply)).toEqual({ status: 403, code: 'NO_ACCESS', paths: [] });
    expect(await rowCounts(w)).toEqual(before);
  });
});
