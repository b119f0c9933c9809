/**
 * The kinds of /api/v1 route, so that every route of a kind documents the same credential and
 * refusals and a route file states only what is its own. A route's own responses win over the
 * standard ones (a more precise 409, say).
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';

import {
  changeErrorResponses,
  errorResponses,
  idempotencyKeyHeaders,
  security,
  withResponseHeaders,
} from './openapi-common.js';

/** What every route of a kind shares: its credential, request parts and standard refusals. */
interface RouteKind {
  security: RouteConfig['security'];
  request?: RouteConfig['request'];
  responses: RouteConfig['responses'];
  /** Its answers are kept for a repeated Idempotency-Key (idempotency.ts) and may be replayed. */
  replays?: boolean;
}
type KindRouteConfig = Omit<RouteConfig, 'security'>;
type RequestOf<R> = R extends { request: infer Q } ? Q : object;
/** The kind's request parts and responses, but for those the route states itself. */
type RouteOfKind<K extends RouteKind, R extends KindRouteConfig> = Omit<R, 'request' | 'responses'> & {
  security: K['security'];
  request: Omit<RequestOf<K>, keyof RequestOf<R>> & RequestOf<R>;
  responses: Omit<K['responses'], keyof R['responses']> & R['responses'];
};

/** A route definition builder for one kind of route: the route states only what is its own. */
export const routeKind =
  <const K extends RouteKind>(kind: K) =>
  <const R extends KindRouteConfig>(config: R) =>
    // TypeScript widens a spread of a generic route to its constraint, which loses the request
    // and response types the handlers are checked against; the cast says what the spread builds.
    createRoute({
      ...config,
      security: kind.security,
      request: { ...kind.request, ...config.request },
      responses: withResponseHeaders({ ...kind.responses, ...config.responses }, kind.replays ?? false),
    } as unknown as RouteOfKind<K, R>);

/** A bearer-token route that changes nothing: the standard refusals. */
export const readRoute = routeKind({ security, responses: errorResponses });

/**
 * A bearer-token route that changes something (POST, PUT, PATCH or DELETE: idempotency.ts honours
 * the Idempotency-Key on all of them), so it takes the key and may answer IDEMPOTENCY_KEY_REUSED.
 */
export const changeRoute = routeKind({
  security,
  request: { headers: idempotencyKeyHeaders },
  responses: changeErrorResponses,
  replays: true,
});

/** 201 Created with the new resource and where it lives (under /api/v1). */
export function created<C extends Context, T>(c: C, path: string, resource: T) {
  c.header('Location', `/api/v1${path}`);
  return c.json(resource, 201);
}
