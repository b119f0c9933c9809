/**
 * The pages' one error path, on the API and the pages mounted together as main.ts mounts them: a
 * refusal answers its status in the layout, an unknown URL the 404 page, a bug a 500 page and one
 * pino line with the request id, and a database that cannot be reached (a real TCP cut between
 * the pages and PostgreSQL) a 503 page while the API answers 503 UNAVAILABLE.
 */
import { Writable } from 'node:stream';

import { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApi } from '../../src/http/create-api.js';
import { createLogger } from '../../src/main.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { createWeb } from '../../src/web/create-web.js';
import { startTcpProxy, type TcpProxy } from '../resilience/support/tcp-proxy.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore, storeKinds } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';

/** What the process's logger wrote, one parsed JSON object per line. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ logLevel: 'info' }, stream) };
}

/** The API and the pages on one app, as main.ts mounts them, with the given logger. */
function httpApp(w: World, deps: World['deps'], sink: ReturnType<typeof logSink>) {
  const app = new Hono();
  app.route(
    '/',
    createApi(
      { ...deps, store: w.store, maxBodyBytes: 1_000_000 },
      { logError: (err) => sink.log.error({ err }, 'request failed'), log: sink.log },
    ),
  );
  app.route(
    '/',
    createWeb({ ...deps, secureCookies: false }, { demoMode: false, https: false, log: sink.log }),
  );
  return app;
}

/** A whole page in the layout: the shell (header, main, footer), not a bare text answer. */
function expectLayout(res: Response, html: string) {
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(html).toMatch(/^<!DOCTYPE html>|^<html/i);
  expect(html).toContain('<header class="top">');
  expect(html).toContain('<main id="main">');
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
}

const errorLines = (sink: ReturnType<typeof logSink>) => sink.lines.filter((l) => Number(l['level']) >= 50);

describeEachStore('page errors', (kind) => {
  let w: World;
  let sink: ReturnType<typeof logSink>;
  let app: Hono;
  let alice: WebClient;
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    sink = logSink();
    app = httpApp(w, w.deps, sink);
    alice = new WebClient(app);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
  });
  afterAll(() => w.close());

  it('an unknown URL answers the 404 page in the layout, in the reader’s language; an API path stays JSON', async () => {
    for (const [language, text] of [
      ['en', 'Page not found'],
      ['it', 'Pagina non trovata'],
    ] as const) {
      const res = await app.request('/no/such/page', { headers: { 'accept-language': language } });
      const html = await res.text();
      expect(res.status).toBe(404);
      expectLayout(res, html);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(text);
    }
    const api = await app.request('/api/v1/no-such-thing', {
      headers: { authorization: `Bearer ${w.tokens.alice}` },
    });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('an AppError on a page answers its status with the refusal in the layout', async () => {
    const missing = await alice.get('/subscriptions/Sub999999999');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('role="alert"');
    expect(missing.html).toContain('<a href="/subscriptions">Back</a>');

    const paola = new WebClient(app);
    await w.store.db.updateTable('app_user').set({ language: 'it' }).where('id', '=', 'usr_paola').execute();
    expect((await paola.signIn(w.actors.paola.email, PASSWORD)).status).toBe(303);
    const res = await app.request('/operator', { headers: { cookie: paola.cookieHeader } });
    const html = await res.text();
    expect(res.status).toBe(403);
    expectLayout(res, html);
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('<h1>Non ha accesso a questa pagina</h1>');
    expect(html).toContain('Solo gli operatori di Onramp');
    // Back to their own home: /operator would only refuse them again.
    expect(html).toMatch(/<a href="\/orders">Indietro<\/a>/);
    expect(errorLines(sink)).toEqual([]);
  });

  it('an unexpected error answers a 500 page in the layout and exactly one pino line with the request id', async () => {
    const before = sink.lines.length;
    // A real fault, not a stub: the orders' table is gone (a migration gone wrong).
    await sql`alter table subscription_line rename to subscription_line_gone`.execute(w.store.db);
    try {
      const res = await app.request('/orders', { headers: { cookie: alice.cookieHeader } });
      const html = await res.text();
      const requestId = res.headers.get('x-request-id');
      expect(res.status).toBe(500);
      expectLayout(res, html);
      expect(html).toContain('Something went wrong');
      expect(requestId).toMatch(/^[\w-]{8,}$/);
      expect(html).toContain(requestId);
      expect(html).not.toContain('subscription_line'); // no internals on the page
      const written = sink.lines.slice(before);
      const failures = written.filter((l) => Number(l['level']) >= 50);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ reqId: requestId, msg: 'page failed', service: 'onramp' });
      expect(JSON.stringify(failures[0]!['err'])).toContain('subscription_line');
      // The request log's own line for this request says 500 too; nothing else was logged.
      expect(written.map((l) => l['msg'])).toEqual(['page failed', 'request completed']);
      expect(written[1]).toMatchObject({ reqId: requestId, res: { statusCode: 500 } });
    } finally {
      await sql`alter table subscription_line_gone rename to subscription_line`.execute(w.store.db);
    }
  });

  it('beside the catch-alls, request durations keep the pattern of the route that answered', async () => {
    await alice.get('/orders/WO-NONE');
    await app.request('/api/v1/orders', { headers: { authorization: `Bearer ${w.tokens.alice}` } });
    await app.request('/no/such/page');
    const metrics = await (await app.request('/metrics')).text();
    const count = (route: string, status: number) =>
      new RegExp(`_count\\{method="GET",route="${route}",status="${status}"\\} [1-9]`);
    expect(metrics).toMatch(count('/orders/:id', 404));
    expect(metrics).toMatch(count('/api/v1/orders', 200));
    expect(metrics).toMatch(count('unmatched', 404));
  });
});

describe.runIf(storeKinds().includes('postgres'))('a page during a database outage [postgres]', () => {
  let w: World;
  let proxy: TcpProxy;
  let proxied: Store;
  let app: Hono;
  let sink: ReturnType<typeof logSink>;
  beforeAll(async () => {
    w = await createWorld('postgres', { password: PASSWORD });
    await w.order();
    const url = new URL(w.store.url!);
    proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
    url.port = String(proxy.port);
    // The pages and the API reach PostgreSQL only through the proxy the test cuts.
    proxied = await openStore({ databaseUrl: url.toString(), poolSize: 2 });
    sink = logSink();
    app = httpApp(w, { ...w.deps, db: proxied.db }, sink);
  });
  afterAll(async () => {
    await proxied?.close();
    await proxy?.close();
    await w?.close();
  });

  it('answers 503 in the layout while the API answers 503 UNAVAILABLE, and recovers when the database is back', async () => {
    const alice = new WebClient(app);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    expect((await alice.get('/orders')).status).toBe(200);

    await proxy.cut();
    for (const [language, title] of [
      ['en', 'Temporarily unavailable'],
      ['it', 'Temporaneamente non disponibile'],
    ] as const) {
      const res = await app.request(`/orders?lang=${language}`, { headers: { cookie: alice.cookieHeader } });
      const html = await res.text();
      expect(res.status).toBe(503);
      expectLayout(res, html);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(title);
      expect(html).toContain(res.headers.get('x-request-id'));
    }
    const api = await app.request('/api/v1/orders', {
      headers: { authorization: `Bearer ${w.tokens.alice}` },
    });
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
    // An outage is not a bug of ours: no error line from the pages.
    expect(errorLines(sink).filter((l) => l['msg'] === 'page failed')).toEqual([]);

    await proxy.restore();
    expect((await alice.get('/orders')).status).toBe(200);
  });
});
