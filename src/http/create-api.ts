/**
 * The HTTP application: /api/v1 (JSON, bearer tokens, zod-validated, OpenAPI-described),
 * /healthz and /readyz. Pages are mounted beside it by the composition root.
 */
import { randomUUID } from 'node:crypto';

import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';

import { AppError } from '../domain/errors.js';
import { languageFromHeader } from '../i18n/i18n.js';
import { createMetrics, type OnrampMetrics } from '../observability/metrics.js';
import { API_TAGS, renderApiDocs } from './api-docs-page.js';
import type { ApiEnv, HttpDeps } from './api-types.js';
import { authenticate } from './authenticate.js';
import { resolveClientAddress, type TrustProxy } from './client-address.js';
import { idempotency } from './idempotency.js';
import { limitBody } from './limit-body.js';
import { observeRequests } from './observe-requests.js';
import { registerResponseHeaders } from './openapi-common.js';
import { refuseUnstorableUrl } from './refuse-unstorable-url.js';
import { registerProbeRoutes } from './register-probe-routes.js';
import { renderError } from './render-error.js';
import { registerEmailEventRoutes } from './routes/email-event-routes.js';
import { registerInvitationRoutes } from './routes/invitation-routes.js';
import { registerOfferRoutes } from './routes/offer-routes.js';
import { registerOrderRoutes } from './routes/order-routes.js';
import { registerOrganizationRoutes } from './routes/organization-routes.js';
import { registerSetupApiRoutes } from './routes/setup-routes.js';
import { registerSubscriptionBulkRoutes } from './routes/subscription-bulk-routes.js';
import { registerSubscriptionRoutes } from './routes/subscription-routes.js';
import { registerSupportCaseRoutes } from './routes/support-case-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { registerWebhookRoutes } from './routes/webhook-routes.js';
import { securityHeaders } from './security-headers.js';
import { validationHook } from './validation-hook.js';
import { registerWebhookEventDocs } from './webhook-event-docs.js';

/** POST /api/v1/support-cases and …/replies: 5 screenshots of 5 MB in base64, and the text. */
const SUPPORT_CASE_MAX_BYTES = 36 * 1024 * 1024;
const SUPPORT_CASE_PATH = /^\/api\/v1\/support-cases(\/CS[0-9]+\/replies)?$/;

export interface ApiOptions {
  logError: (err: unknown) => void;
  /** Request log (one line per request); none when absent. */
  log?: Logger;
  /** The instance's metrics (shared with the worker in one process); a fresh registry when absent. */
  metrics?: OnrampMetrics;
  /** PUBLIC_URL is https: the security headers add HSTS. */
  https?: boolean;
  /** TRUST_PROXY: the proxies to look through for the client's address; none when absent. */
  trustProxy?: TrustProxy | null;
}

export function createApi(deps: HttpDeps, options: ApiOptions): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const metrics = options.metrics ?? createMetrics();

  // Mounted beside the pages, these run for every request: the pages' rate limits read it too.
  app.use('*', resolveClientAddress(options.trustProxy ?? null));
  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    c.set('language', languageFromHeader(c.req.header('accept-language')));
    c.set('brand', deps.settings.brandName);
    c.header('X-Request-Id', requestId);
    await next();
    // A replayed answer (idempotency.ts) is a Response of its own: it carries the id too.
    if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', requestId);
  });
  app.use('*', observeRequests(metrics, options.log));
  // /api/docs is a page like the others; the JSON answers get the same no-sniff, no-frame rules.
  app.use('/api/*', securityHeaders(options.https ?? false));
  // Every API path, read or write; the pages bound their own bodies (a 413 page, not JSON).
  // Support cases carry up to 5 screenshots of 5 MB, base64-encoded (4/3 larger) in the JSON.
  app.use(
    '/api/*',
    limitBody((c) =>
      SUPPORT_CASE_PATH.test(c.req.path)
        ? Math.max(deps.maxBodyBytes, SUPPORT_CASE_MAX_BYTES)
        : deps.maxBodyBytes,
    ),
  );
  app.use('/api/*', refuseUnstorableUrl());
  app.onError((err, c) => renderError(err, c, options.logError));
  app.notFound((c) => renderError(new AppError('NOT_FOUND'), c, options.logError));

  registerProbeRoutes(app, deps, metrics);

  registerEmailEventRoutes(app, deps); // before /api/v1's bearer-token middleware: providers send a secret
  registerSetupApiRoutes(app, deps); // likewise: the setup link's token is the credential
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  api.use('*', authenticate(deps.db, deps.clock));
  api.use('*', idempotency(deps));
  registerOrderRoutes(api, deps);
  registerSubscriptionBulkRoutes(api, deps); // before /subscriptions/{subscriptionId}/…
  registerSubscriptionRoutes(api, deps);
  registerWebhookRoutes(api, deps);
  registerOfferRoutes(api, deps);
  registerTokenRoutes(api, deps);
  registerUserRoutes(api, deps);
  registerInvitationRoutes(api, deps);
  registerOrganizationRoutes(api, deps);
  registerSupportCaseRoutes(api, deps);
  app.route('/api/v1', api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  registerResponseHeaders(app.openAPIRegistry);
  registerWebhookEventDocs(app);
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Onramp API',
      version: '1.0.0',
      description:
        'Orders, subscription lines, provisioning e-mails and the point of no return. Webhooks: each event type is under `webhooks`, with its body and the signature. Every refusal or failure is one envelope, `{ "error": { "code", "message", ...details } }`, with the details of its code (`Error400` … `Error503`: the codes of each status); any other path under /api answers 404 `NOT_FOUND` (`Error404`). Every answer carries `X-Request-Id`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: deps.settings.publicUrl }],
    tags: API_TAGS,
  };
  app.doc31('/api/v1/openapi.json', document);
  app.get('/api/docs', (c) => c.html(renderApiDocs(app.getOpenAPI31Document(document))));
  // Mounted beside the pages, notFound above is ignored: an unknown /api path stays a JSON 404.
  app.all('/api/*', (c) => renderError(new AppError('NOT_FOUND'), c, options.logError));
  return app;
}
