/**
 * /api/v1/organizations: the operator's organizations. Operators list every organization (their
 * own and customers' included), create partners and distributors, rename, deactivate and
 * reactivate them; everyone else gets NO_ACCESS `{ area: 'operator' }`.
 */
import { z } from '@hono/zod-openapi';

import { changeOrganization, changeOrganizationSchema } from '../../app/identity/change-organization.js';
import { createOrganization, createOrganizationSchema } from '../../app/identity/create-organization.js';
import { getOrganization } from '../../app/identity/get-organization.js';
import { listOrganizations, ORGANIZATION_KINDS } from '../../app/identity/list-organizations.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, created, readRoute } from '../define-route.js';
import { createdJson, errorResponse, json, jsonBody, pathIdParam } from '../openapi-common.js';

const organizationSchema = z
  .object({
    organizationId: z.string().openapi({ example: 'org_8d1f0c2b7a4e4f19b3c2' }),
    kind: z.enum(ORGANIZATION_KINDS),
    name: z.string().openapi({ example: 'Acme Reseller' }),
    active: z.boolean().openapi({ description: 'false while deactivated: its users are refused' }),
    createdAt: z.string().openapi({ example: '2026-12-01T09:00:00.000Z' }),
    userCount: z
      .number()
      .int()
      .openapi({ description: 'Users of the organization, deactivated ones included' }),
  })
  .openapi('Organization');

const organizationIdParam = pathIdParam(
  'organizationId',
  /^[A-Za-z0-9_-]{1,80}$/,
  'must be an organization id such as org_8d1f0c2b',
  'org_8d1f0c2b7a4e4f19b3c2',
);

const kindQuery = z.object({
  kind: z
    .enum(ORGANIZATION_KINDS)
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' }, description: 'Only organizations of this kind' }),
});

const alreadyExists = errorResponse(
  409,
  'ALREADY_EXISTS: an organization of this kind with this name (any case, active or not) exists; IDEMPOTENCY_KEY_IN_USE',
);

export function registerOrganizationRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    readRoute({
      method: 'get',
      path: '/organizations',
      operationId: 'listOrganizations',
      tags: ['Organizations'],
      summary: 'Every organization, with its number of users (operators only)',
      description:
        "Partners and distributors, the operator's own organization (operators and support agents) and customer organizations (read-only: their admins run them), by name.",
      request: { query: kindQuery },
      responses: {
        200: json(
          z.object({ items: z.array(organizationSchema) }).openapi('OrganizationList'),
          'The organizations',
        ),
      },
    }),
    async (c) => c.json({ items: await listOrganizations(deps, c.get('actor'), c.req.valid('query')) }, 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/organizations',
      operationId: 'createOrganization',
      tags: ['Organizations'],
      summary: 'Create a partner or distributor organization (operators only)',
      description:
        'The name is trimmed and must be 2 to 200 characters. Next: invite its first admin (POST /api/v1/invitations with its organizationId).',
      request: { body: jsonBody(createOrganizationSchema) },
      responses: {
        201: createdJson(organizationSchema, 'Created'),
        409: alreadyExists,
      },
    }),
    async (c) => {
      const org = await createOrganization(deps, c.get('actor'), c.req.valid('json'));
      return created(c, `/organizations/${org.organizationId}`, org);
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/organizations/{organizationId}',
      operationId: 'getOrganization',
      tags: ['Organizations'],
      summary: 'One organization (operators only)',
      description: 'With its number of users and whether it is active.',
      request: { params: organizationIdParam },
      responses: { 200: json(organizationSchema, 'The organization') },
    }),
    async (c) =>
      c.json(await getOrganization(deps, c.get('actor'), c.req.valid('param').organizationId), 200),
  );

  app.openapi(
    changeRoute({
      method: 'patch',
      path: '/organizations/{organizationId}',
      operationId: 'changeOrganization',
      tags: ['Organizations'],
      summary: 'Rename, deactivate or reactivate an organization (operators only)',
      description:
        "`active: false` ends its users' browser sessions and refuses their sign-ins and API tokens at once; its orders stay. `active: true` lets them back in. The operator's own organization cannot be deactivated, and customer organizations are changed by their own admins (both INVALID_INPUT).",
      request: {
        params: organizationIdParam,
        body: jsonBody(changeOrganizationSchema),
      },
      responses: {
        200: json(organizationSchema, 'Changed (or already as asked)'),
        409: alreadyExists,
      },
    }),
    async (c) =>
      c.json(
        await changeOrganization(
          deps,
          c.get('actor'),
          c.req.valid('param').organizationId,
          c.req.valid('json'),
        ),
        200,
      ),
  );
}
