/**
 * Per-request observability: one duration sample per request (labelled by the matched route
 * *pattern*, so ids never explode the series count) and one pino line carrying the request id.
 * Setup and set-password links are bearer secrets: their tokens never reach a log line.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';

import type { OnrampMetrics } from '../observability/metrics.js';
import type { ApiEnv } from './api-types.js';

const SECRET_PATH = /(\/(?:setup|set-password)\/)[^/?#]+/g;

/** `/setup/abc?x=1` -> `/setup/[redacted]?x=1`; the same for `/set-password/`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]');
}

/** The route pattern that answered; requests no route matched share one label. */
function routeLabel(pattern: string): string {
  return pattern === '*' || pattern.endsWith('/*') ? 'unmatched' : pattern;
}

export function observeRequests(metrics: OnrampMetrics, log?: Logger): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const status = c.res.status;
      // The route that answered (the last handler run), not the last matched: mounted beside the
      // API, the pages' middleware and catch-all match every path.
      metrics.httpDuration.observe(
        { method: c.req.method, route: routeLabel(routePath(c)), status: String(status) },
        seconds,
      );
      if (log) {
        const url = new URL(c.req.url);
        log.info(
          {
            reqId: c.get('requestId'),
            req: {
              method: c.req.method,
              url: redactUrl(url.pathname + url.search),
              remoteAddress: c.get('clientAddress'),
              // Only harmless headers: credentials (Authorization, X-Onramp-Webhook-Secret,
              // cookies) are left out here, and createLogger redacts them besides.
              headers: { 'user-agent': c.req.header('user-agent') },
            },
            res: { statusCode: status },
            responseTime: Math.round(seconds * 1000),
          },
          'request completed',
        );
      }
    }
  };
}
