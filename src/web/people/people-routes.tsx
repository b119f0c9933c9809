/**
 * The people page and its actions, mounted twice on one component:
 *   /settings/users                                  an admin's own organization
 *   /operator/organizations/:organizationId/users    operators, any organization
 * and under each base:
 *   POST {base}/invitations                          invite (errors next to the fields)
 *   POST {base}/invitations/:invitationId/resend|revoke
 *   POST {base}/users/:userId/role|deactivate|reactivate
 * Every action redirects back with a one-shot confirmation (Post/Redirect/Get).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { changeUser, type ChangeUserInput } from '../../app/identity/change-user.js';
import { INVITATION_EXISTS, inviteUser, inviteUserSchema } from '../../app/identity/invite-user.js';
import { listInvitations } from '../../app/identity/list-invitations.js';
import { getPeopleOrganization, listUsers } from '../../app/identity/list-users.js';
import { resendInvitation } from '../../app/identity/resend-invitation.js';
import { revokeInvitation } from '../../app/identity/revoke-invitation.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { field } from '../setup/setup-page-context.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { paramOf, signedIn, type WebContext } from '../workspace/workspace-support.js';
import { type InviteField, type InviteForm, peoplePage, type PeoplePageProps } from './people-page.js';

interface Mount {
  pattern: string;
  /** The organization asked for (undefined: the caller's own) and the page's path. */
  resolve(c: WebContext, user: Actor): { organizationId: string | undefined; base: string };
}

const MOUNTS: Mount[] = [
  { pattern: '/settings/users', resolve: () => ({ organizationId: undefined, base: '/settings/users' }) },
  {
    pattern: '/operator/organizations/:organizationId/users',
    resolve: (c, user) => {
      if (user.role !== 'operator') throw new AppError('NO_ACCESS', { area: 'operator' });
      const organizationId = paramOf(c, 'organizationId');
      return { organizationId, base: `/operator/organizations/${encodeURIComponent(organizationId)}/users` };
    },
  },
];

const DONE = new Set(['invited', 'resent', 'revoked', 'role', 'deactivated', 'reactivated']);

type Extra = Pick<PeoplePageProps, 'done' | 'problem' | 'form'>;

async function render(
  c: WebContext,
  deps: WebDeps,
  user: Actor,
  mount: Mount,
  extra: Extra = {},
  status: ContentfulStatusCode = 200,
) {
  const { organizationId, base } = mount.resolve(c, user);
  const organization = await getPeopleOrganization(deps, user, organizationId);
  const [users, invitations] = await Promise.all([
    listUsers(deps, user, organization.organizationId),
    listInvitations(deps, user, { organizationId: organization.organizationId }),
  ]);
  return peoplePage(c, { base, organization, users, invitations, ...extra }, status);
}

function doneOf(c: WebContext): Extra['done'] {
  const key = c.req.query('done');
  if (!key || !DONE.has(key)) return undefined;
  return { key, vars: { email: (c.req.query('to') ?? '').slice(0, 254) } };
}

/** A refused change explained in the reader's language; other refusals get the refusal page. */
function problemOf(c: WebContext, e: unknown): string | null {
  if (!isAppError(e, 'INVALID_INPUT')) return null;
  const t = c.get('t');
  const rule = e.details.rule;
  if (rule === 'last_admin') return t('people:error.lastAdmin');
  if (rule === 'self') return t('people:error.self');
  if (rule === 'kind') return t('people:error.role');
  return t('people:error.invalidAction');
}

export function registerPeoplePages(app: WebApp, deps: WebDeps): void {
  for (const mount of MOUNTS) {
    const back = (c: WebContext, user: Actor, done: string, to?: string) => {
      const { base } = mount.resolve(c, user);
      const query = new URLSearchParams({ done, ...(to ? { to } : {}) });
      return c.redirect(`${base}?${query.toString()}`, 303);
    };

    app.get(
      mount.pattern,
      signedIn((c, user) => render(c, deps, user, mount, { done: doneOf(c) })),
    );

    app.post(
      `${mount.pattern}/invitations`,
      signedIn(async (c, user) => {
        const { organizationId } = mount.resolve(c, user);
        const body = await c.req.parseBody();
        const values = {
          email: field(body, 'email', 300),
          role: field(body, 'role', 50),
          language: field(body, 'language', 5),
        };
        const t = c.get('t');
        const parsed = inviteUserSchema.safeParse({ ...values, organizationId });
        const withErrors = (errors: InviteForm['errors'], status: ContentfulStatusCode) =>
          render(c, deps, user, mount, { form: { values, errors } }, status);
        if (!parsed.success) {
          const errors: InviteForm['errors'] = {};
          for (const issue of parsed.error.issues) {
            const f = issue.path[0] as InviteField;
            if (f === 'email' || f === 'role') errors[f] ??= t(`people:error.${f}`);
            if (f === 'language') errors.language ??= t('people:error.role');
          }
          return withErrors(errors, 400);
        }
        try {
          const invitation = await inviteUser(deps, user, parsed.data);
          return back(c, user, 'invited', invitation.email);
        } catch (e) {
          if (isAppError(e, 'ALREADY_EXISTS'))
            return withErrors(
              {
                email: t(
                  e.details.what === INVITATION_EXISTS
                    ? 'people:error.invitationExists'
                    : 'people:error.memberExists',
                ),
              },
              409,
            );
          if (isAppError(e, 'INVALID_INPUT')) return withErrors({ role: t('people:error.role') }, 400);
          throw e;
        }
      }),
    );

    for (const [verb, run] of [
      ['resend', resendInvitation],
      ['revoke', revokeInvitation],
    ] as const)
      app.post(
        `${mount.pattern}/invitations/:invitationId/${verb}`,
        signedIn(async (c, user) => {
          mount.resolve(c, user);
          try {
            await run(deps, user, paramOf(c, 'invitationId'));
          } catch (e) {
            const problem = problemOf(c, e);
            if (problem === null) throw e;
            return render(c, deps, user, mount, { problem }, 400);
          }
          return back(c, user, verb === 'resend' ? 'resent' : 'revoked');
        }),
      );

    const userActions: [string, (body: Record<string, unknown>) => ChangeUserInput, string][] = [
      ['role', (body) => ({ role: field(body, 'role', 50) as ChangeUserInput['role'] }), 'role'],
      ['deactivate', () => ({ active: false }), 'deactivated'],
      ['reactivate', () => ({ active: true }), 'reactivated'],
    ];
    for (const [verb, inputOf, done] of userActions)
      app.post(
        `${mount.pattern}/users/:userId/${verb}`,
        signedIn(async (c, user) => {
          mount.resolve(c, user);
          const input = inputOf(await c.req.parseBody());
          try {
            await changeUser(deps, user, paramOf(c, 'userId'), input);
          } catch (e) {
            const problem = problemOf(c, e);
            if (problem === null) throw e;
            return render(c, deps, user, mount, { problem }, 400);
          }
          return back(c, user, done);
        }),
      );
  }
}
