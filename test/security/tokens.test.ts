/**
 * Item 7: setup and password links. Their tokens are 256-bit random, only SHA-256 hashes are
 * stored (and the outbox forgets the link once the e-mail is sent), each link works once, a
 * contact change revokes the former contact's (a resend to the same contact keeps them), they expire, and no log line ever holds one.
 * Lookups go by the token's hash, so how long a wrong guess takes tells nothing about the token.
 */
import { Writable } from 'node:stream';

import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { createApi } from '../../src/http/create-api.js';
import { createLogger } from '../../src/main.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder, passwordTokenOf, sentEmailInputs, setupTokenOf } from '../app/setup-fixtures.js';
import { type Dispatcher, dispatcher, type Inbox, startInbox } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const DAY = 86_400_000;

describeEachStore('setup and password links', (kind) => {
  let w: World;
  let app: Hono;
  const logs: string[] = [];
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    w = await createWorld(kind);
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ logLevel: 'trace' }, sink);
    app = new Hono();
    app.route(
      '/',
      createApi(
        { ...w.deps, store: w.store, maxBodyBytes: 100_000 },
        { logError: (err) => log.error({ err }, 'request failed'), log },
      ),
    );
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

  const openLink = async (token: string) => {
    const res = await app.request(`/api/v1/setup/${token}`);
    return { status: res.status, body: (await res.json()) as { error?: { code: string; reason?: string } } };
  };

  it('256-bit tokens, stored only as SHA-256, dropped from the outbox once sent', async () => {
    const { subscriptionIds, contact } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await w.store.db
      .selectFrom('setup_token')
      .selectAll()
      .where('subscription_id', '=', subscriptionIds[0]!)
      .execute();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.token_hash)).toEqual(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    await worker.drain();
    expect(inbox.to(contact.email)[0]!.text).toContain(token);
    const payloads = await w.store.db.selectFrom('outbox').select('payload').execute();
    expect(JSON.stringify(payloads)).not.toContain(token);
    // By structure: a sent e-mail keeps its input but not its `secrets` part, where links live.
    const sent = await sentEmailInputs(w);
    expect(sent).toContainEqual(expect.objectContaining({ template: 'provisioning' }));
    for (const input of sent) expect(input).not.toHaveProperty('secrets');

    // A thousand fresh tokens: all distinct, all 32 random bytes.
    const { randomIds } = await import('../../src/app/deps.js');
    const many = new Set(Array.from({ length: 1000 }, () => randomIds.newToken()));
    expect(many.size).toBe(1000);
    for (const t of many) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
  });

  it('kept by a resend, revoked by a contact change; a near-miss is as dead as a random guess', async () => {
    const { subscriptionIds } = await awaitingOrder(w);
    const line = subscriptionIds[0]!;
    const first = await setupTokenOf(w, line);
    expect((await openLink(first)).status).toBe(200);
    const nearMiss = first.slice(0, -1) + (first.endsWith('A') ? 'B' : 'A');
    expect((await openLink(nearMiss)).body.error).toMatchObject({ code: 'TOKEN_INVALID' });

    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: line });
    const second = await setupTokenOf(w, line);
    expect(second).not.toBe(first);
    // The same contact keeps both links: one in an older e-mail, or half-way through the wizard.
    expect((await openLink(first)).status).toBe(200);
    expect((await openLink(second)).status).toBe(200);

    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: line,
      contact: { name: 'Other', email: 'other@initech.example', language: 'en' },
      applyToAllLines: false,
    });
    // Another address: every link the former contact held dies.
    expect((await openLink(first)).status).toBe(410);
    expect((await openLink(second)).status).toBe(410);
    expect((await openLink(await setupTokenOf(w, line))).status).toBe(200);
    const live = await w.store.db
      .selectFrom('setup_token')
      .select('token_hash')
      .where('subscription_id', '=', line)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toHaveLength(1);
  });

  it('single use: the setup link confirms once, the set-password link sets a password once', async () => {
    const { subscriptionIds, contact } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    const complete = () =>
      app.request(`/api/v1/setup/${token}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ newOrganization: { name: 'Initech Srl', country: 'IT' } }),
      });
    expect((await complete()).status).toBe(200);
    const again = await complete();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('ALREADY_MAPPED');

    const password = await passwordTokenOf(w, contact.email);
    expect(Buffer.from(password, 'base64url')).toHaveLength(32);
    const stored = await w.store.db.selectFrom('password_token').selectAll().execute();
    expect(stored.some((r) => Buffer.from(r.token_hash).equals(hashToken(password)))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(password);
    const page = await app.request(`/set-password/${password}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const set = (pw: string) =>
      app.request(`/set-password/${password}`, {
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
        },
        body: new URLSearchParams({ _csrf: csrf, password: pw, repeat: pw }).toString(),
      });
    expect((await set('a long enough password 1')).status).toBe(303);
    expect((await set('a long enough password 2')).status).toBe(410);
  });

  it('expire after SETUP_LINK_TTL_DAYS', async () => {
    const { subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    w.clock.advance(w.deps.settings.setupLinkTtlDays * DAY - 1);
    expect((await openLink(token)).status).toBe(200);
    w.clock.advance(1);
    expect(await openLink(token)).toMatchObject({ status: 410, body: { error: { code: 'TOKEN_INVALID' } } });
  });

  it('no log line holds a token, a session id, a password or an API token', async () => {
    // Everything the tests above did went through the logged app; do a signed-in round too.
    const { subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    await app.request(`/setup/${token}`);
    await app.request(`/api/v1/setup/${token}`);
    await app.request(`/api/v1/setup/${token}x`);
    await app.request('/api/v1/orders', { headers: { authorization: `Bearer ${w.tokens.alice}` } });
    const all = logs.join('');
    expect(logs.length).toBeGreaterThan(10);
    expect(all).toContain('/setup/[redacted]');
    for (const secret of [token, w.tokens.alice, 'a long enough password'])
      expect(all.includes(secret), 'a secret in the logs').toBe(false);
    // Every 43-character base64url run in the logs would be a token: there are none.
    const tokenShaped = all.match(/[A-Za-z0-9_-]{43}/g) ?? [];
    console.log(
      `[security] tokens: ${logs.length} log lines checked, ${tokenShaped.length} token-shaped strings`,
    );
    expect(tokenShaped).toEqual([]);
  });
});
