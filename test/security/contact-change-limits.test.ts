/**
 * Issue 17, on the real API and pages: contact changes count against the user's contact change
 * limit (429 RATE_LIMITED with Retry-After past it, nothing changed or queued), and a change that
 * keeps the address (a new name or language, the address in other case) e-mails nobody: the line
 * and its history change, the live setup link stays, no e-mail leaves over the real SMTP socket.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { RateLimits } from '../../src/app/rate-limits.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { apiOf, call, type ErrorBody } from '../http/api-harness.js';
import { closeMailWorld, type Dispatcher, type Inbox, openMailWorld } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { WebClient } from './web-client.js';

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;
const LIMITS: RateLimits = {
  signInPerAddress: { limit: 100, windowMs: HOUR },
  signInPerIp: { limit: 1000, windowMs: HOUR },
  resendPerUser: { limit: 100, windowMs: HOUR },
  contactChangePerUser: { limit: 6, windowMs: HOUR },
};

interface ChangeReply {
  updated: { subscriptionId: string; sendId: string | null }[];
}

const contactPath = (sub: string) => `/api/v1/subscriptions/${sub}/provisioning-contact`;

describeEachStore('contact changes: per-user limit, and no e-mail when the address stays', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind, { password: PASSWORD }));
    w.deps.settings.rateLimits = LIMITS;
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  const sendsOf = async (subscriptionIds: string[]) =>
    (
      await w.store.db
        .selectFrom('provisioning_email')
        .select('id')
        .where('subscription_id', 'in', subscriptionIds)
        .execute()
    ).length;

  it('10 changes by one user: the limit refuses past the configured number, on the API and the pages', async () => {
    w.clock.advance(HOUR);
    const placed = await awaitingOrder(w, [{}, {}]);
    const [line, other] = placed.subscriptionIds as [string, string];
    const limit = LIMITS.contactChangePerUser!.limit;
    const replies = [];
    for (let i = 0; i < 10; i++)
      replies.push(
        await call<ErrorBody>(apiOf(w), w, 'PUT', contactPath(line), {
          body: { name: 'Mallory', email: `victim${i}@initech.example`, language: 'en' },
        }),
      );
    expect(replies.map((r) => r.status)).toEqual([...Array(limit).fill(200), ...Array(10 - limit).fill(429)]);
    for (const refused of replies.slice(limit)) {
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The refused changes changed nothing: the line keeps the last accepted address.
    const row = await w.store.db
      .selectFrom('subscription_line')
      .select('contact_email')
      .where('subscription_id', '=', line)
      .executeTakeFirstOrThrow();
    expect(row.contact_email).toBe(`victim${limit - 1}@initech.example`);
    const queued = await sendsOf([line, other]);

    // The pages count against the same limit: the single change and the Subscriptions page's bulk change.
    const alice = new WebClient(web);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    await alice.get(`/subscriptions/${line}/contact`);
    const single = await alice.post(`/subscriptions/${line}/contact`, {
      name: 'Mallory',
      email: 'victim-page@initech.example',
      language: 'en',
      back: `/subscriptions/${line}`,
    });
    expect(single.status).toBe(429);
    expect(Number(single.headers.get('retry-after'))).toBeGreaterThan(0);
    await alice.get(`/subscriptions/bulk?action=contact&line=${other}`);
    const bulk = await alice.post('/subscriptions/bulk/contact', {
      line: other,
      name: 'Mallory',
      email: 'victim-bulk@initech.example',
      language: 'en',
      back: '/subscriptions',
    });
    expect(bulk.status).toBe(429);
    expect(Number(bulk.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await sendsOf([line, other])).toBe(queued);

    // The limit is per user: a colleague still changes a contact; an hour later alice does again.
    const byPaola = await call(apiOf(w), w, 'PUT', contactPath(other), {
      as: 'paola',
      body: { name: 'Nora Gialli', email: 'nora@initech.example', language: 'it' },
    });
    expect(byPaola.status).toBe(200);
    w.clock.advance(HOUR);
    const later = await call(apiOf(w), w, 'PUT', contactPath(line), {
      body: { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' },
    });
    expect(later.status).toBe(200);
  });

  it('a name-only or language-only change sends nothing and keeps the setup link live', async () => {
    w.clock.advance(HOUR);
    const placed = await awaitingOrder(w);
    const line = placed.subscriptionIds[0]!;
    const token = await setupTokenOf(w, line);
    await worker.drain();
    const mailed = inbox.received.length;
    const sends = await sendsOf([line]);

    const changes = [
      { name: 'Irene M. Conti', email: placed.contact.email, language: 'en' },
      { name: 'Irene M. Conti', email: placed.contact.email.toUpperCase(), language: 'it' },
    ];
    for (const body of changes) {
      const reply = await call<ChangeReply>(apiOf(w), w, 'PUT', contactPath(line), { body });
      expect(reply.status).toBe(200);
      expect(reply.body.updated).toEqual([{ subscriptionId: line, sendId: null }]);
    }

    const row = await w.store.db
      .selectFrom('subscription_line')
      .select(['contact_name', 'contact_language'])
      .where('subscription_id', '=', line)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ contact_name: 'Irene M. Conti', contact_language: 'it' });
    // Both changes are in the line's history, each without an e-mail.
    const events = await w.store.db
      .selectFrom('audit_event')
      .select('data')
      .where('subscription_id', '=', line)
      .where('action', '=', 'provisioning_contact.changed')
      .execute();
    expect(events.map((e) => (e.data as { sendId: unknown }).sendId)).toEqual([null, null]);
    // No new send, the link the contact holds still opens, and nothing leaves over SMTP.
    expect(await sendsOf([line])).toBe(sends);
    const link = await w.store.db
      .selectFrom('setup_token')
      .select(['revoked_at', 'subscription_id'])
      .where('subscription_id', '=', line)
      .execute();
    expect(link).toEqual([{ revoked_at: null, subscription_id: line }]);
    expect(await worker.drain()).toMatchObject({ claimed: 0, sent: 0 });
    expect(inbox.received).toHaveLength(mailed);
    const setup = await web.request(`/setup/${token}`);
    expect(setup.status).toBe(200);
  });
});
