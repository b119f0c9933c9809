/**
 * Password recovery and password links for every user: /forgot-password (the same answer whether
 * or not the address has an account), /set-password/{token} (choose a password, get signed in,
 * land on one's home page) and, on an expired link's page, "Send me a new link".
 * A GET never consumes a link (mail scanners open them).
 */
import type { Context } from 'hono';
import { z } from 'zod';

import { openPasswordLink, type PasswordLink } from '../../app/identity/open-password-link.js';
import { requestNewPasswordLink, requestPasswordReset } from '../../app/identity/request-password-reset.js';
import { MAX_PASSWORD_LENGTH, setPassword } from '../../app/identity/set-password.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { homePathOf } from '../../domain/roles.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import { pageContext } from '../page-context.js';
import { clientIp, field, noStore, setupPageContext } from '../setup/setup-page-context.js';
import type { WebApp, WebDeps, WebEnv } from '../web-env.js';
import { startSession } from '../web-session.js';
import {
  type DeadLinkReason,
  ForgotPasswordPage,
  ForgotPasswordSentPage,
  NewLinkSentPage,
  type PasswordErrors,
  PasswordLinkDeadPage,
  PasswordPage,
} from './account-pages.js';

const TOKEN = ':token{[A-Za-z0-9_-]{16,128}}';

const forgotForm = z.object({ email: z.email().max(254) });

const retryAfterOf = (e: AppError<'RATE_LIMITED'>) => e.details.retryAfterSeconds || 60;
const isRateLimited = (e: unknown) => isAppError(e, 'RATE_LIMITED');

function deadLinkPage(
  c: Context<WebEnv>,
  err: unknown,
  retryAfterSeconds?: number,
): Response | Promise<Response> {
  if (!isAppError(err, 'TOKEN_INVALID')) throw err;
  const said = err.details.reason;
  const reason: DeadLinkReason = said === 'used' || said === 'expired' ? said : 'unknown';
  const page = (
    <PasswordLinkDeadPage
      ctx={pageContext(c)}
      reason={reason}
      token={c.req.param('token') ?? ''}
      {...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds })}
    />
  );
  if (retryAfterSeconds !== undefined) return c.html(page, 429, { 'Retry-After': String(retryAfterSeconds) });
  return c.html(page, 410);
}

function passwordErrors(
  ctx: ReturnType<typeof pageContext>,
  password: string,
  repeat: string,
): PasswordErrors {
  const length = [...password].length;
  const lengthError =
    length < MIN_PASSWORD_LENGTH
      ? ctx.t('account:password.errors.short', { min: MIN_PASSWORD_LENGTH })
      : length > MAX_PASSWORD_LENGTH
        ? ctx.t('account:password.errors.long', { max: MAX_PASSWORD_LENGTH })
        : undefined;
  return {
    password: lengthError,
    repeat: !lengthError && password !== repeat ? ctx.t('account:password.errors.mismatch') : undefined,
  };
}

/** The forgot-password answer's floor: well above the work either way (p99 about 25 ms). */
const FORGOT_PASSWORD_ANSWER_MS = 250;

const waitUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

export function registerAccountRoutes(app: WebApp, deps: WebDeps): void {
  app.get('/forgot-password', (c) => c.html(<ForgotPasswordPage ctx={pageContext(c)} email="" />));

  app.post('/forgot-password', async (c) => {
    const ctx = pageContext(c);
    const email = field(await c.req.parseBody(), 'email', 300);
    const parsed = forgotForm.safeParse({ email });
    if (!parsed.success)
      return c.html(
        <ForgotPasswordPage ctx={ctx} email={email} error={ctx.t('account:forgot.invalid')} />,
        400,
      );
    // Whatever the address, the answer leaves no sooner than this: an existing account's request
    // also writes its link, e-mail and audit row (about 3 ms more, measured), which a stopwatch
    // would otherwise tell from an unknown address's.
    const answerAt = performance.now() + FORGOT_PASSWORD_ANSWER_MS;
    try {
      await requestPasswordReset(deps, { email: parsed.data.email, ip: clientIp(c) });
      await waitUntil(answerAt);
    } catch (e) {
      if (!isRateLimited(e)) throw e;
      await waitUntil(answerAt);
      const retryAfterSeconds = retryAfterOf(e);
      return c.html(
        <ForgotPasswordPage ctx={ctx} email={email} retryAfterSeconds={retryAfterSeconds} />,
        429,
        {
          'Retry-After': String(retryAfterSeconds),
        },
      );
    }
    return c.redirect('/forgot-password/sent', 303);
  });

  app.get('/forgot-password/sent', (c) => c.html(<ForgotPasswordSentPage ctx={pageContext(c)} />));
  app.get('/forgot-password/new-link-sent', (c) => c.html(<NewLinkSentPage ctx={pageContext(c)} />));

  app.get(`/set-password/${TOKEN}`, async (c) => {
    noStore(c);
    let link: PasswordLink;
    try {
      link = await openPasswordLink(deps, c.req.param('token'));
    } catch (e) {
      return deadLinkPage(c, e);
    }
    const ctx = setupPageContext(c, link.language);
    return c.html(<PasswordPage ctx={ctx} token={c.req.param('token')} link={link} errors={{}} />);
  });

  app.post(`/set-password/${TOKEN}`, async (c) => {
    noStore(c);
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    const repeat = typeof body['repeat'] === 'string' ? body['repeat'] : '';
    let link: PasswordLink;
    try {
      link = await openPasswordLink(deps, token);
    } catch (e) {
      return deadLinkPage(c, e);
    }
    const ctx = setupPageContext(c, link.language);
    const errors = passwordErrors(ctx, password, repeat);
    if (errors.password || errors.repeat)
      return c.html(<PasswordPage ctx={ctx} token={token} link={link} errors={errors} />, 400);
    let done: Awaited<ReturnType<typeof setPassword>>;
    try {
      done = await setPassword(deps, { token, password });
    } catch (e) {
      return deadLinkPage(c, e);
    }
    await startSession(c, deps, done.userId, deps.secureCookies);
    return c.redirect(homePathOf(done.role), 303);
  });

  app.post(`/set-password/${TOKEN}/new-link`, async (c) => {
    noStore(c);
    const token = c.req.param('token');
    try {
      await requestNewPasswordLink(deps, { token, ip: clientIp(c) });
    } catch (e) {
      if (isRateLimited(e))
        return deadLinkPage(c, new AppError('TOKEN_INVALID', { reason: 'expired' }), retryAfterOf(e));
      // A link still alive needs no new one: back to choosing the password.
      if (isAppError(e, 'TOKEN_INVALID') && e.details.reason === 'live')
        return c.redirect(`/set-password/${token}`, 303);
      return deadLinkPage(c, e);
    }
    return c.redirect('/forgot-password/new-link-sent', 303);
  });
}
