/**
 * Setup links as mail clients deliver them, over HTTP (the API and the pages mounted as main.ts
 * mounts them): each kind of damage a mail client does is undone by a redirect to the clean link,
 * which then opens the wizard; a link that cannot be mended (cut short, a wrong character) lands
 * on the "link not valid" page in the layout, never a bare 404; other unknown URLs get the 404
 * page in the reader's language with a way home, and unknown API paths the JSON error envelope.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createApi } from '../../src/http/create-api.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

/** Each mangling, as the browser then asks for it (it encodes `>` and spaces, drops raw line feeds). */
const MANGLINGS: [string, (token: string) => string][] = [
  ['a full stop after it', (t) => `${t}.`],
  ['a comma after it', (t) => `${t},`],
  ['a closing parenthesis', (t) => `${t})`],
  ['the > of <…>', (t) => `${t}>`],
  ['an encoded > (%3E)', (t) => `${t}%3E`],
  ['<…> around it, encoded', (t) => `%3C${t}%3E`],
  ['an encoded space after it (%20)', (t) => `${t}%20`],
  ['a space inside it', (t) => `${t.slice(0, 20)}%20${t.slice(20)}`],
  ['an encoded line feed inside it (%0A)', (t) => `${t.slice(0, 20)}%0A${t.slice(20)}`],
  ['a CR LF inside it', (t) => `${t.slice(0, 20)}%0D%0A${t.slice(20)}`],
  ['a quoted-printable soft break (=%0A)', (t) => `${t.slice(0, 20)}=%0A${t.slice(20)}`],
  ['a soft break copied across lines (=\\n, raw)', (t) => `${t.slice(0, 20)}=\n${t.slice(20)}`],
  ['a doubly encoded >', (t) => `${t}%253E`],
  ['a full stop after a step', (t) => `${t}/delegate.`],
];

describeEachStore('setup links as mail clients deliver them', (kind) => {
  let w: World;
  let app: Hono;
  let token: string;
  let webOrderId: string;
  beforeAll(async () => {
    w = await createWorld(kind);
    app = new Hono();
    app.route(
      '/',
      createApi(
        { ...w.deps, store: w.store, maxBodyBytes: 1_000_000 },
        { logError: (e) => console.error(e) },
      ),
    );
    app.route('/', createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
    const placed = await awaitingOrder(w);
    token = await setupTokenOf(w, placed.subscriptionIds[0]!);
    webOrderId = placed.webOrderId;
  });
  afterAll(() => w.close());

  const get = (path: string, language = 'en') =>
    app.request(`http://localhost${path}`, { headers: { 'accept-language': language } });

  it.each(MANGLINGS)('mends %s: a redirect to the clean link, which opens the wizard', async (_, mangle) => {
    const res = await get(`/setup/${mangle(token)}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const location = res.headers.get('location')!;
    expect([`/setup/${token}`, `/setup/${token}/delegate`]).toContain(location);
    const page = await get(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(webOrderId);
  });

  it('keeps the query of a mended link', async () => {
    const res = await get(`/setup/${token}/organization.?org=new`);
    expect(res.headers.get('location')).toBe(`/setup/${token}/organization?org=new`);
  });

  it('a clean link is not redirected', async () => {
    expect((await get(`/setup/${token}`)).status).toBe(200);
  });

  it.each([
    ['cut short', (t: string) => t.slice(0, 12), 404],
    ['cut short at a soft break', (t: string) => `${t.slice(0, 30)}=`, 410],
    ['one character wrong', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}.`, 410],
    ['a character too many', (t: string) => `${t}x`, 410],
    ['a step that does not exist', (t: string) => `${t}/no-such-step`, 404],
    ['nothing after /setup/', () => '', 404],
  ] as const)('a link %s lands on the "link not valid" page, in the layout', async (_, damage, status) => {
    let res = await get(`/setup/${damage(token)}`);
    if (res.status === 303) res = await get(res.headers.get('location')!);
    const html = await res.text();
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<header class="top">');
    expect(html).toContain('This setup link no longer works');
    expect(html).toContain('We do not recognise this link.');
    expect(html).not.toContain(webOrderId);
  });

  it('says so in Italian to an Italian browser', async () => {
    const res = await get(`/setup/${token.slice(0, 10)}`, 'it');
    const html = await res.text();
    expect(res.status).toBe(404);
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Non riconosciamo questo link.');
  });

  it('a damaged link posted to is not acted on', async () => {
    const res = await app.request(`http://localhost/setup/${token}./confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: 'org=new&name=Initech&country=IT&confirmedBy=Irene',
    });
    expect([403, 404]).toContain(res.status);
    const mapped = await w.store.db
      .selectFrom('purchase_order')
      .select('mapped_at')
      .where('web_order_id', '=', webOrderId)
      .executeTakeFirstOrThrow();
    expect(mapped.mapped_at).toBeNull();
  });

  it.each([
    ['en', 'Page not found', 'Home page'],
    ['it', 'Pagina non trovata', 'Pagina iniziale'],
  ] as const)(
    'any other unknown URL gets the 404 page in %s, in the layout, with a way home',
    async (language, title, home) => {
      for (const path of ['/no/such/page', '/orders-typo', '/setupx/abc']) {
        const res = await get(path, language);
        const html = await res.text();
        expect(res.status).toBe(404);
        expect(html).toContain(`<html lang="${language}">`);
        expect(html).toContain('<header class="top">');
        expect(html).toContain(`<h1>${title}</h1>`);
        expect(html).toContain(`<a href="/">${home}</a>`);
      }
    },
  );

  it('an unknown API path answers the JSON error envelope with NOT_FOUND; without a token, 401 first', async () => {
    const envelope = async (path: string, headers: Record<string, string>, status: number, code: string) => {
      const res = await app.request(`http://localhost${path}`, { headers });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toBeTruthy();
    };
    const bearer = { authorization: `Bearer ${w.tokens.alice}` };
    await envelope('/api/v1/no-such-thing', bearer, 404, 'NOT_FOUND');
    await envelope('/api/v1/orders/x/y/z', bearer, 404, 'NOT_FOUND');
    await envelope('/api/v2/orders', {}, 404, 'NOT_FOUND');
    // /api/v1 asks who is calling before anything else: a caller without a token learns no paths.
    await envelope('/api/v1/no-such-thing', {}, 401, 'UNAUTHENTICATED');
  });
});
