/** Schemas shared by the route definitions (they feed both validation and the OpenAPI document). */
import { type OpenAPIHono, z } from '@hono/zod-openapi';

import { errorSchemaFor } from './error-schemas.js';
import { keptForReplay } from './idempotency.js';

/** An error answer: the codes of its status (error-schemas.ts), and `description` on when. */
export const errorResponse = (status: number, description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchemaFor(status) } },
});

/** The refusals and failures any /api/v1 route may answer. */
export const errorResponses = {
  400: errorResponse(400, 'INVALID_INPUT, with every bad field in `issues`'),
  401: errorResponse(401, 'UNAUTHENTICATED: the credential is missing or not valid'),
  403: errorResponse(
    403,
    'NO_ACCESS; colleagues of the placer get `orderPlacedBy` (and `organizationAdmins` when the placer is deactivated); a read-only token gets `reason: read_only_token` on every write',
  ),
  404: errorResponse(
    404,
    'NOT_FOUND: missing, or belonging to another organization (the same answer, so existence is not disclosed)',
  ),
  409: errorResponse(
    409,
    "PAST_PONR (with `adminPortalUrl`), LINE_CANCELLED, RSD_NOT_REACHED, DUPLICATE_WEB_ORDER_ID (the caller's own partner already used it), IDEMPOTENCY_KEY_IN_USE",
  ),
  413: errorResponse(413, 'PAYLOAD_TOO_LARGE: the request body is larger than allowed (`maxBytes`)'),
  500: errorResponse(500, 'INTERNAL: a fault of ours, logged with the request id; nothing was changed'),
  503: errorResponse(
    503,
    'UNAVAILABLE: the database cannot be reached or is too slow right now; retry shortly (nothing was changed)',
  ),
} as const;

/** POST, PUT, PATCH and DELETE under /api/v1 also answer IDEMPOTENCY_KEY_REUSED. */
export const changeErrorResponses = {
  ...errorResponses,
  422: errorResponse(
    422,
    'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent earlier with a different request',
  ),
} as const;

/** The optional Idempotency-Key of POST, PUT, PATCH and DELETE (see src/http/idempotency.ts). */
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

/** The response headers the API documents, as components the responses refer to. */
const RESPONSE_HEADERS = {
  XRequestId: {
    description:
      "The request's id: the caller's own `X-Request-Id` (its first 100 characters) or a new UUID; the request's log line carries it",
    required: true,
    schema: { type: 'string' as const },
  },
  Location: {
    description: 'Where the new resource is read (a path under /api/v1)',
    required: true,
    schema: { type: 'string' as const },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer' as const, minimum: 1 },
  },
  IdempotentReplayed: {
    description:
      'Sent on an answer replayed for a repeated `Idempotency-Key` (nothing ran again); absent otherwise',
    required: false,
    schema: { type: 'string' as const, enum: ['true'] },
  },
};

type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;
const headerRef = (name: ResponseHeaderName) => ({ $ref: `#/components/headers/${name}` });

export function registerResponseHeaders(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const [name, header] of Object.entries(RESPONSE_HEADERS))
    registry.registerComponent('headers', name, header);
}

/** 201 Created with the new resource's Location (see `created` in define-route.ts). */
export const createdJson = <T extends z.ZodType>(schema: T, description: string) => ({
  ...json(schema, description),
  headers: { Location: headerRef('Location') },
});

/**
 * The headers every answer of a route may carry, added to each of its responses: X-Request-Id
 * always, Retry-After with a 429, and Idempotent-Replayed on what a change route keeps for a
 * repeated Idempotency-Key (`keptForReplay`: its 2xx and 4xx answers but 429).
 */
export function withResponseHeaders<R extends Record<string, object>>(responses: R, replays: boolean): R {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      {
        ...response,
        headers: {
          'X-Request-Id': headerRef('XRequestId'),
          ...(response as { headers?: object }).headers,
          ...(status === '429' ? { 'Retry-After': headerRef('RetryAfter') } : {}),
          ...(replays && keptForReplay(Number(status))
            ? { 'Idempotent-Replayed': headerRef('IdempotentReplayed') }
            : {}),
        },
      },
    ]),
  ) as R;
}
