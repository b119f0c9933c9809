/**
 * The identity provider's way back: /sign-in/sso/callback. The browser's pending sign-in is named
 * by an HttpOnly cookie (the random id whose hash is in sso_sign_in), sent on the provider's
 * top-level redirect (SameSite=Lax) and cleared at once. A sign-in that fails — consent denied,
 * tampered or expired state, a token for another audience or with a wrong nonce, clocks apart —
 * answers a page in the reader's language naming what happened and what to do, with the request
 * id to quote; the failure is logged with that id. Never a 500.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';

import { finishSsoSignIn } from '../app/identity/sso/finish-sso-sign-in.js';
import { SSO_CALLBACK_PATH } from '../app/identity/sso/start-sso-sign-in.js';
import { type AppError, isAppError } from '../domain/errors.js';
import { homePathOf } from '../domain/roles.js';
import { SSO_SIGN_IN_TTL_MS } from '../domain/sso.js';
import { errorMessage } from '../i18n/error-message.js';
import { Layout } from './layout.js';
import { pageContext } from './page-context.js';
import type { WebApp, WebDeps, WebEnv } from './web-env.js';
import { startSession } from './web-session.js';

const SSO_COOKIE = 'onramp_sso';

/** Binds this browser to the sign-in it starts at the identity provider. */
export function rememberSsoSignIn(c: Context, browserToken: string, secure: boolean): void {
  setCookie(c, SSO_COOKIE, browserToken, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: SSO_CALLBACK_PATH,
    maxAge: SSO_SIGN_IN_TTL_MS / 1000,
  });
}

/** A sign-in through the provider that failed: logged with the request id, then its page. */
export function ssoFailurePage(c: Context<WebEnv>, error: AppError<'SSO_FAILED'>, log: Logger | undefined) {
  log?.warn(
    {
      requestId: c.get('requestId'),
      reason: error.details.reason,
      provider: error.details.provider,
      cause: error.message,
    },
    'single sign-on refused',
  );
  const ctx = pageContext(c);
  const title = ctx.t('web.signIn.sso.failedTitle');
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <div class="card">
        <p class="notice bad" role="alert">
          {errorMessage(error, ctx.language, ctx.brand)}
        </p>
        <p class="muted">{ctx.t('web.failure.reference', { requestId: c.get('requestId') })}</p>
        <p>
          <a href="/sign-in">{ctx.t('web.signIn.sso.backToSignIn')}</a>
        </p>
      </div>
    </Layout>,
    400,
  );
}

export function registerSsoCallback(app: WebApp, deps: WebDeps & { log?: Logger | undefined }): void {
  app.get(SSO_CALLBACK_PATH, async (c) => {
    const browserToken = getCookie(c, SSO_COOKIE);
    deleteCookie(c, SSO_COOKIE, { path: SSO_CALLBACK_PATH });
    let signedIn;
    try {
      signedIn = await finishSsoSignIn(deps, {
        browserToken: browserToken && browserToken.length <= 100 ? browserToken : undefined,
        query: new URL(c.req.url).searchParams,
        language: c.get('language'),
      });
    } catch (e) {
      if (!isAppError(e, 'SSO_FAILED')) throw e;
      return ssoFailurePage(c, e, deps.log);
    }
    await startSession(c, deps, signedIn.userId, deps.secureCookies, {
      organizationId: signedIn.organizationId,
      idToken: signedIn.idToken,
      expiresAt: signedIn.sessionExpiresAt,
    });
    return c.redirect(signedIn.nextPath ?? homePathOf(signedIn.role), 303);
  });
}
