/**
 * /api/v1/users: an organization's users (list, read, change role, deactivate, reactivate).
 * Operators act on every organization, partner and distributor admins on their own; anyone else
 * gets NO_ACCESS, and another organization's user is NOT_FOUND like a missing one.
 */
import { z } from '@hono/zod-openapi';

import { changeUser, changeUserSchema } from '../../app/identity/change-user.js';
import { getUser, listUsers } from '../../app/identity/list-users.js';
import { ROLES } from '../../domain/types.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, readRoute } from '../define-route.js';
import { json, jsonBody, jsonList, pathIdParam } from '../openapi-common.js';

export const userSchema = z
  .object({
    userId: z.string().openapi({ example: 'usr_8d1f0c2b7a4e4f19b3c2' }),
    organizationId: z.string().openapi({ example: 'org_acme' }),
    name: z.string().openapi({ example: 'Paola Verdi' }),
    email: z.string().openapi({ example: 'paola@acme.example' }),
    role: z.enum(ROLES as unknown as [string, ...string[]]),
    active: z.boolean().openapi({ description: 'False while the user is deactivated' }),
    createdAt: z.string(),
  })
  .openapi('User');

export const organizationQuery = z.object({
  organizationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be an organization id')
    .optional()
    .openapi({
      param: { name: 'organizationId', in: 'query' },
      description: "Operators only, for another organization; the caller's own by default.",
      example: 'org_acme',
    }),
});

const userIdParam = pathIdParam(
  'userId',
  /^[A-Za-z0-9_-]{1,100}$/,
  'must be a user id such as usr_8d1f0c2b',
  'usr_8d1f0c2b7a4e4f19b3c2',
);

export function registerUserRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    readRoute({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      tags: ['Users'],
      summary: "An organization's users",
      description:
        "Administrators list their own organization's users; operators any organization's (`organizationId`).",
      request: { query: organizationQuery },
      responses: { 200: jsonList(userSchema, 'The users, by name') },
    }),
    async (c) =>
      c.json({ items: await listUsers(deps, c.get('actor'), c.req.valid('query').organizationId) }, 200),
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/users/{userId}',
      operationId: 'getUser',
      tags: ['Users'],
      summary: 'One user',
      description: "Another organization's user answers 404, exactly like a missing one.",
      request: { params: userIdParam },
      responses: { 200: json(userSchema, 'The user') },
    }),
    async (c) => c.json(await getUser(deps, c.get('actor'), c.req.valid('param').userId), 200),
  );

  app.openapi(
    changeRoute({
      method: 'patch',
      path: '/users/{userId}',
      operationId: 'changeUser',
      tags: ['Users'],
      summary: "Change a user's role, or deactivate or reactivate them",
      description:
        "`role` moves between the organization's user and admin roles. `active: false` deactivates the user: " +
        'their sessions and API tokens stop at once (reactivating brings no token back) and the orders they placed stay. ' +
        'Nobody changes their own role or deactivates themself, and an organization keeps at least one active administrator (400 INVALID_INPUT).',
      request: { params: userIdParam, body: jsonBody(changeUserSchema) },
      responses: { 200: json(userSchema, 'The user as changed') },
    }),
    async (c) =>
      c.json(await changeUser(deps, c.get('actor'), c.req.valid('param').userId, c.req.valid('json')), 200),
  );
}
