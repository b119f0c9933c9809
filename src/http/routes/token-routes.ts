/**
 * /api/v1/tokens: the caller's personal API tokens (create, list, roll, revoke). Everyone manages
 * their own; another user's token id answers exactly like a missing one (404). A read-only token
 * may list but not change anything (authenticate.ts refuses its writes).
 */
import { z } from '@hono/zod-openapi';

import { createApiToken, createApiTokenSchema } from '../../app/identity/create-api-token.js';
import { listApiTokens } from '../../app/identity/list-api-tokens.js';
import { revokeApiToken } from '../../app/identity/revoke-api-token.js';
import { rollApiToken, rollApiTokenSchema } from '../../app/identity/roll-api-token.js';
import { MAX_GRACE_DAYS, TOKEN_STATUSES } from '../../domain/api-token-rules.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, readRoute } from '../define-route.js';
import { json, jsonBody, jsonList, pathIdParam } from '../openapi-common.js';

const tokenSchema = z
  .object({
    tokenId: z.string().openapi({ example: 'tok_8d1f0c2b7a4e4f19b3c2' }),
    name: z.string().openapi({ example: 'ERP integration' }),
    readOnly: z.boolean(),
    hint: z.string().openapi({ description: "The token's last four characters.", example: 'x9Qa' }),
    createdAt: z.string(),
    expiresAt: z.string().nullable().openapi({ description: 'null only for demo tokens' }),
    lastUsedAt: z.string().nullable().openapi({ description: 'Updated at most once a minute.' }),
    status: z.enum(TOKEN_STATUSES).openapi({
      description: 'rolled: superseded by a successor, still working until `expiresAt` (the grace period).',
    }),
    revokedAt: z.string().nullable(),
    rolledAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const issuedSchema = tokenSchema
  .extend({
    token: z.string().openapi({
      description: 'The secret, shown only in this answer: `onr_` and 43 base64url characters.',
      example: 'onr_2xQ0p9mB7cV1nR4sT8uW3yZ6aD5eF0gH2jK4lM7nP9q',
    }),
  })
  .openapi('IssuedApiToken');

const rolledSchema = issuedSchema
  .extend({
    previous: z.object({
      tokenId: z.string(),
      expiresAt: z
        .string()
        .openapi({ description: 'When the rolled token stops: the end of the grace period.' }),
    }),
  })
  .openapi('RolledApiToken');

const tokenIdParam = pathIdParam(
  'tokenId',
  /^tok_[A-Za-z0-9_]{1,64}$/,
  'must be a token id such as tok_8d1f0c2b',
  'tok_8d1f0c2b7a4e4f19b3c2',
);

export function registerTokenRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    changeRoute({
      method: 'post',
      path: '/tokens',
      operationId: 'createApiToken',
      tags: ['Tokens'],
      summary: 'Create a personal API token',
      description:
        'The token acts as the caller. It always expires (1 to 365 days); a read-only token is refused every write. ' +
        'The secret is returned only in this answer (and in an Idempotency-Key replay of this same request): only its hash is stored. ' +
        'A user holds at most 50 working tokens.',
      request: { body: jsonBody(createApiTokenSchema) },
      responses: { 201: json(issuedSchema, 'Created; `token` is shown this once') },
    }),
    async (c) => c.json(await createApiToken(deps, c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/tokens',
      operationId: 'listApiTokens',
      tags: ['Tokens'],
      summary: "The caller's API tokens",
      description:
        'Newest first, never with their secrets. Tokens that stopped working (revoked, expired) stay listed for 30 days.',
      responses: { 200: jsonList(tokenSchema, 'The tokens') },
    }),
    async (c) => c.json({ items: await listApiTokens(deps, c.get('actor')) }, 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/tokens/{tokenId}/roll',
      operationId: 'rollApiToken',
      tags: ['Tokens'],
      summary: 'Roll a token: a new one, the old one working for a grace period',
      description:
        `The successor has the same name and scope; it lives \`expiresInDays\` or, without it, as long as the old token was meant to (at most 365 days). ` +
        `The old token keeps working for \`graceDays\` (0 to ${MAX_GRACE_DAYS}; 0 stops it at once), never beyond its own expiry. Only an active token rolls.`,
      request: { params: tokenIdParam, body: jsonBody(rollApiTokenSchema) },
      responses: { 201: json(rolledSchema, 'Rolled; `token` is shown this once') },
    }),
    async (c) =>
      c.json(
        await rollApiToken(deps, c.get('actor'), c.req.valid('param').tokenId, c.req.valid('json')),
        201,
      ),
  );

  app.openapi(
    changeRoute({
      method: 'delete',
      path: '/tokens/{tokenId}',
      operationId: 'revokeApiToken',
      tags: ['Tokens'],
      summary: 'Revoke a token',
      description:
        'It stops at once, a rolled token inside its grace period too. Revoking it again changes nothing.',
      request: { params: tokenIdParam },
      responses: { 204: { description: 'Revoked' } },
    }),
    async (c) => {
      await revokeApiToken(deps, c.get('actor'), c.req.valid('param').tokenId);
      return c.body(null, 204);
    },
  );
}
