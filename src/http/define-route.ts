/**
 * The kinds of /api/v1 route, so that every route of a kind documents the same credential and
 * refusals and a route file states only what is its own. A route's own responses win over the
 * standard ones (a more precise 409, say).
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';

import { changeErrorResponses, errorResponses, idempotencyKeyHeaders, security } from './openapi-common.js';

type BearerRouteConfig = Omit<RouteConfig, 'security'>;
type RequestOf<R> = R extends { request: infer Q } ? Q : object;
/** The standard responses, but for those the route states itself. */
type Responses<Standard, R extends BearerRouteConfig> = Omit<Standard, keyof R['responses']> & R['responses'];
type ReadRoute<R extends BearerRouteConfig> = Omit<R, 'responses'> & {
  security: typeof security;
  responses: Responses<typeof errorResponses, R>;
};
type ChangeRoute<R extends BearerRouteConfig> = Omit<R, 'request' | 'responses'> & {
  security: typeof security;
  request: RequestOf<R> & { headers: typeof idempotencyKeyHeaders };
  responses: Responses<typeof changeErrorResponses, R>;
};

// TypeScript widens a spread of a generic route to its constraint, which loses the request and
// response types the handlers are checked against; the casts say what the spreads build.

/** A bearer-token route that changes nothing: the standard refusals. */
export const readRoute = <const R extends BearerRouteConfig>(config: R) =>
  createRoute({
    ...config,
    security,
    responses: { ...errorResponses, ...config.responses },
  } as unknown as ReadRoute<R>);

/**
 * A bearer-token route that changes something (POST, PUT, PATCH or DELETE: idempotency.ts honours
 * the Idempotency-Key on all of them), so it takes the key and may answer IDEMPOTENCY_KEY_REUSED.
 */
export const changeRoute = <const R extends BearerRouteConfig>(config: R) =>
  createRoute({
    ...config,
    security,
    request: { headers: idempotencyKeyHeaders, ...config.request },
    responses: { ...changeErrorResponses, ...config.responses },
  } as unknown as ChangeRoute<R>);

/** 201 Created with the new resource and where it lives (under /api/v1). */
export function created<C extends Context, T>(c: C, path: string, resource: T) {
  c.header('Location', `/api/v1${path}`);
  return c.json(resource, 201);
}
