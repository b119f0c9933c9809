/**
 * The HTTP surface of one Onramp process: the API and the pages on one Hono app. main.ts serves
 * it; the browser tests serve this very app, so what they click is what production wires.
 */
import { Hono } from 'hono';

import type { HttpDeps } from './http/api-types.js';
import { type ApiOptions, createApi } from './http/create-api.js';
import { createWeb, type WebOptions } from './web/create-web.js';
import type { WebDeps } from './web/web-env.js';

export type HttpAppDeps = HttpDeps & WebDeps;

export function createHttpApp(deps: HttpAppDeps, options: ApiOptions & WebOptions): Hono {
  const app = new Hono();
  app.route('/', createApi(deps, options));
  app.route('/', createWeb(deps, options));
  return app;
}
