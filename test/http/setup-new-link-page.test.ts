/**
 * The dead-link page's "send me a new link" form over HTTP (app.request, no browser): the same
 * answer whatever the address, CSRF enforced, and 429 with Retry-After past the limits, which the
 * test lowers through the web deps.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import type { SetupWebDeps } from '../../src/web/setup/setup-wizard-routes.js';
import { awaitingOrder, expireSetupLinks, setupTokenOf } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const MINUTE = 60_000;

describeEachStore('setup pages: send me a new link (HTTP)', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  beforeAll(async () => {
    w = await createWorld(kind);
    const deps: SetupWebDeps = {
      ...w.deps,
      secureCookies: false,
      setupNewLinkLimits: {
        perIp: { limit: 100, windowMs: 10 * MINUTE },
        perAddress: { limit: 2, windowMs: 10 * MINUTE },
      },
    };
    web = createWeb(deps, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  /** GETs the page (a dead link's, with its form) and returns what a browser would keep. */
  async function open(path: string) {
    const res = await web.request(path);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const html = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { res, html, cookie, csrf };
  }

  async function post(
    path: string,
    session: { cookie: string; csrf: string },
    fields: Record<string, string>,
  ) {
    return web.request(path, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
    });
  }

  async function deadLink() {
    const placed = await awaitingOrder(w);
    const token = await setupTokenOf(w, placed.subscriptionIds[0]!);
    await expireSetupLinks(w, placed.subscriptionIds[0]!);
    return { ...placed, token };
  }

  it('the dead link says why (410) and offers the form; the answer is the same for any address', async () => {
    const { token, contact } = await deadLink();
    const page = await open(`/setup/${token}`);
    expect(page.res.status).toBe(410);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('This link has expired.');
    expect(page.csrf).not.toBe('');

    const sends = () => w.store.db.selectFrom('provisioning_email').select('id').execute();
    const before = (await sends()).length;
    const known = await post(`/setup/${token}/new-link`, page, { email: contact.email });
    const unknown = await post(`/setup/${token}/new-link`, page, { email: 'stranger@initech.example' });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(await known.text()).toBe(await unknown.text());
    expect((await sends()).length).toBe(before + 1);
  });

  it('refuses a POST without the CSRF token', async () => {
    const { token, contact } = await deadLink();
    const page = await open(`/setup/${token}`);
    const res = await post(
      `/setup/${token}/new-link`,
      { cookie: page.cookie, csrf: 'x'.repeat(43) },
      { email: contact.email },
    );
    expect(res.status).toBe(403);
  });

  it('past the per-address limit: 429 with Retry-After and the RATE_LIMITED message', async () => {
    const { token, contact } = await deadLink();
    const page = await open(`/setup/${token}`);
    for (let i = 0; i < 2; i++)
      expect((await post(`/setup/${token}/new-link`, page, { email: contact.email })).status).toBe(200);
    const limited = await post(`/setup/${token}/new-link`, page, { email: contact.email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toMatch(/Too many requests\. Try again in \d+ (minutes?|seconds?)\./);
  });
});
