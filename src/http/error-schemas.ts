/**
 * The error envelope in the OpenAPI document, made from the one error vocabulary: each code's
 * body with its details (the compiler holds every code's schema to `ErrorDetails`), and for each
 * HTTP status the codes it may carry, so a client generated from the document knows them all.
 */
import { z } from '@hono/zod-openapi';

import { ERROR_CODES, type ErrorCode, type ErrorDetails, SSO_FAILURES } from '../domain/errors.js';

const contactPerson = z.object({ name: z.string(), email: z.string() });

/** What each code carries beside `code` and `message` (src/domain/errors.ts says what each means). */
const DETAILS = {
  INVALID_INPUT: z.object({
    issues: z.array(
      z.object({
        path: z.string().describe('The field, dotted (`lines.0.quantity`); empty for the whole body'),
        message: z.string(),
        reason: z.string().optional().describe('A machine-readable reason (a screenshot: `tooLarge`, …)'),
        filename: z.string().optional().describe('The uploaded file the issue is about'),
      }),
    ),
    rule: z
      .string()
      .optional()
      .describe('Which rule refused a change of user (`kind`, `self`, `last_admin`)'),
    status: z.string().optional().describe("The invitation's status, when it refuses a resend or revoke"),
  }),
  UNAUTHENTICATED: z.object({ credential: z.enum(['webhook_secret']).optional() }),
  NO_ACCESS: z.object({
    orderPlacedBy: contactPerson.optional().describe('A colleague of the placer: whom to ask'),
    organizationAdmins: z
      .array(contactPerson)
      .optional()
      .describe("The placer is deactivated: the organization's administrators instead"),
    reason: z.enum(['read_only_token', 'only partner users place orders']).optional(),
    area: z.enum(['webhooks', 'users', 'operator']).optional(),
  }),
  NOT_FOUND: z
    .object({})
    .catchall(z.string())
    .describe('The id looked up, under its own name (`orderId`, `subscriptionId`, `what`, …)'),
  PAST_PONR: z.object({
    adminPortalUrl: z.string().optional(),
    mappedAt: z.string().nullable().optional(),
    action: z.enum(['resend', 'change_contact', 'cancel']).optional(),
  }),
  LINE_CANCELLED: z.object({}),
  INVALID_TRANSITION: z.object({
    from: z.string(),
    command: z.string(),
    allowed: z.array(z.string()).optional(),
  }),
  RSD_NOT_REACHED: z.object({ rsdAt: z.string() }),
  DUPLICATE_WEB_ORDER_ID: z.object({ webOrderId: z.string() }),
  ALREADY_MAPPED: z.object({ adminPortalUrl: z.string().optional(), linkUsed: z.boolean().optional() }),
  ALREADY_EXISTS: z.object({ what: z.string() }),
  CASE_CLOSED: z.object({ closedAt: z.string(), reopenableUntil: z.string(), days: z.number().int() }),
  LAST_ADMINISTRATOR: z.object({}),
  IDEMPOTENCY_KEY_IN_USE: z.object({}),
  TOKEN_INVALID: z.object({
    reason: z.string(),
    revokedReason: z.string().nullable().optional(),
    expiredAt: z.string().optional(),
  }),
  PAYLOAD_TOO_LARGE: z.object({ maxBytes: z.number().int().optional() }),
  IDEMPOTENCY_KEY_REUSED: z.object({}),
  RATE_LIMITED: z.object({
    retryAfterSeconds: z.number().int(),
    limit: z.number().int().optional(),
    windowSeconds: z.number().int().optional(),
  }),
  DATA_DIR_LOCKED: z.object({ dataDir: z.string(), pid: z.number().int().optional() }),
  UNAVAILABLE: z.object({}),
  INTERNAL: z.object({}),
  WEBHOOK_URL_REFUSED: z.object({ reason: z.string(), host: z.string() }),
  SSO_REQUIRED: z.object({ provider: z.string() }),
  SSO_FAILED: z.object({ reason: z.enum(SSO_FAILURES), provider: z.string().optional() }),
  DOMAIN_NOT_VERIFIED: z.object({ domain: z.string(), recordName: z.string(), recordValue: z.string() }),
} satisfies { [C in ErrorCode]: z.ZodType<ErrorDetails[C]> };

/**
 * Refusals no API answer carries: the command line's own, and single sign-on's, which the sign-in
 * pages and `onramp sso` give (the API signs in with tokens only).
 */
const NOT_OVER_HTTP: readonly ErrorCode[] = [
  'DATA_DIR_LOCKED',
  'SSO_REQUIRED',
  'SSO_FAILED',
  'DOMAIN_NOT_VERIFIED',
];
const HTTP_CODES = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => !NOT_OVER_HTTP.includes(c));

/** PAST_PONR -> PastPonrError */
const componentName = (code: ErrorCode) =>
  `${code
    .toLowerCase()
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}Error`;

const VARIANTS = Object.fromEntries(
  HTTP_CODES.map((code) => [
    code,
    DETAILS[code]
      .extend({ code: z.literal(code), message: z.string().describe("In the caller's language") })
      .openapi(componentName(code)),
  ]),
) as unknown as Record<ErrorCode, z.ZodObject>;

function envelope(codes: ErrorCode[], name: string) {
  const variants = codes.map((code) => VARIANTS[code]);
  const error =
    variants.length === 1
      ? variants[0]!
      : z.discriminatedUnion('code', variants as [z.ZodObject, z.ZodObject]);
  return z.object({ error }).openapi(name);
}

const byStatus = new Map<number, z.ZodType>();

/** The errors of one HTTP status (`Error409`: every code answered with 409). */
export function errorSchemaFor(status: number): z.ZodType {
  let schema = byStatus.get(status);
  if (!schema) {
    const codes = HTTP_CODES.filter((c) => ERROR_CODES[c] === status);
    if (codes.length === 0) throw new Error(`no error code answers ${status}`);
    schema = envelope(codes, `Error${status}`);
    byStatus.set(status, schema);
  }
  return schema;
}
