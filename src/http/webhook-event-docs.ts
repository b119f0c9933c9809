/**
 * The webhook events in the OpenAPI document (3.1 `webhooks`): for each event type, the body an
 * endpoint receives (generated from the domain's schemas, so it cannot drift from what is sent),
 * the delivery headers, the signature, and what the receiver should answer.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';

import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_WHEN, webhookBodySchema } from '../domain/webhook-events.js';
import type { ApiEnv } from './api-types.js';
import { WEBHOOK_SIGNATURE_DOC } from './routes/webhook-routes.js';

const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const deliveryHeaders = (type: string) =>
  z.object({
    'Onramp-Event': z.string().openapi({
      param: { name: 'Onramp-Event', in: 'header' },
      description: 'The event type, as in the body.',
      example: type,
    }),
    'Onramp-Delivery': z.string().openapi({
      param: { name: 'Onramp-Delivery', in: 'header' },
      description: 'The delivery id, the same on every retry of this delivery: use it to drop repeats.',
      example: 'whd_5c2e9a0b7d1f4e3a8b6c',
    }),
  });

export function registerWebhookEventDocs(app: OpenAPIHono<ApiEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'webhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'Onramp-Signature',
    description: WEBHOOK_SIGNATURE_DOC,
  });
  for (const type of WEBHOOK_EVENT_TYPES) {
    const body = app.openAPIRegistry.register(`${pascal(type)}Event`, webhookBodySchema(type));
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `on${pascal(type)}`,
      summary: `${type}: ${WEBHOOK_EVENT_WHEN[type]}`,
      tags: ['Webhooks'],
      security: [{ webhookSignature: [] }],
      request: {
        headers: deliveryHeaders(type),
        body: { required: true, content: { 'application/json': { schema: body } } },
      },
      responses: {
        200: { description: 'Received. Any 2xx within the timeout counts; nothing else is read.' },
        '4XX': { description: 'Refused: retried with exponential backoff, like any other non-2xx answer.' },
      },
    });
  }
}
