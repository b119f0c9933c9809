/**
 * /invitations/{token}: the link of an invitation e-mail.
 *   GET   shows the invitation (never consumes it: mail scanners open links too)
 *   POST  accepts with name and password, signs the new user in, and goes to their home page
 *   POST  /renew  an expired link's "Send me a new invitation" (same answer whatever happens)
 */
import type { Context } from 'hono';

import {
  acceptInvitation,
  acceptInvitationSchema,
  MAX_PASSWORD_LENGTH,
} from '../../app/identity/accept-invitation.js';
import { type OpenedInvitation, openInvitation } from '../../app/identity/open-invitation.js';
import { type NewInvitationLimits, requestNewInvitation } from '../../app/identity/request-new-invitation.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { homePathOf } from '../../domain/roles.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import type { PageContext } from '../layout.js';
import { clientIp, noStore, setupPageContext } from '../setup/setup-page-context.js';
import type { WebApp, WebDeps, WebEnv } from '../web-env.js';
import { startSession } from '../web-session.js';
import {
  type AcceptForm,
  AcceptPage,
  DeadInvitationPage,
  ExpiredInvitationPage,
  RenewedPage,
  TakenPage,
} from './invitation-pages.js';

export interface InvitationWebDeps extends WebDeps {
  /** Limits of "Send me a new invitation"; tests lower them. */
  newInvitationLimits?: NewInvitationLimits | undefined;
}

const TOKEN = ':token{[A-Za-z0-9_-]{16,128}}';

/** The invitee's language (the inviter chose it) unless the visitor picked one. */
function contextOf(c: Context<WebEnv>, opened: OpenedInvitation): PageContext {
  return setupPageContext(c, opened.state === 'dead' ? undefined : opened.invitation.language);
}

function stateResponse(c: Context<WebEnv>, token: string, opened: OpenedInvitation, form?: AcceptForm) {
  noStore(c);
  const ctx = contextOf(c, opened);
  switch (opened.state) {
    case 'open':
      return c.html(
        <AcceptPage ctx={ctx} token={token} invitation={opened.invitation} form={form} />,
        form ? 400 : 200,
      );
    case 'taken':
      return c.html(<TakenPage ctx={ctx} invitation={opened.invitation} />, 409);
    case 'expired':
      return c.html(<ExpiredInvitationPage ctx={ctx} token={token} invitation={opened.invitation} />, 410);
    case 'dead':
      return c.html(
        <DeadInvitationPage ctx={ctx} reason={opened.reason} />,
        opened.reason === 'unknown' ? 404 : 410,
      );
  }
}

function formErrors(
  ctx: PageContext,
  body: Record<string, unknown>,
): { form: AcceptForm; input?: { name: string; password: string } } {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const name = str('name').trim().slice(0, 200);
  const password = str('password').slice(0, MAX_PASSWORD_LENGTH + 1);
  const errors: AcceptForm['errors'] = {};
  const parsed = acceptInvitationSchema.safeParse({ name, password });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'name') errors.name ??= ctx.t('people:accept.error.name');
      if (issue.path[0] === 'password')
        errors.password ??=
          password.length > MAX_PASSWORD_LENGTH
            ? ctx.t('people:accept.error.passwordLong', { max: MAX_PASSWORD_LENGTH })
            : ctx.t('people:accept.error.passwordShort', { min: MIN_PASSWORD_LENGTH });
    }
  if (!errors.password && str('confirm') !== password) errors.confirm = ctx.t('people:accept.error.confirm');
  const form = { name, errors };
  return parsed.success && Object.keys(errors).length === 0 ? { form, input: parsed.data } : { form };
}

export function registerInvitationLinkRoutes(app: WebApp, deps: InvitationWebDeps): void {
  app.get(`/invitations/${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    return stateResponse(c, token, await openInvitation(deps, token));
  });

  app.post(`/invitations/${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    const opened = await openInvitation(deps, token);
    if (opened.state !== 'open') return stateResponse(c, token, opened);
    const { form, input } = formErrors(contextOf(c, opened), await c.req.parseBody());
    if (!input) return stateResponse(c, token, opened, form);
    try {
      const accepted = await acceptInvitation(deps, token, input);
      await startSession(c, deps, accepted.userId, deps.secureCookies);
      return c.redirect(homePathOf(accepted.role), 303);
    } catch (e) {
      // The link died, or the address got an account, between the page and the click.
      if (e instanceof AppError && (e.code === 'TOKEN_INVALID' || e.code === 'ALREADY_EXISTS'))
        return stateResponse(c, token, await openInvitation(deps, token));
      throw e;
    }
  });

  // The language switch on a page answering a POST asks for it with GET: start from the link again.
  app.get(`/invitations/${TOKEN}/renew`, (c) => c.redirect(`/invitations/${c.req.param('token')}`, 303));

  app.post(`/invitations/${TOKEN}/renew`, async (c) => {
    const token = c.req.param('token');
    noStore(c);
    try {
      await requestNewInvitation(deps, { token, ip: clientIp(c) }, deps.newInvitationLimits);
    } catch (e) {
      if (!isAppError(e, 'RATE_LIMITED')) throw e;
      const retryAfterSeconds = e.details.retryAfterSeconds || 60;
      c.header('Retry-After', String(retryAfterSeconds));
      return c.html(<RenewedPage ctx={setupPageContext(c)} retryAfterSeconds={retryAfterSeconds} />, 429);
    }
    return c.html(<RenewedPage ctx={setupPageContext(c)} />);
  });
}
