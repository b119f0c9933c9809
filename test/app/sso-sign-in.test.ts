/**
 * Single sign-on end to end against a REAL OpenID provider (`oidc-provider` on loopback, its own
 * login and consent pages), through Onramp's pages: the e-mail-first step, the provider, the
 * callback. No mock anywhere: openid-client talks to the provider over HTTP, the provider signs
 * real ID tokens. Covered: sign-in of an existing user, just-in-time creation (and its refusal
 * when invitations are required), enforced SSO refusing the password and its recovery, a
 * deactivated user, a tampered state, a wrong nonce, an expired code, an expired sign-in, denied
 * consent, a second organization's domain, the session's bound and RP-initiated logout.
 */
import { Writable } from 'node:stream';

import { Hono } from 'hono';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';

import { setSsoConnection } from '../../src/app/identity/sso/set-sso-connection.js';
import { verifySsoDomain } from '../../src/app/identity/sso/verify-sso-domain.js';
import { verificationRecord } from '../../src/domain/sso.js';
import { listSsoDomains } from '../../src/store/sso-repository.js';
import { createWeb } from '../../src/web/create-web.js';
import {
  ProviderBrowser,
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../support/oidc-provider.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'a password that single sign-on may refuse';
const CALLBACK = 'http://onramp.test/sign-in/sso/callback';

describeEachStore('single sign-on through a real OpenID provider', (kind) => {
  let w: World;
  let app: Hono;
  let idp: TestProvider;
  /** What the web app logged, one parsed line each. */
  const logged: Record<string, unknown>[] = [];
  const log = pino(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );

  const connection = (overrides: Record<string, unknown> = {}) => ({
    displayName: 'Acme Login',
    issuer: idp.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    domains: ['acme.example'],
    ...overrides,
  });

  /** A TXT resolver that answers what the organization published for its domains. */
  const published = new Map<string, string>();
  const resolveTxt = (name: string) => Promise.resolve(published.has(name) ? [[published.get(name)!]] : []);

  async function publishAndVerify(organizationId: string, domain: string) {
    const claim = (await listSsoDomains(w.deps.db, organizationId)).find((d) => d.domain === domain)!;
    const record = verificationRecord(domain, claim.verification_token);
    published.set(record.name, record.value);
    return verifySsoDomain({ ...w.deps, resolveTxt }, 'cli', organizationId, { domain, method: 'dns' });
  }

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    idp = await startTestProvider({
      redirectUri: CALLBACK,
      postLogoutRedirectUri: 'http://onramp.test/sign-in',
    });
    app = new Hono();
    app.route('/', createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false, log }));
    await setSsoConnection(w.deps, 'cli', 'org_acme', connection());
    await publishAndVerify('org_acme', 'acme.example');
  });
  beforeEach(async () => {
    w.clock.set(new Date());
    idp.settings.codeTtlSeconds = 60;
    idp.settings.idTokenTtlSeconds = 3600;
    idp.claims.clear();
    await setSsoConnection(w.deps, 'cli', 'org_acme', connection({ clientSecret: undefined }));
  });
  afterAll(async () => {
    await idp?.close();
    await w?.close();
  });

  /** Onramp's side of a browser: cookies, the CSRF field of the last page, forms. */
  function browser() {
    const jar = new Map<string, string>();
    let csrf = '';
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [name, value] = pair!.split('=');
        if (value === '' || /Max-Age=0/i.test(c)) jar.delete(name!);
        else jar.set(name!, value ?? '');
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = () => ({ cookie: cookie(), 'sec-fetch-site': 'same-origin' });
    return {
      jar,
      async get(path: string) {
        const res = await app.request(path, { headers: headers() });
        keep(res);
        const html = await res.text();
        csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
        return { status: res.status, html, location: res.headers.get('location') };
      },
      async post(path: string, fields: Record<string, string>) {
        const res = await app.request(path, {
          method: 'POST',
          headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        });
        keep(res);
        return { status: res.status, html: await res.text(), location: res.headers.get('location') };
      },
    };
  }

  /** Where a "continuing to the provider" page goes (its meta refresh, the same as its link). */
  function providerAddressOf(html: string): string {
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1];
    const link = /<a href="([^"]+)" id="to-provider"/.exec(html)?.[1];
    expect(refresh).toBe(link);
    return refresh!.replaceAll('&amp;', '&');
  }

  /** The e-mail step: where Onramp sends this address. */
  async function continueWith(b: ReturnType<typeof browser>, email: string) {
    await b.get('/sign-in');
    return b.post('/sign-in', { email });
  }

  /**
   * The whole round trip: e-mail, the provider's pages as `login`, and the callback. `tamper`
   * changes the authorization URL or the callback URL on the way, as an attacker in the middle.
   */
  async function signInThroughProvider(
    email: string,
    opts: {
      login?: string;
      deny?: boolean;
      tamperAuthorization?: (url: URL) => void;
      tamperCallback?: (url: URL) => void;
      beforeCallback?: () => void;
    } = {},
  ) {
    const b = browser();
    const started = await continueWith(b, email);
    // A page that goes on to the provider (a meta refresh: the CSP keeps forms on this site).
    expect(started.status).toBe(200);
    const authorization = new URL(providerAddressOf(started.html));
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    opts.tamperAuthorization?.(authorization);
    const callback = await new ProviderBrowser().authorize(authorization.href, opts.login ?? email, opts);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    opts.tamperCallback?.(callback);
    opts.beforeCallback?.();
    const answer = await b.get(callback.pathname + callback.search);
    return { b, answer };
  }

  const userByEmail = (email: string) =>
    w.deps.db
      .selectFrom('app_user')
      .select(['id', 'organization_id', 'role'])
      .where('email', '=', email)
      .executeTakeFirst();
  const auditActions = async (organizationId: string) =>
    (
      await w.deps.db
        .selectFrom('audit_event')
        .select(['action', 'data'])
        .where('organization_id', '=', organizationId)
        .where('action', 'like', 'sso.%')
        .orderBy('id')
        .execute()
    ).map((r) => ({ action: r.action, data: r.data as Record<string, unknown> }));

  it('signs an existing user in through the provider, e-mail first, and audits it', async () => {
    const { b, answer } = await signInThroughProvider('alice@acme.example');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/orders');
    expect((await b.get('/orders')).status).toBe(200);
    const last = (await auditActions('org_acme')).at(-1);
    expect(last).toMatchObject({ action: 'sso.signed_in', data: { email: 'alice@acme.example' } });
  });

  it('asks an address without single sign-on for its password', async () => {
    const b = browser();
    const step = await continueWith(b, 'bob@bright.example');
    expect(step.status).toBe(200);
    expect(step.html).toContain('type="password"');
    const signedIn = await b.post('/sign-in', { email: 'bob@bright.example', password: PASSWORD });
    expect(signedIn.location).toBe('/orders');
  });

  it('creates a new person of a verified domain just in time, with the default role', async () => {
    const { answer } = await signInThroughProvider('newcomer@acme.example', {});
    expect(answer.status).toBe(303);
    expect(await userByEmail('newcomer@acme.example')).toMatchObject({
      organization_id: 'org_acme',
      role: 'partner_user',
    });
    const actions = (await auditActions('org_acme')).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['sso.user_created', 'sso.signed_in']);
  });

  it('refuses a new person when the organization requires invitations', async () => {
    await setSsoConnection(w.deps, 'cli', 'org_acme', connection({ invitationsRequired: true }));
    const { answer } = await signInThroughProvider('uninvited@acme.example');
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('by invitation only');
    expect(await userByEmail('uninvited@acme.example')).toBeUndefined();
    expect((await auditActions('org_acme')).at(-1)).toMatchObject({
      action: 'sso.sign_in_refused',
      data: { reason: 'invitation_required' },
    });
  });

  it('refuses the password and its recovery when the organization enforces single sign-on', async () => {
    await setSsoConnection(w.deps, 'cli', 'org_acme', connection({ enforced: true }));
    const b = browser();
    await b.get('/sign-in');
    const refused = await b.post('/sign-in', { email: 'alice@acme.example', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Your organization signs in with Acme Login');
    expect(refused.location).toBeNull();

    await b.get('/forgot-password');
    const recovery = await b.post('/forgot-password', { email: 'alice@acme.example' });
    expect(recovery.status).toBe(403);
    expect(recovery.html).toContain('password recovery are turned off');

    // The provider still signs her in.
    const { answer } = await signInThroughProvider('alice@acme.example');
    expect(answer.location).toBe('/orders');
  });

  it('refuses a user deactivated in Onramp, whatever the provider says', async () => {
    await w.deps.db
      .updateTable('app_user')
      .set({ deactivated_at: w.clock.now() })
      .where('email', '=', 'marco@acme.example')
      .execute();
    const { answer } = await signInThroughProvider('marco@acme.example');
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('Your account is deactivated');
    expect(answer.html).toMatch(/quote this reference: \S+/);
  });

  it('refuses a tampered state, and logs it with the request id the page quotes', async () => {
    const { answer } = await signInThroughProvider('alice@acme.example', {
      tamperCallback: (url) => url.searchParams.set('state', 'forged-state'),
    });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('does not belong to a sign-in started in this browser');
    const requestId = /quote this reference: ([\w-]+)/.exec(answer.html)?.[1];
    expect(logged.at(-1)).toMatchObject({ requestId, reason: 'state', msg: 'single sign-on refused' });
  });

  it('answers the refusal page in Italian', async () => {
    const b = browser();
    await b.get('/sign-in?lang=it');
    const answer = await b.get('/sign-in/sso/callback?code=x&state=y');
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('Accesso singolo non completato');
    expect(answer.html).toContain('non appartiene a un accesso avviato in questo browser');
  });

  it('refuses an ID token whose nonce is not this sign-in’s', async () => {
    const { answer } = await signInThroughProvider('alice@acme.example', {
      tamperAuthorization: (url) => url.searchParams.set('nonce', 'a-nonce-of-someone-else'),
    });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('was not issued for this sign-in');
  });

  it('refuses an expired authorization code', async () => {
    idp.settings.codeTtlSeconds = -1;
    const { answer } = await signInThroughProvider('alice@acme.example');
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('took too long and expired');
  });

  it('refuses a sign-in that stayed too long at the provider', async () => {
    const { answer } = await signInThroughProvider('alice@acme.example', {
      beforeCallback: () => w.clock.advance(11 * 60_000),
    });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('took too long and expired');
  });

  it('refuses an ID token whose times are off by more than the allowed skew from ours', async () => {
    // A one-minute ID token, and Onramp's clock 5 minutes ahead of the provider's: expired on arrival.
    idp.settings.idTokenTtlSeconds = 60;
    const { answer } = await signInThroughProvider('alice@acme.example', {
      beforeCallback: () => w.clock.advance(5 * 60_000),
    });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('carries times too far from ours (clock skew)');
  });

  it('says so, with a page and not a 500, when the provider cannot be reached', async () => {
    const gone = await startTestProvider({ redirectUri: CALLBACK, postLogoutRedirectUri: CALLBACK });
    await gone.close(); // its port now answers nobody
    await setSsoConnection(
      w.deps,
      'cli',
      'org_bright',
      connection({ displayName: 'Bright ID', issuer: gone.issuer, domains: ['bright.example'] }),
    );
    await publishAndVerify('org_bright', 'bright.example');
    const answer = await continueWith(browser(), 'bob@bright.example');
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('Bright ID could not be reached or answered with an error');
    expect(logged.at(-1)).toMatchObject({ reason: 'provider', provider: 'Bright ID' });
    await sql`delete from sso_domain where organization_id = 'org_bright'`.execute(w.deps.db);
    await sql`delete from sso_connection where organization_id = 'org_bright'`.execute(w.deps.db);
  });

  it('says so when consent is denied at the provider, in Italian too', async () => {
    const { answer } = await signInThroughProvider('consent.denier@acme.example', { deny: true });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('cancelled or refused at Acme Login');
    expect(await userByEmail('consent.denier@acme.example')).toBeUndefined();
  });

  it('keeps a second organization’s domain out of the first one’s reach', async () => {
    // Brightlink verifies its own domain; Acme claims it too, and its TXT proof does not count.
    await setSsoConnection(
      w.deps,
      'cli',
      'org_bright',
      connection({ displayName: 'Bright ID', domains: ['bright.example'] }),
    );
    await publishAndVerify('org_bright', 'bright.example');
    await setSsoConnection(
      w.deps,
      'cli',
      'org_acme',
      connection({ domains: ['acme.example', 'bright.example'] }),
    );
    await expect(publishAndVerify('org_acme', 'bright.example')).rejects.toMatchObject({
      code: 'DOMAIN_NOT_VERIFIED',
    });
    // Acme's provider vouching for a Brightlink address signs nobody in, and creates nobody.
    const { answer } = await signInThroughProvider('someone@acme.example', {
      login: 'stranger@bright.example',
    });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('did not confirm an e-mail address on a verified domain');
    expect(await userByEmail('stranger@bright.example')).toBeUndefined();
    await sql`delete from sso_connection where organization_id = 'org_bright'`.execute(w.deps.db);
    await sql`delete from sso_domain where organization_id = 'org_bright'`.execute(w.deps.db);
  });

  it('ends the session at the provider’s session length, and signs out at the provider too', async () => {
    await setSsoConnection(w.deps, 'cli', 'org_acme', connection({ sessionMaxMinutes: 30 }));
    const { b } = await signInThroughProvider('alice@acme.example');
    const session = await w.deps.db
      .selectFrom('web_session')
      .select(['created_at', 'expires_at', 'sso_organization_id', 'id_token_sealed'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(session.expires_at.getTime() - session.created_at.getTime()).toBeLessThanOrEqual(30 * 60_000);
    expect(session.sso_organization_id).toBe('org_acme');
    expect(session.id_token_sealed).toMatch(/^sealed:v1:/);

    w.clock.advance(31 * 60_000);
    expect((await b.get('/orders')).location).toMatch(/^\/sign-in/);

    const again = await signInThroughProvider('alice@acme.example');
    const out = await again.b.post('/sign-out', {});
    const logout = new URL(providerAddressOf(out.html));
    expect(logout.origin).toBe(idp.issuer);
    expect(logout.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await again.b.get('/orders')).location).toMatch(/^\/sign-in/);
  });

  it('lets a customer organization connect its provider for its administrators (admin portal)', async () => {
    // Carla administers Globex: she sets the connection on her settings page, with her password.
    const b = browser();
    await b.get('/sign-in');
    await b.post('/sign-in', { email: 'carla@globex.example', password: PASSWORD });
    expect((await b.get('/settings/sso')).status).toBe(200);
    const saved = await b.post('/settings/sso', {
      displayName: 'Globex Entra',
      issuer: idp.issuer,
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
      domains: 'globex.example',
      defaultRole: 'customer_admin',
      sessionMaxMinutes: '60',
    });
    expect(saved.location).toBe('/settings/sso?saved=1');
    const page = await b.get('/settings/sso');
    expect(page.html).toContain('_onramp-verification.globex.example');
    expect(page.html).not.toContain(TEST_CLIENT_SECRET);
    await publishAndVerify('org_globex', 'globex.example');

    // Her administrators now sign in through the provider, into the admin portal.
    const { answer } = await signInThroughProvider('carla@globex.example');
    expect(answer.location).toBe('/admin');
    const { answer: jit } = await signInThroughProvider('new.admin@globex.example');
    expect(jit.location).toBe('/admin');
    expect(await userByEmail('new.admin@globex.example')).toMatchObject({
      organization_id: 'org_globex',
      role: 'customer_admin',
    });

    // The page sends the whole list: a domain left out is dropped (and routes no more).
    const dropped = await b.post('/settings/sso', {
      displayName: 'Globex Entra',
      issuer: idp.issuer,
      clientId: TEST_CLIENT_ID,
      domains: '',
      defaultRole: 'customer_admin',
      sessionMaxMinutes: '60',
    });
    expect(dropped.location).toBe('/settings/sso?saved=1');
    expect(await listSsoDomains(w.deps.db, 'org_globex')).toEqual([]);
    expect((await auditActions('org_globex')).at(-1)).toMatchObject({
      action: 'sso.domain_removed',
      data: { domain: 'globex.example' },
    });
    expect((await continueWith(browser(), 'carla@globex.example')).html).toContain('type="password"');

    // A user who administers nothing has no such page.
    const bob = browser();
    await bob.get('/sign-in');
    await bob.post('/sign-in', { email: 'bob@bright.example', password: PASSWORD });
    expect((await bob.get('/settings/sso')).status).toBe(403);
    await sql`delete from sso_domain where organization_id = 'org_globex'`.execute(w.deps.db);
    await sql`delete from sso_connection where organization_id = 'org_globex'`.execute(w.deps.db);
  });
});
