/**
 * /api/v1/webhook-endpoints: register, list, delete, delivery log, send a test event. Partner
 * admins and distributor users manage their own organization's endpoints; everyone else gets
 * NO_ACCESS, and another organization's endpoint is NOT_FOUND. Redeliver sends an event again;
 * rotate-secret replaces the signing secret with an overlap window.
 */
import { z } from '@hono/zod-openapi';

import { chooseWebhookEvents, chooseWebhookEventsSchema } from '../../app/webhooks/choose-webhook-events.js';
import { deleteWebhookEndpoint } from '../../app/webhooks/delete-webhook-endpoint.js';
import { listWebhookDeliveries } from '../../app/webhooks/list-webhook-deliveries.js';
import { listWebhookEndpoints } from '../../app/webhooks/list-webhook-endpoints.js';
import { redeliverWebhook } from '../../app/webhooks/redeliver-webhook.js';
import {
  registerWebhookEndpoint,
  registerWebhookEndpointSchema,
} from '../../app/webhooks/register-webhook-endpoint.js';
import { rotateWebhookSecret, rotateWebhookSecretSchema } from '../../app/webhooks/rotate-webhook-secret.js';
import { sendTestWebhook } from '../../app/webhooks/send-test-webhook.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, created, readRoute } from '../define-route.js';
import { createdJson, errorResponse, json, jsonBody, jsonList, pathIdParam } from '../openapi-common.js';

/** How receivers verify a delivery; also in the README. */
export const WEBHOOK_SIGNATURE_DOC =
  'Every delivery is a JSON POST `{ id, type, createdAt, data }` with headers `Onramp-Event` (the event type), ' +
  '`Onramp-Delivery` (the delivery id, the same on every retry: use it to drop duplicates) and ' +
  '`Onramp-Signature: t=<unix seconds>,v1=<hex>` where v1 = HMAC-SHA256(secret, `<t>.<raw body>`). ' +
  'Recompute it over the raw body, compare in constant time and refuse a `t` more than 5 minutes from your clock. ' +
  'After a secret rotation, during its overlap window the header carries two signatures, `t=<t>,v1=<new>,v1=<previous>`: ' +
  'accept the delivery when any `v1` matches your secret. ' +
  'Answer 2xx within 10 seconds; anything else is retried with exponential backoff. Redirects are not followed.';

const endpointSchema = z
  .object({
    endpointId: z.string().openapi({ example: 'whe_8d1f0c2b7a4e4f19b3c2' }),
    url: z.string().openapi({ example: 'https://hooks.partner.example/onramp' }),
    description: z.string(),
    events: z.array(z.string()).describe('The event types this endpoint hears about'),
    createdAt: z.string(),
  })
  .openapi('WebhookEndpoint');

const registeredSchema = endpointSchema
  .extend({ secret: z.string().openapi({ description: 'Shown once: keep it to verify signatures.' }) })
  .openapi('RegisteredWebhookEndpoint');

const rotatedSchema = z
  .object({
    endpointId: z.string(),
    secret: z.string().openapi({ description: 'The new secret, shown once: keep it to verify signatures.' }),
    previousSecretExpiresAt: z
      .string()
      .nullable()
      .openapi({ description: 'Until when the previous secret signs too; null when it stopped at once' }),
    rotatedAt: z.string(),
  })
  .openapi('RotatedWebhookSecret');

const deliverySchema = z
  .object({
    deliveryId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'withdrawn']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    attemptLog: z.array(
      z.object({
        attempt: z.number().int(),
        at: z.string(),
        responseStatus: z.number().int().nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .openapi('WebhookDelivery');

const endpointIdParam = pathIdParam(
  'endpointId',
  /^whe_[A-Za-z0-9]{1,64}$/,
  'must be an endpoint id such as whe_8d1f0c2b',
  'whe_8d1f0c2b7a4e4f19b3c2',
);

const refusedUrl = errorResponse(
  422,
  'WEBHOOK_URL_REFUSED (not http(s), has credentials, or resolves to a non-public address), or IDEMPOTENCY_KEY_REUSED',
);

export function registerWebhookRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    changeRoute({
      method: 'post',
      path: '/webhook-endpoints',
      operationId: 'registerWebhookEndpoint',
      tags: ['Webhooks'],
      summary: "Register a webhook endpoint for the caller's organization",
      description: `The secret is generated unless given, and returned only in this answer. ${WEBHOOK_SIGNATURE_DOC}`,
      request: { body: jsonBody(registerWebhookEndpointSchema) },
      responses: {
        201: createdJson(registeredSchema, 'Registered'),
        422: refusedUrl,
      },
    }),
    async (c) => {
      const endpoint = await registerWebhookEndpoint(deps, c.get('actor'), c.req.valid('json'));
      return created(c, `/webhook-endpoints/${endpoint.endpointId}`, endpoint);
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/webhook-endpoints',
      operationId: 'listWebhookEndpoints',
      tags: ['Webhooks'],
      summary: "The caller's organization's webhook endpoints",
      description: 'Secrets are never returned after registration.',
      responses: { 200: jsonList(endpointSchema, 'The endpoints') },
    }),
    async (c) => c.json({ items: await listWebhookEndpoints(deps, c.get('actor')) }, 200),
  );

  app.openapi(
    changeRoute({
      method: 'delete',
      path: '/webhook-endpoints/{endpointId}',
      operationId: 'deleteWebhookEndpoint',
      tags: ['Webhooks'],
      summary: 'Delete a webhook endpoint',
      description: 'Deliveries still waiting are withdrawn.',
      request: { params: endpointIdParam },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deleteWebhookEndpoint(deps, c.get('actor'), c.req.valid('param').endpointId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/webhook-endpoints/{endpointId}/deliveries',
      operationId: 'listWebhookDeliveries',
      tags: ['Webhooks'],
      summary: 'The delivery log of an endpoint',
      description: 'The newest 50 deliveries, each with every attempt (status code or error excerpt).',
      request: { params: endpointIdParam },
      responses: { 200: jsonList(deliverySchema, 'The delivery log') },
    }),
    async (c) =>
      c.json(
        { items: await listWebhookDeliveries(deps, c.get('actor'), c.req.valid('param').endpointId) },
        200,
      ),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/webhook-endpoints/{endpointId}/test',
      operationId: 'sendTestWebhook',
      tags: ['Webhooks'],
      summary: 'Send a test event (webhook.test) to an endpoint',
      description: 'Queued like every delivery: signed, retried, and shown in the delivery log.',
      request: { params: endpointIdParam },
      responses: {
        202: json(z.object({ deliveryId: z.string() }).openapi('QueuedWebhookDelivery'), 'Queued'),
      },
    }),
    async (c) => c.json(await sendTestWebhook(deps, c.get('actor'), c.req.valid('param').endpointId), 202),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver',
      operationId: 'redeliverWebhook',
      tags: ['Webhooks'],
      summary: 'Deliver an event from the delivery log again',
      description:
        "Queues a new delivery (new `Onramp-Delivery` id, its own attempts) of the same event: the same event id and the same body, signed afresh. Drop duplicates by the event id. Another endpoint's delivery is NOT_FOUND.",
      request: {
        params: endpointIdParam.extend({
          deliveryId: z
            .string()
            .regex(/^whd_[A-Za-z0-9]{1,64}$/, 'must be a delivery id such as whd_8d1f0c2b')
            .openapi({ param: { name: 'deliveryId', in: 'path' }, example: 'whd_8d1f0c2b7a4e4f19b3c2' }),
        }),
      },
      responses: {
        202: json(
          z
            .object({ deliveryId: z.string(), eventId: z.string(), redeliveryOf: z.string() })
            .openapi('WebhookRedelivery'),
          'Queued',
        ),
      },
    }),
    async (c) => c.json(await redeliverWebhook(deps, c.get('actor'), c.req.valid('param')), 202),
  );

  app.openapi(
    changeRoute({
      method: 'patch',
      path: '/webhook-endpoints/{endpointId}',
      operationId: 'chooseWebhookEvents',
      tags: ['Webhooks'],
      summary: 'Choose the event types an endpoint hears about',
      description: '`events: null` hears every type again. Deliveries already queued still go.',
      request: { params: endpointIdParam, body: jsonBody(chooseWebhookEventsSchema) },
      responses: { 200: json(endpointSchema, 'The endpoint') },
    }),
    async (c) =>
      c.json(
        await chooseWebhookEvents(deps, c.get('actor'), c.req.valid('param').endpointId, c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/webhook-endpoints/{endpointId}/rotate-secret',
      operationId: 'rotateWebhookSecret',
      tags: ['Webhooks'],
      summary: "Replace an endpoint's signing secret, the previous one still signing for an overlap window",
      description:
        'The new secret is generated and returned only in this answer; the endpoint keeps its id. For `overlapHours` ' +
        '(default 24, at most 168; 0 stops the previous secret at once) every delivery is signed under both secrets ' +
        '(`v1=<new>,v1=<previous>`), after that under the new one only. Rotating again during an overlap replaces ' +
        "the previous secret: the oldest stops signing at once. Another organization's endpoint is NOT_FOUND.",
      request: {
        params: endpointIdParam,
        body: { required: false, content: { 'application/json': { schema: rotateWebhookSecretSchema } } },
      },
      responses: { 200: json(rotatedSchema, 'Rotated') },
    }),
    async (c) =>
      c.json(
        await rotateWebhookSecret(
          deps,
          c.get('actor'),
          c.req.valid('param').endpointId,
          rotateWebhookSecretSchema.parse(c.req.valid('json') ?? {}),
        ),
        200,
      ),
  );
}
