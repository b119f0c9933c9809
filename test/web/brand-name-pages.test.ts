/**
 * BRAND_NAME through a running installation: the e-mail the worker sends, the pages' title,
 * header and footer (both languages, error pages too) and the API's error messages.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createApi } from '../../src/http/create-api.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder } from '../app/setup-fixtures.js';
import { apiOf, call, type ErrorBody } from '../http/api-harness.js';
import { closeMailWorld, type Dispatcher, type Inbox, openMailWorld } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';

const BRAND = 'Acme Cloud';

describeEachStore('BRAND_NAME through the worker, the pages and the API', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  let app: Hono;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind, { brandName: BRAND }));
    app = new Hono();
    app.route('/', createApi({ ...w.deps, store: w.store, maxBodyBytes: 1_000_000 }, { logError: () => {} }));
    app.route('/', createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  it('the provisioning e-mail the worker sends is signed with the brand', async () => {
    const { contact } = await awaitingOrder(w);
    await worker.drain();
    const [mail] = inbox.to(contact.email);
    expect(mail?.text).toContain('The Acme Cloud team');
    expect(mail?.html).toContain('Acme Cloud');
    // MAIL_FROM (still "Onramp Provisioning" in this world) is quoted for the allow-list; nothing else.
    expect(mail?.text.replaceAll(w.deps.settings.mailFrom, '')).not.toContain('Onramp');
  });

  it.each([
    ['en', 'Acme Cloud — order to activation for SaaS subscriptions.'],
    ['it', 'Acme Cloud — dall’ordine all’attivazione degli abbonamenti SaaS.'],
  ] as const)('a page in %s: title, header and footer', async (language, footer) => {
    const res = await app.request(`/sign-in?lang=${language}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<title>[^<]+ · Acme Cloud<\/title>/);
    expect(html).toContain('<a class="brand" href="/">Acme Cloud</a>');
    expect(html).toContain(`<footer>${footer}</footer>`);
    expect(html).not.toMatch(/>[^<]*Onramp[^<]*</);
  });

  it('the error pages and the API error messages too', async () => {
    const page = await (await app.request('/no-such-page')).text();
    expect(page).toMatch(/<title>[^<]+ · Acme Cloud<\/title>/);
    const reply = await call<ErrorBody>(apiOf(w), w, 'GET', '/api/v1/organizations', { as: 'alice' });
    expect(reply.body.error.message).toBe(
      'Only Acme Cloud operators manage organizations, offers and support agents. Ask one of them.',
    );
  });
});
