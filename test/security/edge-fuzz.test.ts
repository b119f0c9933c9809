/**
 * Issue 18, item 2: hostile input is refused at the edge, never a 5xx. Forged list cursors are
 * 400 INVALID_INPUT naming `cursor`; fast-check throws hostile values at every query parameter of
 * every API operation (from the OpenAPI document) and of every page, and malformed or hostile
 * multipart bodies at every page POST, signed in and not; an over-long password is refused with
 * a clear message in both languages.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createHttpApp } from '../../src/create-http-app.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { WebClient } from './web-client.js';

const PASSWORD = 'correct horse battery staple';
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const FORGED_CURSORS = [
  cursorOf(['notadate', 'x']),
  cursorOf([1e300, 'x']),
  cursorOf(['2026-12-01T09:00:00.000Z']),
  cursorOf(['+275760-09-13T00:00:00.000Z', 'x']),
  cursorOf(['2026-02-30T00:00:00.000Z', 'x']),
  cursorOf(['2026-12-01T09:00:00.000Z', 'x\u0000']),
  cursorOf(['2026-12-01T09:00:00.000Z', 'x'.repeat(5000)]),
  cursorOf(['2026-12-01T09:00:00.000Z', { $gt: '' }]),
  cursorOf({ 0: 'a', 1: 'b', length: 2 }),
  cursorOf(null),
  '!!!',
  '',
];
const HOSTILE_VALUES = [
  '',
  '\u0000',
  '%',
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999999',
  'true',
  'null',
  '[]',
  "' OR 1=1 --",
  '../../etc/passwd',
  '\uD800',
  '𝒳'.repeat(300),
  'x'.repeat(5000),
  ...FORGED_CURSORS,
];
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.jsonValue().map(cursorOf),
);
/** Appended to a URL as they are: percent-encoding no browser would send. */
const RAW_QUERY = ['%', '%zz', '%E0%A4%A', '%00', '%ED%A0%80', '%FF%FE', '=&=&', '&&&'];

type Tally = Record<string, { tried: number; serverErrors: number }>;

describeEachStore('hostile input at the edge', (kind) => {
  let w: World;
  let app: Hono;
  let line: string;
  let webOrderId: string;
  let orderId: string;
  let setupToken: string;
  const tally: Tally = {};
  const logged: unknown[] = [];

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    app = createHttpApp(
      {
        ...w.deps,
        store: w.store,
        maxBodyBytes: 200_000,
        emailEventsSecret: 'e'.repeat(40),
        secureCookies: false,
      },
      { logError: (err) => logged.push(err), log: undefined, demoMode: true, https: false },
    );
    const placed = await awaitingOrder(w, [{}, { offerCode: 'A-FLEX' }]);
    line = placed.subscriptionIds[0]!;
    webOrderId = placed.webOrderId;
    orderId = placed.orderId;
    setupToken = await setupTokenOf(w, line);
  });
  afterAll(async () => {
    const rows = Object.entries(tally).map(([k, t]) => `${k} ${t.tried} tried, ${t.serverErrors} × 5xx`);
    console.log(`[security] hostile input at the edge [${kind}]: ${rows.join('; ')}`);
    await w.close();
  });

  /** One request; never a 5xx. */
  async function hit(category: string, path: string, init: RequestInit = {}): Promise<Response> {
    const t = (tally[category] ??= { tried: 0, serverErrors: 0 });
    t.tried++;
    const res = await app.request(path, init);
    if (res.status >= 500) t.serverErrors++;
    expect(res.status, `${init.method ?? 'GET'} ${path.slice(0, 300)}`).toBeLessThan(500);
    return res;
  }

  const bearer = (who: 'alice' | 'olga' = 'alice') => ({ authorization: `Bearer ${w.tokens[who]}` });
  /** A route's path with real ids where it names one, and `id` elsewhere. */
  const concrete = (path: string, id = 'x') =>
    path
      .replace(/:subscriptionId(\{[^}]*\})?/, line)
      .replace(/:token(\{[^}]*\})?/, setupToken)
      .replace(/:orderId/, orderId)
      .replace(/:id\b/, webOrderId)
      .replace(/:[a-zA-Z]+(\{[^}]*\})?/g, id);

  it('forged list cursors and NUL characters: 400 INVALID_INPUT naming the field, API and pages', async () => {
    const alice = new WebClient(app);
    await alice.signIn(w.actors.alice.email, PASSWORD);
    for (const cursor of FORGED_CURSORS.filter(Boolean))
      for (const list of ['orders', 'subscriptions']) {
        const res = await hit('cursors', `/api/v1/${list}?cursor=${encodeURIComponent(cursor)}`, {
          headers: bearer(),
        });
        expect(res.status, cursor).toBe(400);
        expect(await res.json()).toMatchObject({
          error: { code: 'INVALID_INPUT', issues: [{ path: 'cursor' }] },
        });
        tally['cursors']!.tried++;
        const page = await alice.get(`/${list}?cursor=${encodeURIComponent(cursor)}`);
        expect(page.status, `/${list} ${cursor}`).toBe(400);
      }
    // A NUL reaches no query: refused at the edge, naming the parameter (or the path).
    for (const [path, field] of [
      ['/api/v1/orders?q=a%00b', 'q'],
      ['/api/v1/subscriptions?partnerId=%00', 'partnerId'],
      ['/api/v1/orders/%00', 'path'],
    ] as const) {
      const res = await hit('cursors', path, { headers: bearer() });
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', issues: [{ path: field }] } });
    }
    expect((await alice.get('/orders?q=%00')).status).toBe(400);
    // A cursor the API returned still works.
    const first = await app.request('/api/v1/subscriptions?limit=1', { headers: bearer() });
    const { nextCursor } = (await first.json()) as { nextCursor: string };
    const next = await app.request(`/api/v1/subscriptions?limit=1&cursor=${nextCursor}`, {
      headers: bearer(),
    });
    expect(next.status).toBe(200);
  });

  it('every query parameter of every API operation, fuzzed: refused naming the field, never a 5xx', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const gets = Object.entries(doc.paths).flatMap(([path, ops]) =>
      ops['get'] ? [{ path, query: (ops['get'].parameters ?? []).filter((p) => p.in === 'query') }] : [],
    );
    const withQuery = gets.filter((g) => g.query.length > 0);
    expect(withQuery.map((g) => g.path)).toEqual(
      expect.arrayContaining(['/api/v1/orders', '/api/v1/subscriptions']),
    );
    const operation = fc.constantFrom(...gets);
    await fc.assert(
      fc.asyncProperty(
        operation,
        fc.array(fc.tuple(fc.nat(20), hostileValue), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', ...RAW_QUERY),
        fc.constantFrom('alice', 'olga') as fc.Arbitrary<'alice' | 'olga'>,
        async (op, values, raw, who) => {
          const names = [...op.query.map((p) => p.name), 'unknown'];
          const params = new URLSearchParams(
            values.map(([i, v]): [string, string] => [names[i % names.length]!, v]),
          );
          const path = concrete(op.path.replace(/\{(\w+)\}/g, ':$1'));
          const res = await hit('API query parameters', `${path}?${params}${raw ? `&q=${raw}` : ''}`, {
            headers: bearer(who),
          });
          if (res.status === 400) {
            const body = (await res.json()) as { error: { code: string; issues?: { path: string }[] } };
            expect(body.error.code).toBe('INVALID_INPUT');
            for (const issue of body.error.issues ?? [])
              expect(issue.path, JSON.stringify(body)).not.toBe('');
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(logged).toEqual([]);
  });

  it('every query parameter of every page, fuzzed, signed in and not: never a 5xx', async () => {
    const alice = new WebClient(app);
    await alice.signIn(w.actors.alice.email, PASSWORD);
    const olga = new WebClient(app);
    await olga.signIn(w.actors.olga.email, PASSWORD);
    const pages = [
      ...new Set(
        app.routes
          .filter((r) => r.method === 'GET' && !r.path.startsWith('/api') && !r.path.includes('*'))
          .map((r) => concrete(r.path)),
      ),
    ];
    const names = [
      ...['q', 'status', 'cursor', 'limit', 'lang', 'next', 'back', 'action', 'line', 'kind', 'type'],
      ...['pendingProvisioning', 'key', 'done', 'opened', 'reference', 'problem', 'revoked', 'deleted'],
      ...['queued', 'to', 'org', 'name', 'country', 'offer', 'code', 'notice', 'error'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pages),
        fc.array(fc.tuple(fc.constantFrom(...names), hostileValue), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', ...RAW_QUERY),
        fc.constantFrom(null, alice, olga),
        async (page, values, raw, client) => {
          const query = `${new URLSearchParams(values)}${raw ? `&q=${raw}` : ''}`;
          await hit('page query parameters', `${page}?${query}`, {
            headers: client ? { cookie: client.cookieHeader } : {},
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('malformed and hostile multipart bodies at every page POST, signed in and not: never a 5xx', async () => {
    const alice = new WebClient(app);
    await alice.signIn(w.actors.alice.email, PASSWORD);
    await alice.get('/orders');
    const visitor = new WebClient(app);
    await visitor.get('/sign-in');
    const posts = [
      ...new Set(
        app.routes.filter((r) => r.method === 'POST' && !r.path.startsWith('/api')).map((r) => r.path),
      ),
    ].map((p) => concrete(p));
    const fields = [
      ...['email', 'password', 'repeat', 'name', 'language', 'country', 'org', 'line', 'back'],
      ...['applyToAllLines', 'confirm', 'description', 'reference', 'type', 'screenshots', 'status'],
      ...['message', 'role', 'label', 'url', 'events', 'code', 'days', 'scope', 'kind', 'reply'],
    ];
    const part = fc.record({
      name: fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 20 })),
      value: hostileValue,
      asFile: fc.boolean(),
    });
    /** A well-formed body with hostile parts (files where text is expected), or a broken one. */
    const body = fc.oneof(
      fc.array(part, { maxLength: 6 }).map((parts) => ({ kind: 'parts' as const, parts })),
      fc.constantFrom(
        'garbage',
        '--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nx',
        '--b\r\n\r\n--b--',
        '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n',
        '--b\r\nContent-Disposition: form-data; name="email"; filename="\u0000"\r\n\r\n\r\n--b--\r\n',
        `--b\r\n${'Content-Type: x\r\n'.repeat(2000)}\r\n--b--`,
      ),
    );
    const contentType = fc.constantFrom(
      'multipart/form-data; boundary=b',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary="unterminated',
      `multipart/form-data; boundary=${'b'.repeat(500)}`,
      'multipart/mixed; boundary=b',
      'application/x-www-form-urlencoded',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...posts),
        body,
        contentType,
        fc.constantFrom(alice, visitor),
        async (path, b, type, client) => {
          let payload: string | FormData;
          let headers: Record<string, string> = {
            cookie: client.cookieHeader,
            'sec-fetch-site': 'same-origin',
          };
          if (typeof b === 'string') {
            payload = b;
            headers['content-type'] = type;
          } else {
            // Through FormData, with the right CSRF token: the hostile parts reach the route.
            const form = new FormData();
            form.set('_csrf', client.csrf);
            for (const p of b.parts)
              if (p.asFile) form.append(p.name, new Blob([p.value]), p.value.slice(0, 50) || 'f');
              else form.append(p.name, p.value);
            payload = form;
            headers = { ...headers };
          }
          await hit('page multipart bodies', path, { method: 'POST', headers, body: payload });
        },
      ),
      { numRuns: 600 },
    );
  });

  it('a password over 1,000 characters: refused with a clear message in English and Italian', async () => {
    const long = 'p'.repeat(1001);
    for (const [language, message] of [
      ['en', 'The password can have at most 1000 characters.'],
      ['it', 'La password può avere al massimo 1000 caratteri.'],
    ] as const) {
      const visitor = new WebClient(app);
      await visitor.get(`/sign-in?lang=${language}`);
      const res = await visitor.post('/sign-in', { email: w.actors.alice.email, password: long });
      tally['long passwords'] = { tried: (tally['long passwords']?.tried ?? 0) + 1, serverErrors: 0 };
      expect(res.status).toBe(400);
      expect(res.html).toContain(message);
      expect(visitor.cookies.has('onramp_session')).toBe(false);
    }
    // A password 1,000 characters long is merely wrong.
    const visitor = new WebClient(app);
    await visitor.get('/sign-in');
    expect(
      (await visitor.post('/sign-in', { email: w.actors.alice.email, password: 'p'.repeat(1000) })).status,
    ).toBe(401);
  });
});
