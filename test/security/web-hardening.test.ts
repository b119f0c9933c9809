/**
 * Item 8 of the reliability and security brief, on the real web app: CSRF on every form and every
 * POST route, session fixation, security headers (strict CSP, frame-ancestors, HSTS behind
 * HTTPS), and rate limits with 429 + Retry-After on sign-in and resend (pages and API).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { RateLimits } from '../../src/app/rate-limits.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { apiOf, call, type ErrorBody } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { postForms, WebClient } from './web-client.js';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;
const LIMITS: RateLimits = {
  signInPerAddress: { limit: 3, windowMs: 15 * MINUTE },
  signInPerIp: { limit: 1000, windowMs: 15 * MINUTE },
  resendPerUser: { limit: 2, windowMs: 60 * MINUTE },
};

describeEachStore('web hardening', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    w.deps.settings.rateLimits = LIMITS;
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  const signedIn = async (who: 'alice' | 'marco' | 'carla' = 'alice') => {
    const client = new WebClient(web);
    const res = await client.signIn(w.actors[who].email, PASSWORD);
    expect(res.status).toBe(303);
    return client;
  };

  it('every form carries the CSRF token, and every POST route refuses a request without it', async () => {
    const placed = await awaitingOrder(w, [{}, { offerCode: 'A-FLEX' }]);
    const line = placed.subscriptionIds[0]!;
    const token = await setupTokenOf(w, line);
    const alice = await signedIn();
    const pages = [
      '/orders',
      '/orders/new',
      '/orders/import',
      `/orders/${placed.webOrderId}`,
      '/subscriptions',
      `/subscriptions/${line}`,
      `/subscriptions/${line}/resend`,
      `/subscriptions/${line}/contact`,
      `/subscriptions/bulk?action=resend&line=${line}&line=${placed.subscriptionIds[1]}`,
      `/subscriptions/bulk?action=contact&line=${line}`,
    ];
    const forms: { page: string; action: string; hasCsrf: boolean }[] = [];
    for (const path of pages) {
      const page = await alice.get(path);
      expect(page.status, path).toBe(200);
      forms.push(...postForms(page.html).map((f) => ({ page: path, ...f })));
    }
    const visitor = new WebClient(web);
    for (const path of [
      '/sign-in',
      `/setup/${token}`,
      `/setup/${token}/delegate`,
      `/setup/${token}/review?org=new&name=Initech%20Srl&country=IT`,
    ]) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(200);
      forms.push(...postForms(page.html).map((f) => ({ page: path, ...f })));
    }
    const without = forms.filter((f) => !f.hasCsrf);
    console.log(
      `[security] CSRF: ${forms.length} post forms on ${pages.length + 4} pages, ${without.length} without token`,
    );
    expect(forms.length).toBeGreaterThanOrEqual(8);
    expect(without).toEqual([]);

    // Every POST route of the web app, with real parameters, a valid session and a wrong token.
    const posts = web.routes.filter((r) => r.method === 'POST').map((r) => r.path);
    const concrete = posts.map((p) =>
      p
        .replace(/:subscriptionId(\{[^}]*\})?/, line)
        .replace(/:token(\{[^}]*\})?/, token)
        .replace(/:[a-zA-Z]+(\{[^}]*\})?/g, 'x'),
    );
    const before = await w.store.db.selectFrom('audit_event').select('id').execute();
    const statuses = await Promise.all(
      concrete.map(
        async (path) => [path, (await alice.post(path, { _csrf: 'x'.repeat(43) })).status] as const,
      ),
    );
    console.log(`[security] CSRF: ${concrete.length} POST routes refused without the token`);
    expect(concrete.length).toBeGreaterThanOrEqual(8);
    expect(statuses.filter(([, s]) => s !== 403)).toEqual([]);
    expect(await w.store.db.selectFrom('audit_event').select('id').execute()).toHaveLength(before.length);
  });

  it('signing in always starts a new session: a planted or earlier session id is worthless', async () => {
    const client = new WebClient(web);
    await client.get('/sign-in');
    const planted = 'A'.repeat(43);
    client.cookies.set('onramp_session', planted);
    await client.post('/sign-in', { email: w.actors.alice.email, password: PASSWORD });
    const first = client.cookies.get('onramp_session')!;
    expect(first).not.toBe(planted);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await client.get('/orders')).status).toBe(200);

    // The same browser signs in again (another user): the earlier id stops working.
    await client.get('/sign-in');
    await client.post('/sign-in', { email: w.actors.marco.email, password: PASSWORD });
    const second = client.cookies.get('onramp_session')!;
    expect(second).not.toBe(first);
    const replay = new WebClient(web);
    replay.cookies.set('onramp_session', first);
    const page = await replay.get('/orders');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/sign-in/);
    const cookie = (await web.request('/sign-in')).headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/onramp_csrf=[^;]+;.*HttpOnly/);
  });

  it('security headers: CSP without inline scripts, no framing, HSTS only behind HTTPS', async () => {
    const page = await web.request('/sign-in');
    const csp = page.headers.get('content-security-policy')!;
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    // No page renders an inline <script> (the CSP would block it anyway).
    expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const https = createWeb({ ...w.deps, secureCookies: true }, { demoMode: false, https: true });
    const secure = await https.request('/sign-in');
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(secure.headers.getSetCookie().join('\n')).toMatch(/onramp_csrf=[^;]+;.*Secure/);
  });

  it('sign-in: past the free failures, 429 with Retry-After even with the right password, until the wait ends', async () => {
    const client = new WebClient(web);
    await client.get('/sign-in');
    const email = w.actors.carla.email;
    for (let i = 0; i < LIMITS.signInPerAddress.limit + 1; i++)
      expect((await client.post('/sign-in', { email, password: 'wrong' })).status).toBe(401);
    // One failure past the free ones: a one-second wait (sign-in-throttle.test.ts walks the backoff).
    const limited = await client.post('/sign-in', { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.html).toContain('Too many failed sign-ins. Please wait 1 second before trying again.');
    expect(client.cookies.has('onramp_session')).toBe(false);
    // Another address from the same client is still allowed.
    expect((await client.post('/sign-in', { email: w.actors.marco.email, password: PASSWORD })).status).toBe(
      303,
    );

    w.clock.advance(1000);
    const later = new WebClient(web);
    expect((await later.signIn(email, PASSWORD)).status).toBe(303);
  });

  it('resend: past the per-user limit, 429 with Retry-After on the API and the page, and nothing queued', async () => {
    w.clock.advance(LIMITS.resendPerUser.windowMs);
    const api = apiOf(w);
    const placed = await awaitingOrder(w);
    const line = placed.subscriptionIds[0]!;
    const sends = async () =>
      (
        await w.store.db
          .selectFrom('provisioning_email')
          .select('id')
          .where('subscription_id', '=', line)
          .execute()
      ).length;
    for (let i = 0; i < LIMITS.resendPerUser.limit; i++)
      expect((await call(api, w, 'POST', `/api/v1/subscriptions/${line}/resend`)).status).toBe(202);
    const queued = await sends();
    const limited = await call<ErrorBody>(api, w, 'POST', `/api/v1/subscriptions/${line}/resend`);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    const alice = await signedIn();
    await alice.get(`/subscriptions/${line}/resend`);
    const page = await alice.post(`/subscriptions/${line}/resend`, { back: `/subscriptions/${line}` });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await sends()).toBe(queued);

    // The limit is per user: a colleague with access (the partner admin) still resends.
    expect((await call(api, w, 'POST', `/api/v1/subscriptions/${line}/resend`, { as: 'paola' })).status).toBe(
      202,
    );
  });
});
