/** /api/v1/subscriptions: list, detail (sends + timeline), resend, change contact, cancel. */
import { z } from '@hono/zod-openapi';

import { cancelLine } from '../../app/lines/cancel-line.js';
import { changeProvisioningContact } from '../../app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../app/lines/resend-provisioning-email.js';
import { getSubscription } from '../../app/orders/get-subscription.js';
import { listSubscriptions, listSubscriptionsSchema } from '../../app/orders/list-subscriptions.js';
import { provisioningContactSchema } from '../../app/orders/place-order.js';
import { limitContactChange, limitResend } from '../../app/rate-limits.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, readRoute } from '../define-route.js';
import { errorResponse, json, jsonBody, subscriptionIdParam } from '../openapi-common.js';
import { subscriptionDetailSchema, subscriptionSummarySchema } from './line-schemas.js';

const queuedSendSchema = z
  .object({ sendId: z.string(), subscriptionId: z.string(), to: z.string() })
  .openapi('QueuedSend');

const changeContactSchema = provisioningContactSchema.extend({ applyToAllLines: z.boolean().default(false) });

export function registerSubscriptionRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    readRoute({
      method: 'get',
      path: '/subscriptions',
      operationId: 'listSubscriptions',
      tags: ['Subscriptions'],
      summary: 'List subscription lines the caller may see',
      description:
        'Newest first (or `sort=closesAt`: soonest close first), keyset-paginated; filter by status, pending flag, partner, order, text, `closingWithinDays` (open lines closing within N days, 1 to 90) or `deliveryProblem`.',
      request: { query: listSubscriptionsSchema },
      responses: {
        200: json(
          z.object({ items: z.array(subscriptionSummarySchema), nextCursor: z.string().nullable() }),
          'A page of lines',
        ),
      },
    }),
    async (c) => c.json(await listSubscriptions(deps, c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/subscriptions/{subscriptionId}',
      operationId: 'getSubscription',
      tags: ['Subscriptions'],
      summary: 'One subscription line with its send history and timeline',
      description: '`canResend` and `canChangeContact` tell a client which actions the line allows now.',
      request: { params: subscriptionIdParam },
      responses: { 200: json(subscriptionDetailSchema, 'The line') },
    }),
    async (c) =>
      c.json(await getSubscription(deps, c.get('actor'), c.req.valid('param').subscriptionId), 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/subscriptions/{subscriptionId}/resend',
      operationId: 'resendProvisioningEmail',
      tags: ['Subscriptions'],
      summary: 'Resend the provisioning e-mail (until the point of no return)',
      description:
        'Mints a new setup link and queues the e-mail; the links the contact already holds keep working. The contact gets one e-mail for the order: it also covers every other line of the order they provision that may take a resend (`alsoCovered`, each with its own send). Refused with `PAST_PONR` once the order is mapped, and with `RSD_NOT_REACHED` before the RSD.',
      request: { params: subscriptionIdParam },
      responses: {
        202: json(
          queuedSendSchema
            .extend({
              alsoCovered: z
                .array(queuedSendSchema)
                .describe("The contact's other lines on the order that the same e-mail covers"),
            })
            .openapi('ResentEmail'),
          'Queued',
        ),
        429: errorResponse(429, 'RATE_LIMITED: too many resends by this user; see Retry-After'),
      },
    }),
    async (c) => {
      await limitResend(deps, c.get('actor'));
      return c.json(await resendProvisioningEmail(deps, c.get('actor'), c.req.valid('param')), 202);
    },
  );

  app.openapi(
    changeRoute({
      method: 'put',
      path: '/subscriptions/{subscriptionId}/provisioning-contact',
      operationId: 'changeProvisioningContact',
      tags: ['Subscriptions'],
      summary: 'Change the provisioning contact of this line or of every line of its order',
      description:
        "After the RSD a new address gets a fresh e-mail at once and the old setup link is revoked; a new name or language on the same address is recorded and nothing is sent. Lines past the point of no return are listed in `skipped`. Each request counts against the user's contact change limit (`RATE_LIMITED` with Retry-After past it).",
      request: {
        params: subscriptionIdParam,
        body: jsonBody(changeContactSchema),
      },
      responses: {
        200: json(
          z.object({
            updated: z.array(z.object({ subscriptionId: z.string(), sendId: z.string().nullable() })),
            skipped: z.array(z.object({ subscriptionId: z.string(), code: z.string() })),
          }),
          'Changed',
        ),
        429: errorResponse(429, 'RATE_LIMITED: too many contact changes by this user; see Retry-After'),
      },
    }),
    async (c) => {
      const { applyToAllLines, ...contact } = c.req.valid('json');
      await limitContactChange(deps, c.get('actor'));
      const result = await changeProvisioningContact(deps, c.get('actor'), {
        subscriptionId: c.req.valid('param').subscriptionId,
        contact,
        applyToAllLines,
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/subscriptions/{subscriptionId}/cancel',
      operationId: 'cancelSubscriptionLine',
      tags: ['Subscriptions'],
      summary: 'Cancel a Booked or Awaiting Provisioning Details line',
      description: 'Revokes the setup link; a cancelled line takes no further action.',
      request: { params: subscriptionIdParam },
      responses: {
        200: json(z.object({ subscriptionId: z.string(), status: z.literal('cancelled') }), 'Cancelled'),
      },
    }),
    async (c) => c.json(await cancelLine(deps, c.get('actor'), c.req.valid('param')), 200),
  );
}
