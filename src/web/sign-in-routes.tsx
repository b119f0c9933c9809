/** Sign-in and sign-out for partner, distributor, support and customer admin users. */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

import { MAX_PASSWORD_LENGTH } from '../app/identity/set-password.js';
import { KNOWN_BROWSER_TTL_MS, signIn } from '../app/identity/sign-in.js';
import { isAppError } from '../domain/errors.js';
import { homePathOf } from '../domain/roles.js';
import { CsrfField, Layout } from './layout.js';
import { pageContext } from './page-context.js';
import { clientIp } from './setup/setup-page-context.js';
import type { WebApp, WebDeps, WebEnv } from './web-env.js';
import { endSession, startSession } from './web-session.js';

/** Marks a browser that signed in before: its failed sign-ins count apart (see app/identity/sign-in.ts). */
const KNOWN_BROWSER_COOKIE = 'onramp_browser';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : null;
}

export function registerSignInRoutes(app: WebApp, deps: WebDeps & { demoMode: boolean }): void {
  /** `tooLong`: a password past the cap, refused before any work (400, whoever the address is). */
  const page = (c: Context<WebEnv>, failed: boolean | 'tooLong', email = '', retryAfterSeconds = 0) => {
    const ctx = pageContext(c);
    const next = safeNext(c.req.query('next')) ?? '';
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
                  : failed === 'tooLong'
                    ? ctx.t('account:password.errors.long', { max: MAX_PASSWORD_LENGTH })
                    : ctx.t('web.signIn.failed')}
            </p>
          )}
          <form method="post" action={`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
            <CsrfField ctx={ctx} />
            <label for="email">{ctx.t('web.signIn.email')}</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={email} />
            <label for="password">{ctx.t('web.signIn.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <div class="actions">
              <button type="submit">{ctx.t('web.signIn.submit')}</button>
            </div>
          </form>
          <p>
            <a href="/forgot-password">{ctx.t('account:forgot.link')}</a>
          </p>
          {deps.demoMode && <p class="muted">{ctx.t('web.signIn.demoHint')}</p>}
        </div>
      </Layout>,
      retryAfterSeconds ? 429 : failed === 'tooLong' ? 400 : failed ? 401 : 200,
      retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {},
    );
  };

  app.get('/sign-in', (c) => page(c, false));
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form['email'] === 'string' ? form['email'].trim().slice(0, 254) : '';
    const password = typeof form['password'] === 'string' ? form['password'] : '';
    if ([...password].length > MAX_PASSWORD_LENGTH) return page(c, 'tooLong', email);
    let user;
    try {
      user = await signIn(deps, {
        email,
        password,
        ip: clientIp(c),
        knownBrowser: getCookie(c, KNOWN_BROWSER_COOKIE),
      });
    } catch (e) {
      if (!isAppError(e, 'RATE_LIMITED')) throw e;
      return page(c, true, email, e.details.retryAfterSeconds || 60);
    }
    if (!user) return page(c, true, email);
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
    await endSession(c, deps);
    return c.redirect('/sign-in', 303);
  });
  app.get('/', (c) => c.redirect(c.get('user') ? homePathOf(c.get('user')?.role) : '/sign-in', 303));
}
