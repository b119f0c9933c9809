/**
 * A real OpenID provider for tests: the certified `oidc-provider` (8.x, for Node 20) on loopback,
 * with its development login and consent pages. Any login name signs in as that account; its
 * claims are the login as e-mail (verified) and a name, unless a test sets other claims for it.
 * `codeTtlSeconds` is the authorization code's lifetime: a test sets it below zero to have the
 * provider hand out codes that are already expired (its own check refuses them, no waiting);
 * `idTokenTtlSeconds` the ID token's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider, { type ClaimsParameterMember } from 'oidc-provider';

export const TEST_CLIENT_ID = 'onramp-test';
export const TEST_CLIENT_SECRET = 'a client secret only this test knows';

export interface TestProvider {
  issuer: string;
  /** Claims of an account by login name (defaults: email = login, email_verified, name). */
  claims: Map<string, Record<string, unknown>>;
  settings: { codeTtlSeconds: number; idTokenTtlSeconds: number };
  close(): Promise<void>;
}

export async function startTestProvider(opts: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  clientId?: string;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const claims = new Map<string, Record<string, unknown>>();
  const settings = { codeTtlSeconds: 60, idTokenTtlSeconds: 3600 };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId ?? TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['a cookie key for the test provider only'] },
    ttl: {
      AuthorizationCode: () => settings.codeTtlSeconds,
      IdToken: () => settings.idTokenTtlSeconds,
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: (_use: string, _scope: string, _claims: { [key: string]: null | ClaimsParameterMember }) => ({
        sub: id,
        email: id,
        email_verified: true,
        name: `Person ${id.split('@')[0]}`,
        ...claims.get(id),
      }),
    }),
  });
  // The development pages warn on each start; a test has no use for the warning.
  provider.on('server_error', (_ctx, err) => console.error('test provider error', err));
  server.on('request', provider.callback());
  return {
    issuer,
    claims,
    settings,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's side of the provider: its own cookies, redirects followed by hand. */
export class ProviderBrowser {
  private jar = new Map<string, string>();

  private cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookie(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    this.keep(res);
    return res;
  }

  /**
   * Follows the provider's redirects from `url`, signing in as `login` and consenting (or, with
   * `deny`, cancelling) on its pages, until it sends the browser away; returns that address.
   */
  async authorize(url: string, login: string, opts: { deny?: boolean } = {}): Promise<URL> {
    let next = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      if (!next.href.startsWith(new URL(url).origin)) return next;
      const res = await this.request(next.href);
      const location = res.headers.get('location');
      if (location) {
        next = new URL(location, next);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action)
        throw new Error(`the provider answered ${res.status} without a form: ${html.slice(0, 500)}`);
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (opts.deny && prompt === 'consent') {
        const abort = /href="([^"]+\/abort)"/.exec(html)?.[1];
        next = new URL(abort!, next);
        continue;
      }
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt: prompt ?? 'consent' };
      const posted = await this.request(new URL(action, next).href, { method: 'POST', form });
      next = new URL(posted.headers.get('location')!, next);
    }
    throw new Error('the provider kept redirecting');
  }
}
