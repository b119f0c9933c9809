/** The OpenAPI schemas of /api/v1/support-cases (they validate requests and describe answers). */
import { z } from '@hono/zod-openapi';

import { openSupportCaseSchema } from '../../app/support/open-support-case.js';
import { replySchema } from '../../app/support/reply-to-support-case.js';
import { CASE_STATUSES, CASE_TYPES, MAX_SCREENSHOTS } from '../../domain/support-case.js';
import { pathIdParam } from '../openapi-common.js';

export const caseIdParam = pathIdParam(
  'caseId',
  /^CS\d{1,12}$/,
  'must be a case number such as CS0123456789',
  'CS0123456789',
);

const screenshotUploadSchema = z
  .object({
    filename: z.string().min(1).max(255),
    contentBase64: z.base64().openapi({
      description:
        'The image, base64-encoded: PNG, JPEG or WebP (read from its first bytes), at most 5 MB and 40 megapixels',
    }),
  })
  .openapi('SupportScreenshotUpload');

/** At most MAX_SCREENSHOTS: one more is let through so the refusal names the rule (`tooMany`). */
const screenshotsField = z
  .array(screenshotUploadSchema)
  .max(MAX_SCREENSHOTS + 1)
  .optional()
  .openapi({ description: `Up to ${MAX_SCREENSHOTS} screenshots; one bad file refuses the request` });

// New objects from @hono/zod-openapi's z around the use cases' fields: a schema made with plain
// zod before this module loads has no `.openapi` of its own.
export const openCaseBodySchema = z
  .object({ ...openSupportCaseSchema.shape, screenshots: screenshotsField })
  .openapi('OpenSupportCase');

export const caseReplyBodySchema = z
  .object({
    body: replySchema.shape.body,
    status: z.enum(CASE_STATUSES).optional().openapi({
      description: 'Support agents only: the status the case moves to with the reply',
    }),
    screenshots: screenshotsField,
  })
  .openapi('SupportCaseReply');

const statusSchema = z.enum(CASE_STATUSES);
const typeSchema = z.enum(CASE_TYPES);

export const caseSummarySchema = z
  .object({
    caseId: z.string().openapi({ example: 'CS0123456789' }),
    type: typeSchema,
    status: statusSchema,
    webOrderId: z.string(),
    subscriptionId: z.string().nullable(),
    requester: z.object({ name: z.string(), email: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SupportCaseSummary');

export const caseDetailSchema = z
  .object({
    caseId: z.string(),
    role: z.enum(['agent', 'requester']).describe('In which role the caller sees the case'),
    type: typeSchema,
    status: statusSchema,
    webOrderId: z.string(),
    endCustomerName: z.string(),
    subscriptionId: z.string().nullable(),
    description: z.string(),
    requester: z.object({ name: z.string(), email: z.string(), hasAccount: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    replyWindow: z
      .object({ kind: z.enum(['open', 'reopenable', 'over']), until: z.string().nullable() })
      .describe(
        'Whether the requester may reply: open; reopenable (a reply reopens the closed case until `until`); over (open a new case)',
      ),
    screenshots: z.array(
      z.object({
        id: z.string(),
        filename: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
      }),
    ),
    events: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        kind: z.enum(['opened', 'reply', 'requester_reply', 'status', 'resend', 'contact_change']),
        body: z.string().nullable(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('SupportCase');

export const replyResultSchema = z
  .object({
    caseId: z.string(),
    status: statusSchema,
    reopened: z.boolean().describe("A requester's reply reopened the closed case"),
    screenshotIds: z.array(z.string()),
  })
  .openapi('SupportCaseReplyResult');
