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

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

export const errorResponses = {
  400: errorResponse('Invalid input (code INVALID_INPUT, with `issues`)'),
  401: errorResponse('Missing or invalid API token'),
  403: errorResponse('NO_ACCESS; colleagues of the placer get `orderPlacedBy`'),
  404: errorResponse('Not found'),
  409: errorResponse(
    'PAST_PONR (with `adminPortalUrl`), LINE_CANCELLED, RSD_NOT_REACHED, DUPLICATE_WEB_ORDER_ID',
  ),
  413: errorResponse('Request body too large'),
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const security = [{ bearerAuth: [] }];

export const subscriptionIdParam = z.object({
  subscriptionId: z
    .string()
    .regex(/^Sub\d{1,18}$/, 'must be Sub followed by digits')
    .openapi({ param: { name: 'subscriptionId', in: 'path' }, example: 'Sub100000001' }),
});
