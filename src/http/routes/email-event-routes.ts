/**
 * POST /api/v1/email-events: the mail provider reports what became of a provisioning e-mail after
 * our SMTP relay accepted it (bounced, delivered, failed), as JSON or as a raw DSN (RFC 3464).
 * Providers are not users: instead of a bearer token they send a shared secret header, so this
 * route is mounted on the outer app, ahead of the bearer-token middleware. Without a configured
 * secret the endpoint does not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';

import { type EmailEvent, recordEmailEvent } from '../../app/lines/record-email-event.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { SEND_STATUSES } from '../../domain/types.js';
import { MAX_DELIVERY_REPORT_BYTES, readDeliveryReport } from '../../email/read-delivery-report.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { routeKind } from '../define-route.js';
import { limitBody } from '../limit-body.js';
import { errorResponses, json } from '../openapi-common.js';

export const WEBHOOK_SECRET_HEADER = 'X-Onramp-Webhook-Secret';
const MAX_DETAIL = 1000;

const emailEventSchema = z
  .object({
    type: z.enum(['bounced', 'delivered', 'failed']),
    messageId: z
      .string()
      .trim()
      .max(300)
      .regex(/^<?[^<>\s@]+@[^<>\s@]+>?$/, 'must be a Message-ID such as <snd_abc@onramp.example>')
      .optional()
      .openapi({ example: '<snd_4f9a2c@onramp.example>' }),
    sendId: z
      .string()
      .regex(/^snd_[A-Za-z0-9]{1,64}$/, 'must be a send id such as snd_4f9a2c')
      .optional(),
    detail: z.string().trim().max(MAX_DETAIL).optional().openapi({ example: '550 5.1.1 User unknown' }),
  })
  .refine((e) => (e.messageId === undefined) !== (e.sendId === undefined), {
    message: 'give either messageId or sendId',
    path: ['messageId'],
  })
  .openapi('EmailEvent');

const recordedSchema = z
  .object({
    sendId: z.string(),
    status: z.enum(SEND_STATUSES),
    changed: z.boolean(),
  })
  .openapi('RecordedEmailEvent');

const DSN_MEDIA_TYPES = ['message/delivery-status', 'multipart/report'] as const;
// Documentation only: zod-openapi validates JSON bodies; a DSN is read as text by `eventFromDsn`.
const dsnBody = { schema: z.string().openapi({ description: 'A delivery status notification (RFC 3464)' }) };

/** The mail provider's route: the shared secret is its credential; no Idempotency-Key (see README). */
const providerRoute = routeKind({ security: [{ webhookSecret: [] }], responses: errorResponses });

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Hashing first gives equal lengths, so the comparison takes the same time whatever was sent. */
function requireWebhookSecret(secret: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!secret) throw new AppError('NOT_FOUND');
    if (!timingSafeEqual(digest(c.req.header(WEBHOOK_SECRET_HEADER) ?? ''), digest(secret)))
      throw new AppError('UNAUTHENTICATED', { credential: 'webhook_secret' });
    await next();
  };
}

function invalidBody(message: string): AppError {
  return invalidInput('body', message);
}

/** What a DSN says: the original's Message-ID, and whether it bounced, arrived or is delayed. */
export function eventFromDsn(text: string): EmailEvent {
  const report = readDeliveryReport(text);
  const messageId = report.originalMessageId ?? report.messageId;
  const { status, action } = report;
  if (!messageId || (!status && !action))
    throw invalidBody('a DSN needs the original Message-ID and a Status or Action field');
  const type =
    action === 'failed' || (!action && status?.startsWith('5'))
      ? 'bounced'
      : action === 'delivered' ||
          action === 'relayed' ||
          action === 'expanded' ||
          (!action && status?.startsWith('2'))
        ? 'delivered'
        : 'delayed';
  const detail = [status, report.diagnosticCode].filter(Boolean).join(' ').slice(0, MAX_DETAIL);
  return { type, ref: { messageId }, detail: detail || undefined };
}

export function registerEmailEventRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'webhookSecret', {
    type: 'apiKey',
    in: 'header',
    name: WEBHOOK_SECRET_HEADER,
  });
  app.openapi(
    providerRoute({
      method: 'post',
      path: '/api/v1/email-events',
      operationId: 'recordEmailEvent',
      tags: ['Mail provider'],
      description:
        'Authenticated by the shared secret in `X-Onramp-Webhook-Secret`; the endpoint exists only when `EMAIL_EVENTS_SECRET` is set. The same report twice changes nothing the second time (`changed: false`), so it takes no `Idempotency-Key`.',
      summary: 'Report a bounce, delivery or failure of a provisioning e-mail (for the mail provider)',
      // A limit of its own: a report is small, and is read whole before it is parsed.
      middleware: [
        limitBody(Math.min(deps.maxBodyBytes, MAX_DELIVERY_REPORT_BYTES)),
        requireWebhookSecret(deps.emailEventsSecret),
      ] as const,
      request: {
        // Not `required`: a DSN is not JSON, and a required JSON body would refuse it.
        body: {
          content: {
            'application/json': { schema: emailEventSchema },
            'message/delivery-status': dsnBody,
            'multipart/report': dsnBody,
          },
        },
      },
      responses: {
        200: json(recordedSchema, 'Recorded (changed: false when nothing new was learnt)'),
      },
    }),
    async (c) => {
      const contentType = c.req.header('content-type') ?? '';
      let event: EmailEvent;
      if (/^application\/json/i.test(contentType)) {
        // Validated against emailEventSchema; the type also admits the DSN media types' string.
        const { type, messageId, sendId, detail } = c.req.valid('json') as z.infer<typeof emailEventSchema>;
        event = { type, ref: messageId ? { messageId } : { sendId: sendId! }, detail };
      } else if (DSN_MEDIA_TYPES.some((type) => contentType.toLowerCase().startsWith(type))) {
        event = eventFromDsn(await c.req.text());
      } else {
        throw invalidBody(`send application/json or ${DSN_MEDIA_TYPES.join(' or ')}`);
      }
      return c.json(await recordEmailEvent(deps, event), 200);
    },
  );
}
