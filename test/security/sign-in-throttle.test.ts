/**
 * Issue 18, item 4: sign-in does the same work for known and unknown addresses (counted scrypt
 * runs, never timed), and its throttle slows guessing without locking the owner out: only
 * failures count, per e-mail address and per client address, with a doubling wait, and the 429
 * says when to retry (Retry-After and the page, in English and Italian).
 */
import { scrypt } from 'node:crypto';

import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { hashPassword, type ScryptFn, scryptHasher } from '../../src/app/identity/hash-password.js';
import { backoffAfter } from '../../src/domain/sign-in-backoff.js';
import { createWeb } from '../../src/web/create-web.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { clientEnv, WebClient } from './web-client.js';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

it('the wait doubles from one second after the free failures, up to the maximum', () => {
  const rule = { freeFailures: 3, maxBackoffMs: 15 * MINUTE };
  const waits = Array.from({ length: 16 }, (_, i) => backoffAfter(i + 1, rule) / 1000);
  expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  expect(backoffAfter(1e9, rule)).toBe(15 * MINUTE);
});

describeEachStore('sign-in throttle (issue 18)', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  /** The cost parameter N of every scrypt run the app made. */
  const scryptRuns: number[] = [];
  const countingScrypt: ScryptFn = (password, salt, keyLength, options, done) => {
    scryptRuns.push(options.N ?? 0);
    scrypt(password, salt, keyLength, options, done);
  };
  let nextIp = 0;
  /** A new browser, on its own client address unless told one. */
  const browser = (ip = `198.51.100.${++nextIp}`) => new WebClient(web, clientEnv(ip));
  const attempt = async (client: WebClient, email: string, password: string) => {
    await client.get('/sign-in');
    return client.post('/sign-in', { email, password });
  };

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    const now = w.clock.now();
    const extra = (id: string, fields: object) => ({
      id,
      organization_id: 'org_acme',
      role: 'partner_user' as const,
      name: id,
      email: `${id}@acme.example`,
      language: 'en' as const,
      created_at: now,
      ...fields,
    });
    await w.store.db
      .insertInto('app_user')
      .values([
        extra('invited', { password_hash: null }),
        extra('departed', { password_hash: await hashPassword(PASSWORD), deactivated_at: now }),
      ])
      .execute();
    w.deps.passwords = scryptHasher(countingScrypt);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  beforeEach(() => {
    w.deps.settings.rateLimits = {
      signInPerAddress: { limit: 3, windowMs: 15 * MINUTE },
      signInPerIp: { limit: 1000, windowMs: 15 * MINUTE },
      resendPerUser: { limit: 100, windowMs: 60 * MINUTE },
    };
  });
  afterAll(() => w.close());

  it('known, unknown, password-less and deactivated addresses: the same statements, one scrypt run, the same answer', async () => {
    // The same app on a database handle that notes each statement's kind and tables.
    const statements: string[] = [];
    const noting: KyselyPlugin = {
      transformQuery: (args) => {
        const table =
          /"TableNode","table":\{"kind":"SchemableIdentifierNode","identifier":\{"kind":"IdentifierNode","name":"(\w+)"/g;
        const tables = [...JSON.stringify(args.node).matchAll(table)].map((m) => m[1]);
        statements.push(`${args.node.kind} ${tables.join(',')}`);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const counted = createWeb(
      { ...w.deps, db: w.store.db.withPlugin(noting), secureCookies: false },
      { demoMode: false, https: false },
    );
    const answers = [];
    for (const email of [
      w.actors.alice.email,
      'nobody-at-all@acme.example',
      'invited@acme.example',
      'departed@acme.example',
    ]) {
      const client = new WebClient(counted, clientEnv(`192.0.2.${++nextIp}`));
      await client.get('/sign-in');
      scryptRuns.length = 0;
      statements.length = 0;
      const page = await client.post('/sign-in', { email, password: 'not the password' });
      // Each browser has its own CSRF token; everything else must match.
      answers.push({
        runs: [...scryptRuns],
        statements: [...statements],
        status: page.status,
        html: page.html.replaceAll(email, 'EMAIL').replaceAll(client.csrf, 'CSRF'),
      });
    }
    for (const answer of answers) expect(answer).toEqual({ ...answers[0], runs: [16384] });
    // Is a key waiting? Does the domain sign in with its identity provider? Who is it? Then one
    // failure counted per key (address, client address).
    expect(answers[0]!.statements).toEqual([
      'SelectQueryNode sign_in_failure',
      expect.stringMatching(/^SelectQueryNode sso_connection/),
      expect.stringMatching(/^SelectQueryNode app_user,organization/),
      'InsertQueryNode sign_in_failure',
      'InsertQueryNode sign_in_failure',
    ]);
    expect(answers[0]!.status).toBe(401);
    expect(answers[0]!.html).toContain('That e-mail and password do not match an account.');
  });

  it('successful sign-ins never count', async () => {
    const client = browser();
    for (let i = 0; i < 10; i++)
      expect((await attempt(client, w.actors.marco.email, PASSWORD)).status).toBe(303);
    // Nor do they spend the free failures: three wrong passwords still cost no wait.
    for (let i = 0; i < 3; i++)
      expect((await attempt(client, w.actors.marco.email, 'wrong')).status).toBe(401);
    expect((await attempt(client, w.actors.marco.email, PASSWORD)).status).toBe(303);
  });

  it('past the free failures each wait doubles; a waiting address is refused before any scrypt run', async () => {
    const email = w.actors.bob.email;
    // Every guess from a new client address: the address's own count is what holds them back.
    for (let i = 0; i < 3; i++) expect((await attempt(browser(), email, `guess ${i}`)).status).toBe(401);
    const waits: string[] = [];
    for (let i = 0; i < 12; i++) {
      expect((await attempt(browser(), email, `guess again ${i}`)).status).toBe(401);
      const client = browser();
      await client.get('/sign-in');
      scryptRuns.length = 0;
      const refused = await client.post('/sign-in', { email, password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(scryptRuns).toEqual([]);
      expect(refused.html).toMatch(
        /Too many failed sign-ins\. Please wait \d+ (second|minute)s? before trying again\./,
      );
      waits.push(refused.headers.get('retry-after')!);
      w.clock.advance(Number(refused.headers.get('retry-after')) * 1000);
    }
    expect(waits).toEqual(['1', '2', '4', '8', '16', '32', '64', '128', '256', '512', '900', '900']);

    // In Italian, with minutes once the wait is a minute or more.
    expect((await attempt(browser(), email, 'one more guess')).status).toBe(401);
    const italian = browser();
    await italian.get('/sign-in?lang=it');
    const refused = await italian.post('/sign-in', { email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(refused.html).toContain('Troppi accessi non riusciti. Attenda 15 minuti prima di riprovare.');

    // When the wait is over the owner signs in, and the count is forgotten.
    w.clock.advance(900_000);
    expect((await attempt(browser(), email, PASSWORD)).status).toBe(303);
    expect((await attempt(browser(), email, 'typo')).status).toBe(401);
  });

  it('a stranger hammering an address never locks the owner’s own browser out', async () => {
    const email = w.actors.paola.email;
    const owner = browser();
    expect((await attempt(owner, email, PASSWORD)).status).toBe(303);
    expect(owner.cookies.get('onramp_browser')).toMatch(/^[\w-]{43}$/);
    await owner.post('/sign-out');

    for (let i = 0; i < 10; i++) await attempt(browser(), email, `guess ${i}`);
    expect((await attempt(browser(), email, PASSWORD)).status).toBe(429);
    // A made-up browser cookie is no way round the wait.
    const forger = browser();
    forger.cookies.set('onramp_browser', 'x'.repeat(43));
    expect((await attempt(forger, email, PASSWORD)).status).toBe(429);
    // The owner's browser signs in at once.
    expect((await attempt(owner, email, PASSWORD)).status).toBe(303);
  });

  it('per client address: one client guessing many addresses waits, other clients do not', async () => {
    w.deps.settings.rateLimits!.signInPerIp = { limit: 5, windowMs: 15 * MINUTE };
    const ip = '203.0.113.9';
    for (let i = 0; i < 6; i++)
      expect((await attempt(browser(ip), `someone${i}@acme.example`, 'password1')).status).toBe(401);
    const refused = await attempt(browser(ip), w.actors.brenda.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await attempt(browser(), w.actors.brenda.email, PASSWORD)).status).toBe(303);
    w.clock.advance(1000);
    expect((await attempt(browser(ip), w.actors.brenda.email, PASSWORD)).status).toBe(303);
  });

  describe('the 429 page', () => {
    it('says seconds in English and Italian below a minute', async () => {
      const email = w.actors.dora.email;
      for (let i = 0; i < 4; i++) await attempt(browser(), email, 'wrong');
      const english = await attempt(browser(), email, PASSWORD);
      expect(english.html).toContain('Too many failed sign-ins. Please wait 1 second before trying again.');
      const client = browser();
      await client.get('/sign-in?lang=it');
      const italian = await client.post('/sign-in', { email, password: PASSWORD });
      expect(italian.status).toBe(429);
      expect(italian.html).toContain('Troppi accessi non riusciti. Attenda 1 secondo prima di riprovare.');
    });
  });
});
