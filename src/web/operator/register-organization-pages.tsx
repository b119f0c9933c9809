/**
 * The operator's organization pages (operators only; everyone else gets the refusal page):
 *   GET  /operator                                     the operator's home: list, filters, create form
 *   POST /operator/organizations                       create, then to the new organization (PRG)
 *   GET  /operator/organizations/:organizationId       details, rename, status, audit trail
 *   POST /operator/organizations/:id/rename            rename (PRG; a bad name re-renders with the error)
 *   POST /operator/organizations/:id/deactivate        deactivate (PRG)
 *   POST /operator/organizations/:id/reactivate        reactivate (PRG)
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { changeOrganization } from '../../app/identity/change-organization.js';
import { createOrganization } from '../../app/identity/create-organization.js';
import { getOrganization } from '../../app/identity/get-organization.js';
import { listOrganizationAudit } from '../../app/identity/list-organization-audit.js';
import { listOrganizations, ORGANIZATION_KINDS } from '../../app/identity/list-organizations.js';
import { type AppError, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import type { WebApp } from '../web-env.js';
import { paramOf, signedIn, type WebContext } from '../workspace/workspace-support.js';
import { DETAIL_NOTICES, type DetailNotice, organizationPage, type RenameForm } from './organization-page.js';
import {
  type CreateForm,
  type ListFilter,
  OPERATOR_PATH,
  organizationPath,
  organizationsPage,
} from './organizations-page.js';

const text = (body: Record<string, unknown>, key: string) =>
  typeof body[key] === 'string' ? (body[key] as string).slice(0, 400) : '';

function filterOf(c: WebContext): ListFilter {
  const kind = c.req.query('kind');
  const q = c.req.query('q')?.trim().slice(0, 200);
  return {
    kind: ORGANIZATION_KINDS.find((k) => k === kind),
    q: q || undefined,
  };
}

/** Which fields an INVALID_INPUT names (its issues' first path segment). */
const badFields = (e: AppError<'INVALID_INPUT'>) =>
  new Set(e.details.issues.map((i) => i.path.split('.')[0]));

async function listPage(
  deps: AppDeps,
  c: WebContext,
  user: Actor,
  form?: CreateForm,
  status?: ContentfulStatusCode,
) {
  const filter = filterOf(c);
  const items = await listOrganizations(deps, user, filter);
  const partners =
    filter.kind === 'partner' && !filter.q ? items : await listOrganizations(deps, user, { kind: 'partner' });
  return organizationsPage(
    c,
    { items, filter, hasPartner: partners.length > 0, ...(form ? { form } : {}) },
    status,
  );
}

async function detailPage(
  deps: AppDeps,
  c: WebContext,
  user: Actor,
  id: string,
  extra: { notice?: DetailNotice | undefined; rename?: RenameForm } = {},
  status?: ContentfulStatusCode,
) {
  const org = await getOrganization(deps, user, id);
  const events = await listOrganizationAudit(deps, user, id);
  return organizationPage(c, { org, events, ...extra }, status);
}

export function registerOrganizationPages(app: WebApp, deps: AppDeps): void {
  app.get(
    OPERATOR_PATH,
    signedIn((c, user) => listPage(deps, c, user)),
  );

  app.post(
    '/operator/organizations',
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const values = { kind: text(body, 'kind'), name: text(body, 'name') };
      try {
        const org = await createOrganization(deps, user, values);
        return c.redirect(`${organizationPath(org.organizationId)}?created=1`, 303);
      } catch (e) {
        if (!isAppError(e, 'INVALID_INPUT', 'ALREADY_EXISTS')) throw e;
        const t = c.get('t');
        const errors: CreateForm['errors'] = {};
        if (e.code === 'ALREADY_EXISTS') errors.name = t('operator:create.error.exists');
        else {
          const bad = badFields(e);
          if (bad.has('kind')) errors.kind = t('operator:create.error.kind');
          if (bad.has('name') || !bad.has('kind')) errors.name = t('operator:create.error.name');
        }
        return listPage(deps, c, user, { values, errors }, e.status as ContentfulStatusCode);
      }
    }),
  );

  app.get(
    '/operator/organizations/:organizationId',
    signedIn((c, user) => {
      const notice = DETAIL_NOTICES.find((n) => c.req.query(n) === '1');
      return detailPage(deps, c, user, paramOf(c, 'organizationId'), { notice });
    }),
  );

  app.post(
    '/operator/organizations/:organizationId/rename',
    signedIn(async (c, user) => {
      const id = paramOf(c, 'organizationId');
      const value = text(await c.req.parseBody(), 'name');
      try {
        await changeOrganization(deps, user, id, { name: value });
        return c.redirect(`${organizationPath(id)}?renamed=1`, 303);
      } catch (e) {
        if (!isAppError(e, 'INVALID_INPUT', 'ALREADY_EXISTS')) throw e;
        // A customer organization's refusal is not about the name typed: the refusal page says it.
        if (e.code === 'INVALID_INPUT' && !badFields(e).has('name')) throw e;
        const t = c.get('t');
        const error = t(
          e.code === 'ALREADY_EXISTS' ? 'operator:create.error.exists' : 'operator:create.error.name',
        );
        return detailPage(deps, c, user, id, { rename: { value, error } }, e.status as ContentfulStatusCode);
      }
    }),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/operator/organizations/:organizationId/${action}`,
      signedIn(async (c, user) => {
        const id = paramOf(c, 'organizationId');
        await changeOrganization(deps, user, id, { active });
        return c.redirect(`${organizationPath(id)}?${action}d=1`, 303);
      }),
    );
  }
}
