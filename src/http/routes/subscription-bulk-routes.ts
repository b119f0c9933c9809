/**
 * /api/v1/subscriptions/bulk/*: the Subscriptions page's bulk actions over the API. The same use
 * cases as the page (each line its own transaction), counted once against the user's rate limit
 * as the page counts them, answered line by line: `queued` or `refused` with the refusal's code and
 * message. Another organization's line is refused exactly like a missing one (NOT_FOUND).
 */
import { z } from '@hono/zod-openapi';

import { bulkChangeProvisioningContact } from '../../app/lines/bulk-change-provisioning-contact.js';
import { bulkLines, type LineResult, MAX_BULK_LINES } from '../../app/lines/bulk-line-results.js';
import { bulkResendProvisioningEmail } from '../../app/lines/bulk-resend-provisioning-email.js';
import { provisioningContactSchema } from '../../app/orders/place-order.js';
import { limitContactChange, limitResend } from '../../app/rate-limits.js';
import { errorMessage } from '../../i18n/error-message.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute } from '../define-route.js';
import { errorResponse, json, jsonBody } from '../openapi-common.js';

const subscriptionIdsSchema = z
  .array(z.string().regex(/^Sub\d+$/, 'must be subscription ids (Sub + digits)'))
  .min(1)
  .max(MAX_BULK_LINES)
  .describe(`The lines to act on (1 to ${MAX_BULK_LINES}; repeated ids count once)`)
  .openapi({ example: ['Sub100000001', 'Sub100000002'] });

const lineResultSchema = z
  .object({
    subscriptionId: z.string(),
    outcome: z.enum(['queued', 'refused']),
    sendId: z
      .string()
      .nullable()
      .optional()
      .describe('Queued: the send that carries the e-mail (null when the change sent nothing)'),
    changed: z.boolean().optional().describe('Queued contact change: whether the line changed'),
    code: z.string().optional().describe('Refused: the error code (PAST_PONR, NOT_FOUND, …)'),
    message: z.string().optional().describe("Refused: the error's message in the caller's language"),
  })
  .openapi('BulkLineResult');

const resultsSchema = z.object({ results: z.array(lineResultSchema) }).openapi('BulkResults');

type Language = Parameters<typeof errorMessage>[1];

function lineOf<T>(
  r: LineResult<T>,
  language: Language,
  brand: string,
  queued: (value: T) => { sendId: string | null; changed?: boolean },
): z.infer<typeof lineResultSchema> {
  if (r.ok) return { subscriptionId: r.subscriptionId, outcome: 'queued', ...queued(r.value) };
  return {
    subscriptionId: r.subscriptionId,
    outcome: 'refused',
    code: r.error.code,
    message: errorMessage(r.error, language, brand),
  };
}

export function registerSubscriptionBulkRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    changeRoute({
      method: 'post',
      path: '/subscriptions/bulk/resend',
      operationId: 'bulkResendProvisioningEmail',
      tags: ['Subscriptions'],
      summary: 'Resend the provisioning e-mail of several lines',
      description:
        "Each line is its own transaction, as on the Subscriptions page: a refused line (`PAST_PONR`, `RSD_NOT_REACHED`, `LINE_CANCELLED`, `NOT_FOUND` for a line the caller may not see) never undoes the others. A line an earlier resend of the same request already covered (same contact, same order) answers with that send. The request counts once against the user's resend limit.",
      request: { body: jsonBody(z.object({ subscriptionIds: subscriptionIdsSchema })) },
      responses: {
        200: json(resultsSchema, 'One result per distinct line, in the order given'),
        429: errorResponse(429, 'RATE_LIMITED: too many resends by this user; see Retry-After'),
      },
    }),
    async (c) => {
      const subscriptionIds = bulkLines(c.req.valid('json').subscriptionIds);
      await limitResend(deps, c.get('actor'));
      const results = await bulkResendProvisioningEmail(deps, c.get('actor'), { subscriptionIds });
      const lines = results.map((r) =>
        lineOf(r, c.get('language'), c.get('brand'), (v) => ({ sendId: v.sendId })),
      );
      return c.json({ results: lines }, 200);
    },
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/subscriptions/bulk/provisioning-contact',
      operationId: 'bulkChangeProvisioningContact',
      tags: ['Subscriptions'],
      summary: 'Give several lines the same provisioning contact',
      description:
        "The selected lines of one order change together, so the new contact gets one e-mail per order listing them; orders are apart, so a refused order never undoes another. Refused lines carry the code and message (`PAST_PONR`, `LINE_CANCELLED`, `NOT_FOUND` for a line the caller may not see). The request counts once against the user's contact change limit.",
      request: {
        body: jsonBody(provisioningContactSchema.extend({ subscriptionIds: subscriptionIdsSchema })),
      },
      responses: {
        200: json(resultsSchema, 'One result per distinct line, in the order given'),
        429: errorResponse(429, 'RATE_LIMITED: too many contact changes by this user; see Retry-After'),
      },
    }),
    async (c) => {
      const { subscriptionIds, ...contact } = c.req.valid('json');
      const lines = bulkLines(subscriptionIds);
      await limitContactChange(deps, c.get('actor'));
      const results = await bulkChangeProvisioningContact(deps, c.get('actor'), {
        subscriptionIds: lines,
        contact,
      });
      const body = results.map((r) =>
        lineOf(r, c.get('language'), c.get('brand'), (v) => ({
          sendId: v.updated[0]?.sendId ?? null,
          changed: v.updated.length > 0,
        })),
      );
      return c.json({ results: body }, 200);
    },
  );
}
