/**
 * /admin: the signed-in customer admin's organization, data region, administrators, orders,
 * subscriptions, licences and activity. (Their welcome e-mail's /set-password/{token} is in
 * web/account/, as everyone's.) Actions, each redirecting back with a one-shot confirmation:
 *   POST /admin/administrators/invite                  invite another administrator
 *   POST /admin/administrators/:userId/remove          remove one (never the last)
 *   POST /admin/invitations/:invitationId/resend|revoke
 * Another organization's user or invitation answers 404, like a missing one. Invitations sent and
 * resent are limited per administrator (`invitationPerUser`).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { getOrganizationAdministration } from '../../app/identity/get-organization-administration.js';
import { INVITATION_EXISTS, inviteUser, inviteUserSchema } from '../../app/identity/invite-user.js';
import { listOrganizationTrail } from '../../app/identity/list-organization-trail.js';
import { removeAdministrator } from '../../app/identity/remove-administrator.js';
import { resendInvitation } from '../../app/identity/resend-invitation.js';
import { revokeInvitation } from '../../app/identity/revoke-invitation.js';
import { limitInvitations } from '../../app/rate-limits.js';
import { getCustomerOrganization } from '../../app/setup/get-customer-organization.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-message.js';
import { pageContext } from '../page-context.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { paramOf, signedIn, type WebContext } from '../workspace/workspace-support.js';
import type { AdminInviteForm } from './admin-portal-administrators.js';
import { AdminNoAccessPage, AdminPortalPage, type AdminPortalProps } from './admin-portal-pages.js';
import { field } from './setup-page-context.js';

const DONE = new Set(['invited', 'removed', 'resent', 'revoked']);

type Extra = Pick<AdminPortalProps, 'done' | 'problem' | 'form'>;

async function render(
  c: WebContext,
  deps: WebDeps,
  user: Actor,
  extra: Extra = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = pageContext(c);
  if (user.role !== 'customer_admin') return c.html(<AdminNoAccessPage ctx={ctx} />, 403);
  const [overview, administration, trail] = await Promise.all([
    getCustomerOrganization(deps, user),
    getOrganizationAdministration(deps, user),
    listOrganizationTrail(deps, user),
  ]);
  return c.html(
    <AdminPortalPage
      ctx={ctx}
      overview={overview}
      administration={administration}
      trail={trail}
      {...extra}
    />,
    status,
  );
}

function doneOf(c: WebContext): Extra['done'] {
  const key = c.req.query('done');
  if (!key || !DONE.has(key)) return undefined;
  return { key, vars: { email: (c.req.query('to') ?? '').slice(0, 254) } };
}

const back = (c: WebContext, done: string, to?: string) =>
  c.redirect(`/admin?${new URLSearchParams({ done, ...(to ? { to } : {}) }).toString()}#administrators`, 303);

/** Past the invitations limit: the page with the refusal, 429 and Retry-After. */
async function rateLimited(c: WebContext, deps: WebDeps, user: Actor, e: AppError<'RATE_LIMITED'>) {
  const ctx = pageContext(c);
  const res = await render(c, deps, user, { problem: errorMessage(e, ctx.language, ctx.brand) }, 429);
  res.headers.set('Retry-After', String(e.details.retryAfterSeconds));
  return res;
}

/** Only customer admins act here; anyone else gets the refusal page before anything is read. */
const customerAdmin = (user: Actor) => {
  if (user.role !== 'customer_admin') throw new AppError('NO_ACCESS', { area: 'users' });
};

export function registerAdminPortalRoutes(app: WebApp, deps: WebDeps): void {
  app.get(
    '/admin',
    signedIn((c, user) => render(c, deps, user, { done: doneOf(c) })),
  );

  app.post(
    '/admin/administrators/invite',
    signedIn(async (c, user) => {
      customerAdmin(user);
      const t = c.get('t');
      const body = await c.req.parseBody();
      const values = { email: field(body, 'email', 300), language: field(body, 'language', 5) };
      const withError = (error: string, status: ContentfulStatusCode) =>
        render(c, deps, user, { form: { values, error } satisfies AdminInviteForm }, status);
      // Without a language, the e-mail speaks the inviter's.
      const parsed = inviteUserSchema.safeParse({
        email: values.email,
        language: values.language || undefined,
        role: 'customer_admin',
      });
      if (!parsed.success) return withError(t('people:error.email'), 400);
      try {
        await limitInvitations(deps, user);
      } catch (e) {
        if (isAppError(e, 'RATE_LIMITED')) return rateLimited(c, deps, user, e);
        throw e;
      }
      try {
        const invitation = await inviteUser(deps, user, parsed.data);
        return back(c, 'invited', invitation.email);
      } catch (e) {
        if (!isAppError(e, 'ALREADY_EXISTS')) throw e;
        const key =
          e.details.what === INVITATION_EXISTS
            ? 'people:error.invitationExists'
            : 'portal:error.memberExists';
        return withError(t(key), 409);
      }
    }),
  );

  app.post(
    '/admin/administrators/:userId/remove',
    signedIn(async (c, user) => {
      customerAdmin(user);
      const userId = paramOf(c, 'userId');
      try {
        await removeAdministrator(deps, user, userId);
      } catch (e) {
        if (!isAppError(e, 'LAST_ADMINISTRATOR')) throw e;
        const ctx = pageContext(c);
        return render(c, deps, user, { problem: errorMessage(e, ctx.language, ctx.brand) }, 409);
      }
      // Removing oneself ends one's own session.
      return userId === user.userId ? c.redirect('/sign-in', 303) : back(c, 'removed');
    }),
  );

  for (const [verb, run, done] of [
    ['resend', resendInvitation, 'resent'],
    ['revoke', revokeInvitation, 'revoked'],
  ] as const)
    app.post(
      `/admin/invitations/:invitationId/${verb}`,
      signedIn(async (c, user) => {
        customerAdmin(user);
        try {
          if (verb === 'resend') await limitInvitations(deps, user);
          await run(deps, user, paramOf(c, 'invitationId'));
        } catch (e) {
          if (isAppError(e, 'RATE_LIMITED')) return rateLimited(c, deps, user, e);
          // An invitation accepted or revoked meanwhile: the page shows what it is now.
          if (!isAppError(e, 'INVALID_INPUT')) throw e;
          return render(c, deps, user, { problem: c.get('t')('people:error.invalidAction') }, 409);
        }
        return back(c, done);
      }),
    );
}
