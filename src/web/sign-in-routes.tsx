/**
 * Sign-in and sign-out for partner, distributor, support and customer admin users: the e-mail
 * first, then the organization's identity provider (sso-callback-routes.tsx) or the password.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';

import { MAX_PASSWORD_LENGTH } from '../app/identity/set-password.js';
import { KNOWN_BROWSER_TTL_MS, signIn } from '../app/identity/sign-in.js';
import { ssoSignOutUrl } from '../app/identity/sso/sso-sign-out-url.js';
import { startSsoSignIn } from '../app/identity/sso/start-sso-sign-in.js';
import { isAppError } from '../domain/errors.js';
import { homePathOf } from '../domain/roles.js';
import { emailDomain } from '../domain/sso.js';
import { errorMessage } from '../i18n/error-message.js';
import { CsrfField, Layout } from './layout.js';
import { pageContext } from './page-context.js';
import { clientIp } from './setup/setup-page-context.js';
import { registerSsoCallback, rememberSsoSignIn, ssoFailurePage } from './sso-callback-routes.js';
import { providerRedirectPage } from './sso-redirect-page.js';
import type { WebApp, WebDeps, WebEnv } from './web-env.js';
import { endSession, startSession } from './web-session.js';

/** Marks a browser that signed in before: its failed sign-ins count apart (see app/identity/sign-in.ts). */
const KNOWN_BROWSER_COOKIE = 'onramp_browser';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : null;
}

type Failure = false | true | 'tooLong' | { message: string };

export function registerSignInRoutes(
  app: WebApp,
  deps: WebDeps & { demoMode: boolean; log?: Logger | undefined },
): void {
  /**
   * E-mail first: `email` step asks only for the address (an address on a verified domain with
   * single sign-on goes to its identity provider); `password` step asks for the password of that
   * address. `tooLong`: a password past the cap, refused before any work (400, whoever the
   * address is); `message`: a refusal to show (single sign-on enforced).
   */
  const page = (
    c: Context<WebEnv>,
    step: 'email' | 'password',
    failed: Failure,
    email = '',
    retryAfterSeconds = 0,
  ) => {
    const ctx = pageContext(c);
    const next = safeNext(c.req.query('next')) ?? '';
    const action = `/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`;
    return c.html(
      <Layout ctx={ctx} title={ctx.t('web.signIn.title')}>
        <h1>{ctx.t('web.signIn.title')}</h1>
        <div class="card">
          {failed && (
            <p class="notice bad" role="alert">
              {retryAfterSeconds >= 60
                ? ctx.t('web.signIn.throttledMinutes', { count: Math.ceil(retryAfterSeconds / 60) })
                : retryAfterSeconds > 0
                  ? ctx.t('web.signIn.throttledSeconds', { count: retryAfterSeconds })
                  : typeof failed === 'object'
                    ? failed.message
                    : failed === 'tooLong'
                      ? ctx.t('account:password.errors.long', { max: MAX_PASSWORD_LENGTH })
                      : ctx.t('web.signIn.failed')}
            </p>
          )}
          <form method="post" action={action}>
            <CsrfField ctx={ctx} />
            <label for="email">{ctx.t('web.signIn.email')}</label>
            {step === 'email' ? (
              <>
                <input
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="username"
                  required
                  value={email}
                  aria-describedby="email-hint"
                />
                <p id="email-hint" class="muted">
                  {ctx.t('web.signIn.emailHint')}
                </p>
                <div class="actions">
                  <button type="submit">{ctx.t('web.signIn.continue')}</button>
                </div>
              </>
            ) : (
              <>
                <input id="email" name="email" type="email" autocomplete="username" readonly value={email} />
                <p>
                  <a href={action}>{ctx.t('web.signIn.changeEmail')}</a>
                </p>
                <label for="password">{ctx.t('web.signIn.password')}</label>
                <input
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  required
                  autofocus
                />
                <div class="actions">
                  <button type="submit">{ctx.t('web.signIn.submit')}</button>
                </div>
              </>
            )}
          </form>
          <p>
            <a href="/forgot-password">{ctx.t('account:forgot.link')}</a>
          </p>
          {deps.demoMode && <p class="muted">{ctx.t('web.signIn.demoHint')}</p>}
        </div>
      </Layout>,
      retryAfterSeconds
        ? 429
        : failed === 'tooLong'
          ? 400
          : typeof failed === 'object'
            ? 403
            : failed
              ? 401
              : 200,
      retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {},
    );
  };

  app.get('/sign-in', (c) => page(c, 'email', false));
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form['email'] === 'string' ? form['email'].trim().slice(0, 254) : '';
    if (typeof form['password'] !== 'string') {
      // The e-mail step: its identity provider, or the password step.
      if (!emailDomain(email)) return page(c, 'email', false, email);
      let redirect;
      try {
        redirect = await startSsoSignIn(deps, { email, nextPath: safeNext(c.req.query('next')) });
      } catch (e) {
        if (!isAppError(e, 'SSO_FAILED')) throw e;
        return ssoFailurePage(c, e, deps.log);
      }
      if (!redirect) return page(c, 'password', false, email);
      rememberSsoSignIn(c, redirect.browserToken, deps.secureCookies);
      return providerRedirectPage(c, redirect.url, redirect.provider, 'signIn');
    }
    const password = form['password'];
    if ([...password].length > MAX_PASSWORD_LENGTH) return page(c, 'password', 'tooLong', email);
    let user;
    try {
      user = await signIn(deps, {
        email,
        password,
        ip: clientIp(c),
        knownBrowser: getCookie(c, KNOWN_BROWSER_COOKIE),
      });
    } catch (e) {
      if (isAppError(e, 'SSO_REQUIRED'))
        return page(c, 'email', { message: errorMessage(e, c.get('language'), c.get('brand')) }, email);
      if (!isAppError(e, 'RATE_LIMITED')) throw e;
      return page(c, 'password', true, email, e.details.retryAfterSeconds || 60);
    }
    if (!user) return page(c, 'password', true, email);
    setCookie(c, KNOWN_BROWSER_COOKIE, user.knownBrowser, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
      path: '/sign-in',
      maxAge: KNOWN_BROWSER_TTL_MS / 1000,
    });
    await startSession(c, deps, user.userId, deps.secureCookies);
    return c.redirect(safeNext(c.req.query('next')) ?? homePathOf(user.role), 303);
  });
  app.post('/sign-out', async (c) => {
    const sso = await endSession(c, deps);
    const logout = sso && (await ssoSignOutUrl(deps, sso));
    if (logout) return providerRedirectPage(c, logout.url, logout.provider, 'signOut');
    return c.redirect('/sign-in', 303);
  });
  registerSsoCallback(app, deps);
  app.get('/', (c) => c.redirect(c.get('user') ? homePathOf(c.get('user')?.role) : '/sign-in', 303));
}
