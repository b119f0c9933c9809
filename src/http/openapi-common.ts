/** Schemas shared by the route definitions (they feed both validation and the OpenAPI document). */
import { z } from '@hono/zod-openapi';

export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string().openapi({ example: 'PAST_PONR' }),
        message: z.string(),
      })
      .catchall(z.unknown()),
  })
  .openapi('Error');

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

export const errorResponses = {
  400: errorResponse('Invalid input (code INVALID_INPUT, with `issues`)'),
  401: errorResponse('Missing or invalid API token'),
  403: errorResponse(
    'NO_ACCESS; colleagues of the placer get `orderPlacedBy` (and `organizationAdmins` when the placer is deactivated); a read-only token gets `reason: read_only_token` on every write',
  ),
  404: errorResponse(
    'NOT_FOUND: missing, or belonging to another organization (the same answer, so existence is not disclosed)',
  ),
  409: errorResponse(
    "PAST_PONR (with `adminPortalUrl`), LINE_CANCELLED, RSD_NOT_REACHED, DUPLICATE_WEB_ORDER_ID (the caller's own partner already used it), IDEMPOTENCY_KEY_IN_USE",
  ),
  413: errorResponse('Request body too large'),
} as const;

/** POST and PUT under /api/v1 also answer IDEMPOTENCY_KEY_REUSED. */
export const changeErrorResponses = {
  ...errorResponses,
  422: errorResponse(
    'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent earlier with a different request',
  ),
} as const;

/** The optional Idempotency-Key of POST and PUT (see src/http/idempotency.ts). */
export const idempotencyKeyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'Any unique string (1-255 visible ASCII characters). A retry with the same key and body within 24 hours gets the first response again, with `Idempotent-Replayed: true`.',
      example: '7f3c9a4e-1b2d-4c5e-8f90-a1b2c3d4e5f6',
    }),
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const security = [{ bearerAuth: [] }];

/** The `{ items }` answer of a list. */
export const jsonList = <T extends z.ZodType>(item: T, description: string) =>
  json(z.object({ items: z.array(item) }), description);

/** A resource id in the path, checked against its format before any use case runs. */
export const pathIdParam = <N extends string>(name: N, pattern: RegExp, rule: string, example: string) =>
  z.object({
    [name]: z
      .string()
      .regex(pattern, rule)
      .openapi({ param: { name, in: 'path' }, example }),
  } as { [K in N]: z.ZodString });

export const subscriptionIdParam = pathIdParam(
  'subscriptionId',
  /^Sub\d{1,18}$/,
  'must be Sub followed by digits',
  'Sub100000001',
);
