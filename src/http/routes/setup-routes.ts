/**
 * /api/v1/setup/{token}: the setup wizard for API clients. The setup link's token is the
 * credential (no bearer token), so these routes are mounted on the outer app, ahead of the
 * bearer-token middleware, like the e-mail events. Only the token's SHA-256 reaches the database.
 * A dead link's holder may ask for a new link (new-link), as on the link's page.
 */
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';

import { provisioningContactSchema } from '../../app/orders/place-order.js';
import { confirmSetup } from '../../app/setup/confirm-setup.js';
import { delegateSetup } from '../../app/setup/delegate-setup.js';
import { openSetupLink, type SetupView } from '../../app/setup/open-setup-link.js';
import { requestNewSetupLink } from '../../app/setup/request-new-setup-link.js';
import { countryCode } from '../../domain/countries.js';
import { AppError } from '../../domain/errors.js';
import { LANGUAGES } from '../../domain/types.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { routeKind } from '../define-route.js';
import { errorResponse, errorResponses, json, jsonBody } from '../openapi-common.js';
import { lineStatusSchema } from './line-schemas.js';

const tokenParam = z.object({
  token: z
    .string()
    .max(128)
    .openapi({
      param: { name: 'token', in: 'path' },
      description: 'The token of the setup link (the last part of PUBLIC_URL/setup/{token})',
      example: 'q0n3...43 base64url characters',
    }),
});

const organizationSchema = z
  .object({
    organizationId: z.string(),
    name: z.string(),
    country: z.string().nullable(),
    dataRegion: z.string().nullable(),
    createdAt: z.string().openapi({ description: 'When the organization was created (ISO)' }),
    activeSubscriptions: z.number().int().openapi({ description: 'Its provisioned subscriptions (a count)' }),
    administrators: z
      .number()
      .int()
      .openapi({ description: 'Its active administrators (a count: never who they are)' }),
  })
  .openapi('SetupOrganization');

const setupSchema = z
  .object({
    order: z.object({
      orderId: z.string(),
      webOrderId: z.string(),
      endCustomerName: z.string(),
      partnerName: z.string(),
      distributorName: z.string().nullable(),
    }),
    provisioningContact: z.object({ name: z.string(), email: z.string(), language: z.enum(LANGUAGES) }),
    delegatedBy: z
      .string()
      .nullable()
      .openapi({ description: 'The colleague who handed this setup to the contact (a delegation), or null' }),
    joinRequest: z
      .object({
        organizationId: z.string(),
        organizationName: z.string(),
        requestedAt: z.string(),
        expiresAt: z.string(),
      })
      .nullable()
      .openapi({
        description:
          "This contact's request to join an existing organization, waiting for its administrators' approval, or null",
      }),
    lines: z.array(
      z.object({
        subscriptionId: z.string(),
        offerCode: z.string(),
        offerName: z.string(),
        quantity: z.number().int(),
        status: lineStatusSchema,
        pendingProvisioning: z.boolean(),
      }),
    ),
    organizations: z.object({
      contactAccount: z.enum(['none', 'customer_admin', 'other']),
      yours: organizationSchema.nullable(),
      suggested: z.array(organizationSchema),
      canCreate: z.boolean(),
      newOrganizationName: z.string(),
    }),
    countries: z.array(z.object({ country: z.string(), dataRegion: z.string() })),
    expiresAt: z.string(),
    deadline: z
      .string()
      .openapi({ description: 'The setup must be done by then (ISO): the deadline its e-mail gave' }),
    partnerStaff: z.object({ name: z.string(), organizationName: z.string() }).nullable().openapi({
      description:
        'The contact is a user of the partner or distributor that placed the order: they may set it up on the customer’s behalf; null for everyone else',
    }),
  })
  .openapi('Setup') satisfies z.ZodType<SetupView>;

const completeSchema = z
  .object({
    organizationId: z.string().min(1).max(64).optional(),
    newOrganization: z
      .object({
        name: z.string().trim().min(1, 'is required').max(200),
        country: countryCode(z).openapi({
          description: 'ISO 3166-1 alpha-2 code, any case; it fixes the data region (see `countries`)',
          example: 'IT',
        }),
      })
      .optional(),
    confirmedBy: z
      .object({
        name: z.string().trim().min(1).max(200).optional(),
        language: z.enum(LANGUAGES).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.organizationId === undefined) !== (b.newOrganization === undefined), {
    message: 'give either organizationId or newOrganization',
    path: ['organizationId'],
  })
  .openapi('CompleteSetup');

/** A setup route: the setup link's token in the path is the credential (no bearer token). */
const setupRoute = routeKind({
  security: [],
  request: { params: tokenParam },
  responses: {
    ...errorResponses,
    409: errorResponse(409, 'ALREADY_MAPPED (with `adminPortalUrl`): the order is already set up'),
    410: errorResponse(
      410,
      'TOKEN_INVALID: the link is unknown, used, expired or revoked (`reason`, and `revokedReason`: resend, contact_change, delegated, cancelled)',
    ),
  },
});

/**
 * "Send me a new link": the same use case as the dead link's page, with its answers. Its own
 * responses (not `setupRoute`'s): the answer never says whether anything was sent, so neither an
 * unknown link nor a set-up order is refused here.
 */
const newLinkRoute = routeKind({
  security: [],
  request: { params: tokenParam },
  responses: {
    400: errorResponses[400],
    413: errorResponses[413],
    500: errorResponses[500],
    503: errorResponses[503],
  },
})({
  method: 'post',
  path: '/api/v1/setup/{token}/new-link',
  operationId: 'requestNewSetupLink',
  summary: 'Ask for a new setup link in place of an expired or used one',
  description:
    'When `email` is the provisioning contact of a line of this order that still awaits setup (or was closed with ' +
    'provisioning still pending), the provisioning e-mail is sent to it again with a new link (actor "self-service"). ' +
    'The answer is the same 202 whatever the address, and for an unknown link or an order already set up (past the ' +
    'point of no return nothing is sent): it never tells whether an address is known. Limited per IP address and per ' +
    "e-mail address, together with the page's form. A link that died because someone else now sets this up " +
    '(contact change, delegation) is 410. Takes no `Idempotency-Key`: a retry asks again, and the rate limits ' +
    'bound how often an address is written to.',
  request: {
    body: jsonBody(
      z.object({ email: z.email('must be an e-mail address').max(254) }).openapi('NewSetupLinkRequest'),
    ),
  },
  responses: {
    202: json(
      z.object({ accepted: z.literal(true) }).openapi('NewSetupLinkAccepted'),
      'Accepted: if the address may have a new link, the e-mail is queued',
    ),
    410: errorResponse(
      410,
      'TOKEN_INVALID with `reason: revoked` and `revokedReason` (contact_change, delegated): someone else sets this up now',
    ),
    429: errorResponse(
      429,
      'RATE_LIMITED (`retryAfterSeconds`, also as Retry-After): too many requests from this IP address or for this address',
    ),
  },
});

export function registerSetupApiRoutes(app: ApiApp, deps: HttpDeps): void {
  const limitBody = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: deps.maxBodyBytes });
    },
  });

  app.openapi(
    setupRoute({
      method: 'get',
      path: '/api/v1/setup/{token}',
      operationId: 'openSetupLink',
      summary: 'What a setup link sets up: the order, its lines, the organizations offered, the countries',
      responses: { 200: json(setupSchema, 'The setup') },
    }),
    async (c) => c.json(await openSetupLink(deps, c.req.valid('param').token), 200),
  );

  app.openapi(
    setupRoute({
      method: 'post',
      path: '/api/v1/setup/{token}/delegate',
      operationId: 'delegateSetup',
      summary:
        'Another person will set up: they become the provisioning contact of your lines and get a new link; this one stops working',
      description:
        'Takes no `Idempotency-Key`: the link stops working once used, so a retry answers 410 `TOKEN_INVALID` (`revokedReason: delegated`) and nothing is sent twice.',
      middleware: [limitBody] as const,
      request: { body: jsonBody(provisioningContactSchema) },
      responses: {
        202: json(
          z
            .object({
              delegatedTo: z.object({ name: z.string(), email: z.string(), language: z.enum(LANGUAGES) }),
              updated: z.array(z.object({ subscriptionId: z.string(), sendId: z.string().nullable() })),
            })
            .openapi('DelegatedSetup'),
          'Delegated; the e-mails are queued',
        ),
      },
    }),
    async (c) => c.json(await delegateSetup(deps, c.req.valid('param').token, c.req.valid('json')), 202),
  );

  app.openapi(
    setupRoute({
      method: 'post',
      path: '/api/v1/setup/{token}/complete',
      operationId: 'completeSetup',
      summary:
        'Confirm the setup: map the order (point of no return) to your own organization or a new one, or ask to join a suggested one',
      description:
        'Takes no `Idempotency-Key`: once the order is mapped a retry answers 409 `ALREADY_MAPPED` (with `adminPortalUrl`), and nothing is mapped twice.',
      middleware: [limitBody] as const,
      request: { body: jsonBody(completeSchema) },
      responses: {
        202: json(
          z
            .object({
              outcome: z.literal('join_requested'),
              joinRequestId: z.string(),
              organizationId: z.string(),
              organizationName: z.string(),
              expiresAt: z.string(),
              administratorsAsked: z.number().int(),
            })
            .openapi('JoinRequested'),
          'The organization is not yours: its administrators were asked to approve (nothing is mapped yet)',
        ),
        200: json(
          z
            .object({
              outcome: z.literal('mapped'),
              orderId: z.string(),
              organizationId: z.string(),
              subscriptionIds: z.array(z.string()),
              customerAdminUserId: z.string(),
              welcomeEmailTo: z.string().nullable(),
              adminPortalUrl: z.string(),
            })
            .openapi('CompletedSetup'),
          'Mapped',
        ),
      },
    }),
    async (c) => {
      const { organizationId, newOrganization, confirmedBy } = c.req.valid('json');
      const result = await confirmSetup(deps, c.req.valid('param').token, {
        organization:
          organizationId !== undefined ? { organizationId } : { newOrganization: newOrganization! },
        confirmedBy,
      });
      return result.outcome === 'mapped' ? c.json(result, 200) : c.json(result, 202);
    },
  );

  app.openapi({ ...newLinkRoute, middleware: [limitBody] as const }, async (c) => {
    await requestNewSetupLink(
      deps,
      { token: c.req.valid('param').token, email: c.req.valid('json').email, ip: c.get('clientAddress') },
      deps.setupNewLinkLimits,
    );
    return c.json({ accepted: true as const }, 202);
  });
}
