/**
 * Account recovery for customer admins, through the pages with every e-mail over a real SMTP
 * socket: the welcome e-mail's password link lives 7 days; past them its page says it expired and
 * offers "Send me a new link", which mails a fresh link to the address the link was for (rate
 * limited; the same answer when that address no longer has an account); the new link sets the
 * password and lands in the admin portal. "Forgot password?" on the sign-in page works for
 * customer admins too.
 */
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';

import { removeAdministrator } from '../../src/app/identity/remove-administrator.js';
import { completeSetup } from '../../src/app/setup/complete-setup.js';
import type { Actor } from '../../src/domain/types.js';
import { createWeb } from '../../src/web/create-web.js';
import { type Dispatcher, dispatcher, type Inbox, startInbox } from '../jobs/mail-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { awaitingOrder, setupTokenOf } from './setup-fixtures.js';

const DAY = 86_400_000;
const PASSWORD = 'a long and memorable phrase';

describeEachStore('customer admin account recovery', (kind) => {
  let w: World;
  let web: Hono;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    w = await createWorld(kind, { password: 'correct horse battery staple' });
    web = new Hono();
    web.route('/', createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
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

  const pathOf = (url: string) => new URL(url).pathname;

  /** Sends what is queued over SMTP; the set-password links `to` received, oldest first. */
  async function passwordLinksTo(to: string): Promise<string[]> {
    await worker.drain();
    return inbox.to(to).flatMap((m) => m.links.filter((l) => l.includes('/set-password/')).map(pathOf));
  }

  /** An order set up into a new organization: its contact is now a customer admin with a welcome e-mail. */
  async function newCustomerAdmin(name: string) {
    const placed = await awaitingOrder(w);
    const done = await completeSetup(w.deps, await setupTokenOf(w, placed.subscriptionIds[0]!), {
      organization: { newOrganization: { name, country: 'IT' } },
    });
    await worker.drain();
    const [welcome] = inbox
      .to(placed.contact.email)
      .filter((m) => m.links.some((l) => l.includes('/set-password/')));
    expect(welcome).toBeDefined();
    const link = pathOf(welcome!.links.find((l) => l.includes('/set-password/'))!);
    return { contact: placed.contact, userId: done.customerAdminUserId, link, organization: name };
  }

  it('an expired welcome link offers a new one; the new link sets the password and opens the admin portal', async () => {
    const admin = await newCustomerAdmin('Initech Recovery');
    w.clock.advance(7 * DAY - 1);
    expect((await new WebClient(web).get(admin.link)).status).toBe(200);
    w.clock.advance(1);

    const b = new WebClient(web);
    const expired = await b.get(admin.link);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('This link has expired.');
    expect(expired.html).toContain('Send me a new link');
    const asked = await b.post(`${admin.link}/new-link`);
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/forgot-password/new-link-sent');

    const links = await passwordLinksTo(admin.contact.email);
    expect(links).toHaveLength(2);
    const fresh = links[1]!;
    expect(fresh).not.toBe(admin.link);
    // Only the link's own address received anything.
    expect(inbox.received.every((r) => r.envelope.to.includes(admin.contact.email))).toBe(true);

    const page = await b.get(fresh);
    expect(page.status).toBe(200);
    const set = await b.post(fresh, { password: PASSWORD, repeat: PASSWORD });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/admin');
    const portal = await b.get('/admin');
    expect(portal.status).toBe(200);
    expect(portal.html).toContain(admin.organization);
    expect(portal.html).toContain(admin.contact.email);
    // And the password signs in from anywhere.
    expect((await new WebClient(web).signIn(admin.contact.email, PASSWORD)).status).toBe(303);
    // The expired welcome link stays dead.
    expect((await new WebClient(web).get(admin.link)).status).toBe(410);
  });

  it('"Send me a new link" is rate limited per address', async () => {
    const admin = await newCustomerAdmin('Initech Limits');
    w.clock.advance(7 * DAY);
    const b = new WebClient(web);
    await b.get(admin.link);
    for (let i = 0; i < 3; i++) expect((await b.post(`${admin.link}/new-link`)).status).toBe(303);
    const limited = await b.post(`${admin.link}/new-link`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.html).toContain('Too many requests for a new link.');
    expect(await passwordLinksTo(admin.contact.email)).toHaveLength(1 + 3);
  });

  it('answers the same when the address no longer has an account, and sends nothing', async () => {
    const gone = await newCustomerAdmin('Initech Gone');
    const kept = await newCustomerAdmin('Initech Kept');
    w.clock.advance(7 * DAY);
    // A second administrator removes the first (the organization keeps one).
    const other = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', kept.userId)
      .executeTakeFirstOrThrow();
    await w.store.db
      .updateTable('app_user')
      .set({ organization_id: (await orgOf(gone.userId))! })
      .where('id', '=', other.id)
      .execute();
    const remover: Actor = {
      userId: other.id,
      name: other.name,
      email: other.email,
      role: 'customer_admin',
      organizationId: (await orgOf(gone.userId))!,
      language: 'en',
    };
    await removeAdministrator(w.deps, remover, gone.userId);

    const answer = async (link: string) => {
      const b = new WebClient(web);
      await b.get('/sign-in');
      const res = await b.post(`${link}/new-link`);
      return { status: res.status, location: res.headers.get('location') };
    };
    const removed = await answer(gone.link);
    const live = await answer(kept.link);
    const unknown = await answer(`/set-password/${'u'.repeat(43)}`);
    expect(removed).toEqual(live);
    expect(unknown).toEqual(live);
    expect(live).toEqual({ status: 303, location: '/forgot-password/new-link-sent' });
    expect(await passwordLinksTo(gone.contact.email)).toHaveLength(1);
    expect(await passwordLinksTo(kept.contact.email)).toHaveLength(2);
  });

  async function orgOf(userId: string) {
    return (
      await w.store.db
        .selectFrom('app_user')
        .select('organization_id')
        .where('id', '=', userId)
        .executeTakeFirst()
    )?.organization_id;
  }

  it('"Forgot password?" on the sign-in page recovers a customer admin and lands in the admin portal', async () => {
    const b = new WebClient(web);
    const signIn = await b.get('/sign-in');
    expect(signIn.html).toContain('href="/forgot-password"');
    await b.get('/forgot-password');
    const asked = await b.post('/forgot-password', { email: w.actors.carla.email.toUpperCase() });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/forgot-password/sent');
    const [link] = await passwordLinksTo(w.actors.carla.email);
    expect(inbox.to(w.actors.carla.email)[0]!.subject).toBe('Reset your Onramp password');
    const page = await b.get(link!);
    expect(page.html).toContain('Carla Neri');
    const set = await b.post(link!, { password: PASSWORD, repeat: PASSWORD });
    expect(set.headers.get('location')).toBe('/admin');
    expect((await b.get('/admin')).html).toContain('Globex Italia');
  });
});
