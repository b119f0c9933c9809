/**
 * "Forgot password?" end to end through the pages, with the e-mail going over a real SMTP socket:
 * the 1-hour link, single use, expiry and the new-link offer, the identical answer for unknown and
 * deactivated addresses, the rate limit, and a new password replacing the old one.
 */
import { createHash } from 'node:crypto';

import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import { type Dispatcher, dispatcher, type Inbox, startInbox } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const OLD_PASSWORD = 'the old and forgotten phrase';
const NEW_PASSWORD = 'a brand new memorable phrase';
const HOUR = 3_600_000;

describeEachStore('password recovery', (kind) => {
  let w: World;
  let app: Hono;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    w = await createWorld(kind, { password: OLD_PASSWORD });
    app = new Hono();
    app.route('/', createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
  });
  beforeEach(async () => {
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
  });
  afterEach(async () => {
    worker.close();
    await inbox.close();
  });
  afterAll(() => w.close());

  /** A browser of one: keeps cookies, reads the CSRF field of the last page, posts forms. */
  function browser() {
    const jar = new Map<string, string>();
    let csrf = '';
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [name, value] = pair!.split('=');
        jar.set(name!, value ?? '');
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return {
      async get(path: string) {
        const res = await app.request(path, { headers: { cookie: cookie() } });
        keep(res);
        const html = await res.text();
        csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
        return { status: res.status, html, headers: res.headers };
      },
      async post(path: string, fields: Record<string, string>) {
        const res = await app.request(path, {
          method: 'POST',
          headers: {
            cookie: cookie(),
            'content-type': 'application/x-www-form-urlencoded',
            'sec-fetch-site': 'same-origin',
          },
          body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        });
        keep(res);
        return { status: res.status, html: await res.text(), headers: res.headers };
      },
    };
  }

  async function forgot(email: string) {
    const b = browser();
    await b.get('/forgot-password');
    return b.post('/forgot-password', { email });
  }

  async function signInWorks(email: string, password: string): Promise<boolean> {
    const b = browser();
    await b.get('/sign-in');
    const res = await b.post('/sign-in', { email, password });
    return res.status === 303;
  }

  /** Sends what is queued over SMTP; the links of the mails `to` received, newest last. */
  async function linksTo(to: string): Promise<string[]> {
    await worker.drain();
    return inbox.to(to).flatMap((m) => m.links.filter((l) => l.includes('/set-password/')));
  }
  const pathOf = (url: string) => new URL(url).pathname;

  it('forgot -> 1-hour link by e-mail -> new password signs in, the old one does not; single use', async () => {
    const email = w.actors.alice.email;
    const asked = await forgot(email.toUpperCase());
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/forgot-password/sent');
    const sent = await browser().get('/forgot-password/sent');
    expect(sent.html).toContain(
      'If an account exists for that address, we sent a link; it works for one hour.',
    );

    const [link] = await linksTo(email);
    expect(link).toBeDefined();
    const mail = inbox.to(email)[0]!;
    expect(mail.subject).toBe('Reset your Onramp password');
    const row = await w.store.db
      .selectFrom('password_token')
      .selectAll()
      .where('user_id', '=', 'usr_alice')
      .executeTakeFirstOrThrow();
    expect(row.purpose).toBe('reset');
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(HOUR);

    const b = browser();
    const page = await b.get(pathOf(link!));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Choose a new password, Alice Rossi.');
    const mismatch = await b.post(pathOf(link!), {
      password: NEW_PASSWORD,
      repeat: 'something else entirely',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.html).toContain('The two passwords are different.');
    const done = await b.post(pathOf(link!), { password: NEW_PASSWORD, repeat: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/orders');
    // Signed in: the home page answers without a redirect to sign-in.
    expect((await b.get('/orders')).status).toBe(200);

    expect(await signInWorks(email, NEW_PASSWORD)).toBe(true);
    expect(await signInWorks(email, OLD_PASSWORD)).toBe(false);
    // Single use.
    const again = await browser().get(pathOf(link!));
    expect(again.status).toBe(410);
    expect(again.html).toContain('This link has already been used');
    const audit = await w.store.db
      .selectFrom('audit_event')
      .select(['action', 'organization_id'])
      .where('actor_user_id', '=', 'usr_alice')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'password.reset_requested', organization_id: 'org_acme' },
      { action: 'password.set', organization_id: 'org_acme' },
    ]);
  });

  it('an unknown or deactivated address gets the same answer, the same writes, and no e-mail', async () => {
    await w.store.db
      .updateTable('app_user')
      .set({ deactivated_at: w.clock.now() })
      .where('id', '=', 'usr_dino')
      .execute();
    const known = await forgot(w.actors.marco.email);
    const unknown = await forgot('nobody@nowhere.example');
    const deactivated = await forgot(w.actors.dino.email);
    for (const r of [unknown, deactivated]) {
      expect(r.status).toBe(known.status);
      expect(r.headers.get('location')).toBe(known.headers.get('location'));
      expect(r.html).toBe(known.html);
    }
    // Each request counted once against its address, existing or not.
    const keyOf = (email: string) =>
      `password-reset:address:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
    const counts = await w.store.db
      .selectFrom('rate_limit')
      .select(['key', 'hits'])
      .where('key', 'in', [w.actors.marco.email, 'nobody@nowhere.example', w.actors.dino.email].map(keyOf))
      .execute();
    expect(counts.map((c) => c.hits.length)).toEqual([1, 1, 1]);
    await worker.drain();
    expect(inbox.to(w.actors.marco.email)).toHaveLength(1);
    expect(inbox.to('nobody@nowhere.example')).toHaveLength(0);
    expect(inbox.to(w.actors.dino.email)).toHaveLength(0);
    const audit = await w.store.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'password.reset_requested')
      .where('actor_user_id', 'in', ['usr_dino'])
      .execute();
    expect(audit).toEqual([]);
  });

  it('a deactivated user’s link answers like an unknown one', async () => {
    await forgot(w.actors.bob.email);
    const [link] = await linksTo(w.actors.bob.email);
    await w.store.db
      .updateTable('app_user')
      .set({ deactivated_at: w.clock.now() })
      .where('id', '=', 'usr_bob')
      .execute();
    const page = await browser().get(pathOf(link!));
    expect(page.status).toBe(410);
    expect(page.html).toContain('We do not recognise this link.');
    expect(page.html).not.toContain('Send me a new link');
  });

  it('past the per-address limit: 429 with Retry-After, and no further e-mail', async () => {
    const email = w.actors.paola.email;
    for (let i = 0; i < 3; i++) expect((await forgot(email)).status).toBe(303);
    const refused = await forgot(email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.html).toContain('Too many requests for a new link.');
    // An unknown address is limited the same way.
    for (let i = 0; i < 3; i++) await forgot('ghost@nowhere.example');
    expect((await forgot('ghost@nowhere.example')).status).toBe(429);
    await worker.drain();
    expect(inbox.to(email)).toHaveLength(3);
  });

  // Last: it moves the clock.
  it('a link expires after one hour; its page sends a new one to the link’s holder only', async () => {
    const email = w.actors.dora.email;
    await forgot(email);
    const [link] = await linksTo(email);
    w.clock.advance(HOUR - 1);
    expect((await browser().get(pathOf(link!))).status).toBe(200);
    w.clock.advance(1);
    const b = browser();
    const expired = await b.get(pathOf(link!));
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('This link has expired.');
    expect(expired.html).toContain('Send me a new link');
    const asked = await b.post(`${pathOf(link!)}/new-link`, {});
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/forgot-password/new-link-sent');
    const links = await linksTo(email);
    expect(links).toHaveLength(2);
    expect(inbox.received.every((r) => r.envelope.to.includes(email))).toBe(true);
    // The new link works; the expired one still cannot be used.
    const fresh = browser();
    await fresh.get(pathOf(links[1]!));
    expect(
      (await fresh.post(pathOf(links[1]!), { password: NEW_PASSWORD, repeat: NEW_PASSWORD })).status,
    ).toBe(303);
    expect(await signInWorks(email, NEW_PASSWORD)).toBe(true);
    const stale = browser();
    await stale.get('/sign-in');
    expect((await stale.post(pathOf(link!), { password: NEW_PASSWORD, repeat: NEW_PASSWORD })).status).toBe(
      410,
    );
  });
});
