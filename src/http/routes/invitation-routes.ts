/**
 * /api/v1/invitations: invite by e-mail with a role, list, read, resend, revoke. Operators invite
 * into any organization (`organizationId`), partner and distributor admins into their own; another
 * organization's invitation is NOT_FOUND like a missing one.
 */
import { z } from '@hono/zod-openapi';

import { inviteUser, inviteUserSchema } from '../../app/identity/invite-user.js';
import { getInvitation, listInvitations } from '../../app/identity/list-invitations.js';
import { resendInvitation } from '../../app/identity/resend-invitation.js';
import { revokeInvitation } from '../../app/identity/revoke-invitation.js';
import { INVITATION_STATUSES } from '../../domain/invitation-status.js';
import { LANGUAGES, ROLES } from '../../domain/types.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, created, readRoute } from '../define-route.js';
import { createdJson, errorResponse, json, jsonBody, jsonList, pathIdParam } from '../openapi-common.js';
import { organizationQuery } from './user-routes.js';

const invitationSchema = z
  .object({
    invitationId: z.string().openapi({ example: 'inv_8d1f0c2b7a4e4f19b3c2' }),
    organizationId: z.string().openapi({ example: 'org_acme' }),
    email: z.string().openapi({ example: 'new.colleague@acme.example' }),
    role: z.enum(ROLES as unknown as [string, ...string[]]),
    language: z.enum(LANGUAGES).openapi({ description: 'Language of the invitation e-mail' }),
    status: z.enum(INVITATION_STATUSES).openapi({
      description:
        'sent (the link works), accepted, expired (7 days after the last send), revoked, bounced (the last e-mail did not arrive)',
    }),
    invitedBy: z.object({ name: z.string(), email: z.string() }),
    createdAt: z.string(),
    sentAt: z.string().openapi({ description: 'The last (re)send' }),
    expiresAt: z.string(),
    sendCount: z.number().int(),
  })
  .openapi('Invitation');

const invitationIdParam = pathIdParam(
  'invitationId',
  /^[A-Za-z0-9_-]{1,100}$/,
  'must be an invitation id such as inv_8d1f0c2b',
  'inv_8d1f0c2b7a4e4f19b3c2',
);

const listQuery = organizationQuery.extend({
  status: z
    .enum(INVITATION_STATUSES as unknown as ['sent', ...('accepted' | 'expired' | 'revoked' | 'bounced')[]])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, example: 'sent' }),
});

const alreadyInvited = errorResponse(
  409,
  'ALREADY_EXISTS: the address is already a user of this organization, or has a live invitation to it',
);

export function registerInvitationRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    changeRoute({
      method: 'post',
      path: '/invitations',
      operationId: 'inviteUser',
      tags: ['Users'],
      summary: 'Invite an e-mail address to an organization with a role',
      description:
        "The role must be one of the organization's kind (a partner's: partner_user or partner_admin). " +
        'An e-mail (en or it) names who invited and to which organization; its link works for 7 days and is never consumed by opening it.',
      request: { body: jsonBody(inviteUserSchema) },
      responses: { 201: createdJson(invitationSchema, 'Invited; the e-mail is queued'), 409: alreadyInvited },
    }),
    async (c) => {
      const invitation = await inviteUser(deps, c.get('actor'), c.req.valid('json'));
      return created(c, `/invitations/${invitation.invitationId}`, invitation);
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/invitations',
      operationId: 'listInvitations',
      tags: ['Users'],
      summary: "An organization's invitations",
      description: 'Newest first, optionally only those with one status.',
      request: { query: listQuery },
      responses: { 200: jsonList(invitationSchema, 'The invitations') },
    }),
    async (c) => {
      const { organizationId, status } = c.req.valid('query');
      return c.json({ items: await listInvitations(deps, c.get('actor'), { organizationId, status }) }, 200);
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/invitations/{invitationId}',
      operationId: 'getInvitation',
      tags: ['Users'],
      summary: 'One invitation',
      description: "Another organization's invitation answers 404, exactly like a missing one.",
      request: { params: invitationIdParam },
      responses: { 200: json(invitationSchema, 'The invitation') },
    }),
    async (c) => c.json(await getInvitation(deps, c.get('actor'), c.req.valid('param').invitationId), 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/invitations/{invitationId}/resend',
      operationId: 'resendInvitation',
      tags: ['Users'],
      summary: 'Resend an invitation with a new link',
      description:
        'For a sent, expired or bounced invitation: a new link (the old one stops working at once), valid for 7 days, in a new e-mail.',
      request: { params: invitationIdParam },
      responses: { 200: json(invitationSchema, 'Resent') },
    }),
    async (c) => c.json(await resendInvitation(deps, c.get('actor'), c.req.valid('param').invitationId), 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/invitations/{invitationId}/revoke',
      operationId: 'revokeInvitation',
      tags: ['Users'],
      summary: 'Revoke an invitation',
      description: 'Its link stops working at once. An accepted invitation cannot be revoked.',
      request: { params: invitationIdParam },
      responses: { 200: json(invitationSchema, 'Revoked') },
    }),
    async (c) => c.json(await revokeInvitation(deps, c.get('actor'), c.req.valid('param').invitationId), 200),
  );
}
