/**
 * Item 9: hostile input. fast-check throws arbitrary JSON, and valid bodies with one field made
 * hostile, at every API body; arbitrary text and mangled rows at the CSV importer; SQL injection
 * strings into every path and query parameter; oversize bodies at the API. Never a 500, never a
 * crash, and a refused request or import writes nothing (all-or-nothing).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { CSV_COLUMNS, importOrders } from '../../src/app/orders/import-orders.js';
import { AppError } from '../../src/domain/errors.js';
import { createApi } from '../../src/http/create-api.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { checkedRequest, orderBody, type RowCounts, rowCounts } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const MAX_BODY = 20_000;
const SECRET = 'x'.repeat(40);
const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE audit_event; --",
  '1; DELETE FROM purchase_order',
  "Sub1' UNION SELECT token_hash FROM api_token --",
  '%',
  '_',
  '\\',
  '\u0000',
  '"; SELECT pg_sleep(5); --',
  '$1',
  "' || (SELECT email FROM app_user LIMIT 1) || '",
];

/** A JSON value, or a valid body with one field replaced by anything. */
function hostile<T extends Record<string, unknown>>(valid: T) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.jsonValue(),
    fc
      .record({
        key: fc.constantFrom(...keys),
        value: fc.oneof(fc.jsonValue(), fc.constantFrom(...SQL_INJECTION)),
      })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );
}

describeEachStore('hostile input', (kind) => {
  let w: World;
  let api: ReturnType<typeof createApi>;
  const errors: unknown[] = [];
  const figures = { requests: 0, refused: 0, accepted: 0, serverErrors: 0, partialWrites: 0, csvRuns: 0 };
  beforeAll(async () => {
    w = await createWorld(kind);
    api = createApi(
      { ...w.deps, store: w.store, maxBodyBytes: MAX_BODY, emailEventsSecret: SECRET },
      { logError: (err) => errors.push(err) },
    );
  });
  afterAll(async () => {
    console.log(
      `[security] hostile input [${kind}]: ${figures.requests} requests (${figures.accepted} accepted, ` +
        `${figures.refused} refused), ${figures.csvRuns} CSV imports, ${figures.serverErrors} × 5xx, ` +
        `${figures.partialWrites} partial writes, ${errors.length} crashes logged`,
    );
    await w.close();
  });

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    figures.requests++;
    const before = await rowCounts(w);
    const res = await checkedRequest(api, path, {
      method,
      headers: {
        authorization: `Bearer ${w.tokens.alice}`,
        'x-onramp-webhook-secret': SECRET,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 500) figures.serverErrors++;
    expect(res.status, `${method} ${path} ${text}`).toBeLessThan(500);
    expect(() => JSON.parse(text), `${method} ${path} answers JSON`).not.toThrow();
    if (res.status >= 400) {
      figures.refused++;
      const after: RowCounts = await rowCounts(w);
      if (JSON.stringify(after) !== JSON.stringify(before)) figures.partialWrites++;
      expect(after, `${method} ${path} refused and wrote nothing`).toEqual(before);
    } else figures.accepted++;
    return res.status;
  }

  it('every API body, fuzzed: never a 500, a refusal writes nothing', { timeout: 240_000 }, async () => {
    const { subscriptionIds } = await awaitingOrder(w);
    const line = subscriptionIds[0]!;
    const token = await setupTokenOf(w, line);
    const contact = { name: 'Irene', email: 'irene@initech.example', language: 'en', applyToAllLines: false };
    const bodies: [string, string, Record<string, unknown>][] = [
      ['POST', '/api/v1/orders', orderBody('WO-FUZZ') as unknown as Record<string, unknown>],
      ['PUT', `/api/v1/subscriptions/${line}/provisioning-contact`, contact],
      ['POST', `/api/v1/setup/${token}/delegate`, { name: 'D', email: 'd@initech.example', language: 'en' }],
      [
        'POST',
        `/api/v1/setup/${token}/complete`,
        { newOrganization: { name: 'Initech Srl', country: 'IT' } },
      ],
      ['POST', '/api/v1/email-events', { type: 'bounced', messageId: '<snd_x@onramp.test>', detail: 'x' }],
    ];
    for (const [method, path, valid] of bodies) {
      await fc.assert(
        fc.asyncProperty(hostile(valid), async (body) => {
          await send(method, path, body);
        }),
        { numRuns: 40 },
      );
    }
    // Not JSON at all, and JSON in the wrong type.
    for (const raw of ['{', '{"webOrderId":', 'null', '[]', '"x"', '\u0000'.repeat(10)])
      await send('POST', '/api/v1/orders', raw);
    await send('POST', '/api/v1/orders', 'webOrderId=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(errors).toEqual([]);
  });

  it(
    'SQL injection in every path and query parameter: refused or answered, nothing changed',
    { timeout: 120_000 },
    async () => {
      const { subscriptionIds } = await awaitingOrder(w);
      const before = await rowCounts(w);
      for (const evil of SQL_INJECTION) {
        const e = encodeURIComponent(evil);
        for (const path of [
          `/api/v1/orders/${e}`,
          `/api/v1/subscriptions/${e}`,
          `/api/v1/subscriptions/${e}/resend`,
          `/api/v1/setup/${e}`,
          `/api/v1/orders?q=${e}&status=${e}&cursor=${e}&limit=${e}`,
          `/api/v1/orders?q=${e}`,
          `/api/v1/subscriptions?q=${e}&status=${e}&pendingProvisioning=${e}&partnerId=${e}&orderId=${e}&webOrderId=${e}&cursor=${e}`,
          `/api/v1/subscriptions?q=${e}`,
          `/api/v1/subscriptions?partnerId=${e}`,
        ])
          await send(path.includes('/resend') ? 'POST' : 'GET', path);
        await send('PUT', `/api/v1/subscriptions/${subscriptionIds[0]}/provisioning-contact`, {
          name: evil,
          email: 'irene@initech.example',
          language: 'en',
        });
      }
      // A search for '%' matches it literally, not everything.
      const wild = await checkedRequest(api, '/api/v1/orders?q=%25&limit=200', {
        headers: { authorization: `Bearer ${w.tokens.alice}` },
      });
      const found = ((await wild.json()) as { items: { webOrderId: string; endCustomerName: string }[] })
        .items;
      const all = await w.store.db.selectFrom('purchase_order').select('id').execute();
      expect(found.length).toBeLessThan(all.length);
      for (const o of found) expect(`${o.webOrderId} ${o.endCustomerName}`).toContain('%');
      const after = await rowCounts(w);
      expect(after.purchase_order).toBe(before.purchase_order);
      expect(after.subscription_line).toBe(before.subscription_line);
      expect(after.audit_event).toBeGreaterThanOrEqual(before.audit_event);
      expect(errors).toEqual([]);
    },
  );

  it('oversize bodies are refused from Content-Length, before the body is read', async () => {
    const big = JSON.stringify({ ...orderBody('WO-BIG'), endCustomerName: 'x'.repeat(MAX_BODY) });
    expect(await send('POST', '/api/v1/orders', big)).toBe(413);
    // A body that claims to be huge is refused without waiting for it: the stream never ends.
    let pulled = 0;
    const endless = new ReadableStream({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
      },
    });
    const res = await checkedRequest(api, '/api/v1/orders', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${w.tokens.alice}`,
        'content-type': 'application/json',
        'content-length': String(100 * MAX_BODY),
      },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBeLessThan(1000);
  });

  it(
    'the CSV importer, fuzzed: a report or a refusal, never a crash or a partial import',
    { timeout: 240_000 },
    async () => {
      const header = CSV_COLUMNS.join(',');
      const goodRow = (i: number) => [
        `WO-CSV-${i}`,
        'Initech Srl',
        '2026-12-05',
        '',
        'MEET-PRO',
        '3',
        'Irene',
        `irene${i}@initech.example`,
        'en',
      ];
      const cell = fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...SQL_INJECTION),
        fc.constantFrom('"', '""', ',', '\n', '\r\n', '=cmd|calc', '-1', '1e309', '2026-02-30'),
      );
      const csv = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 500 }),
        fc
          .array(fc.record({ row: fc.nat(50), col: fc.nat(CSV_COLUMNS.length - 1), value: cell }), {
            maxLength: 5,
          })
          .map((edits) => {
            const rows = Array.from({ length: 6 }, (_, i) => goodRow(i + figures.csvRuns * 10));
            for (const e of edits) rows[e.row % rows.length]![e.col] = e.value;
            return [header, ...rows.map((r) => r.join(','))].join('\n');
          }),
      );
      await fc.assert(
        fc.asyncProperty(csv, fc.boolean(), async (text, partial) => {
          figures.csvRuns++;
          const before = await rowCounts(w);
          let report;
          try {
            report = await importOrders(w.deps, w.actors.alice, text, { format: 'csv', partial });
          } catch (e) {
            expect(e, 'only AppErrors escape').toBeInstanceOf(AppError);
            expect(await rowCounts(w)).toEqual(before);
            return;
          }
          const after = await rowCounts(w);
          const written = after.purchase_order - before.purchase_order;
          expect(written).toBe(report.imported.orders);
          if (!partial && report.errors.length > 0) {
            figures.partialWrites += written;
            expect(after).toEqual(before);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
