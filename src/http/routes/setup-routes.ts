/**
 * /api/v1/setup/{token}: the setup wizard for API clients. The setup link's token is the
 * credential (no bearer token), so these routes are mounted on the outer app, ahead of the
 * bearer-token middleware, like the e-mail events. Only the token's SHA-256 reaches the database.
 */
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';

import { provisioningContactSchema } from '../../app/orders/place-order.js';
import { confirmSetup } from '../../app/setup/confirm-setup.js';
import { delegateSetup } from '../../app/setup/delegate-setup.js';
import { openSetupLink, type SetupView } from '../../app/setup/open-setup-link.js';
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
}
