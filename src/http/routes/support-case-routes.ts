/**
 * /api/v1/support-cases: list (keyset-paged), open, read, reply. The access rules are the
 * pages': a support agent sees and answers every case; anyone else sees the cases they opened and
 * answers as their requester; another organization's case is NOT_FOUND, as a missing one is.
 * Screenshots travel base64-encoded in the JSON and are checked as the upload form's are.
 */
import { z } from '@hono/zod-openapi';

import type { AppDeps } from '../../app/deps.js';
import { addRequesterReply } from '../../app/support/add-requester-reply.js';
import { findCaseForViewer } from '../../app/support/find-case-for-viewer.js';
import { getSupportCase } from '../../app/support/get-support-case.js';
import { listSupportCasesPage, listSupportCasesSchema } from '../../app/support/list-support-cases.js';
import { openSupportCase } from '../../app/support/open-support-case.js';
import { replyToSupportCase } from '../../app/support/reply-to-support-case.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import type { ScreenshotUpload } from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import type { ApiApp } from '../api-types.js';
import { changeRoute, created, readRoute } from '../define-route.js';
import { createdJson, errorResponse, json, jsonBody } from '../openapi-common.js';
import {
  caseDetailSchema,
  caseIdParam,
  caseReplyBodySchema,
  caseSummarySchema,
  openCaseBodySchema,
  replyResultSchema,
} from './support-case-schemas.js';

const uploadsOf = (shots: { filename: string; contentBase64: string }[] | undefined): ScreenshotUpload[] =>
  (shots ?? []).map((s) => ({ filename: s.filename, bytes: Buffer.from(s.contentBase64, 'base64') }));

async function caseOf(deps: AppDeps, actor: Actor, caseId: string) {
  const d = await getSupportCase(deps, { actor }, caseId);
  return {
    caseId: d.caseId,
    role: d.role,
    type: d.type,
    status: d.status,
    webOrderId: d.webOrderId,
    endCustomerName: d.endCustomerName,
    subscriptionId: d.subscriptionId,
    description: d.description,
    requester: d.requester,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    closedAt: d.closedAt,
    replyWindow: d.replyWindow,
    screenshots: d.screenshots.map(({ id, filename, contentType, sizeBytes }) => ({
      id,
      filename,
      contentType,
      sizeBytes,
    })),
    events: d.events,
  };
}

export function registerSupportCaseRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    readRoute({
      method: 'get',
      path: '/support-cases',
      operationId: 'listSupportCases',
      tags: ['Support'],
      summary: 'List support cases',
      description:
        'Support agents: every case, filtered by status, type or a search (case, web order id, subscription id, requester e-mail). Anyone else: the cases they opened. Newest-updated first, keyset-paginated: pass `nextCursor` back as `cursor`.',
      request: { query: listSupportCasesSchema },
      responses: {
        200: json(
          z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() }),
          'A page of support cases',
        ),
      },
    }),
    async (c) => c.json(await listSupportCasesPage(deps, c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/support-cases',
      operationId: 'openSupportCase',
      tags: ['Support'],
      summary: 'Open a support case about an order the caller may see',
      description:
        '`reference` is a web order id or a subscription id of an order the caller may see (a customer admin: an order mapped to their organization). An order of another organization is `NOT_FOUND`. Screenshots are checked before anything is stored: one bad file is `INVALID_INPUT` naming it (`reason`: tooLarge, notImage, tooManyPixels, tooMany). The requester is e-mailed a confirmation. Limited per requester (`RATE_LIMITED`).',
      request: { body: jsonBody(openCaseBodySchema) },
      responses: {
        201: createdJson(caseDetailSchema, 'Opened'),
        429: errorResponse(429, 'RATE_LIMITED: too many cases opened by this requester; see Retry-After'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { screenshots, ...input } = c.req.valid('json');
      const { caseId } = await openSupportCase(
        deps,
        { actor },
        { ...input, screenshots: uploadsOf(screenshots) },
      );
      // A signed-in requester always gets a case or a refusal; null is only for contacts by e-mail.
      if (!caseId) throw new AppError('NOT_FOUND', { reference: input.reference });
      return created(c, `/support-cases/${caseId}`, await caseOf(deps, actor, caseId));
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/support-cases/{caseId}',
      operationId: 'getSupportCase',
      tags: ['Support'],
      summary: 'One support case with its thread',
      description:
        'The case, its screenshots (metadata) and every event oldest first: replies of agents (`reply`) and of the requester (`requester_reply`, with the ids of the screenshots it added), status changes, actions on behalf. Someone else’s case is `NOT_FOUND`, as a missing one is.',
      request: { params: caseIdParam },
      responses: { 200: json(caseDetailSchema, 'The case') },
    }),
    async (c) => c.json(await caseOf(deps, c.get('actor'), c.req.valid('param').caseId), 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/support-cases/{caseId}/replies',
      operationId: 'replyToSupportCase',
      tags: ['Support'],
      summary: 'Reply on a support case',
      description:
        'A support agent’s reply is e-mailed to the requester (with `status`, the case moves too; resolving or closing sends the closing e-mail). The requester’s reply (with up to 5 screenshots) puts the case in `awaiting_agent`; on a resolved or closed case it reopens it within 14 days of closing, after which it is `CASE_CLOSED` (409): open a new case. Someone else’s case is `NOT_FOUND`.',
      request: { params: caseIdParam, body: jsonBody(caseReplyBodySchema) },
      responses: {
        201: createdJson(replyResultSchema, 'Replied'),
        429: errorResponse(429, 'RATE_LIMITED: too many replies on this case; see Retry-After'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { caseId } = c.req.valid('param');
      const { body, status, screenshots } = c.req.valid('json');
      const { role } = await findCaseForViewer(deps, { actor }, caseId);
      let result: { reopened: boolean; screenshotIds: string[] };
      if (role === 'agent') {
        if (screenshots?.length) throw invalidInput('screenshots', 'only the requester adds screenshots');
        await replyToSupportCase(deps, actor, { caseId, body, ...(status ? { status } : {}) });
        result = { reopened: false, screenshotIds: [] };
      } else {
        if (status) throw invalidInput('status', 'only support agents set the status');
        result = await addRequesterReply(
          deps,
          { actor },
          { caseId, body, screenshots: uploadsOf(screenshots) },
        );
      }
      const after = await getSupportCase(deps, { actor }, caseId);
      return created(c, `/support-cases/${caseId}`, { caseId, status: after.status, ...result });
    },
  );
}
