import type { OpenAPIHono } from '@hono/zod-openapi';

import type { AppDeps } from '../app/deps.js';
import type { NewLinkLimits } from '../app/setup/request-new-setup-link.js';
import type { Actor, Language } from '../domain/types.js';
import type { Store } from '../store/open-store.js';

/** Per-request values the middleware sets. */
export interface ApiVariables {
  actor: Actor;
  /** The API token the request came with. */
  tokenId: string;
  language: Language;
  requestId: string;
  /** The product's name (BRAND_NAME) for the error messages. */
  brand: string;
}

export interface ApiEnv {
  Variables: ApiVariables;
}

export type ApiApp = OpenAPIHono<ApiEnv>;

export interface HttpDeps extends AppDeps {
  store: Pick<Store, 'ping'>;
  maxBodyBytes: number;
  /** How long /readyz waits for the database before answering 503; READY_TIMEOUT_MS when absent. */
  readyTimeoutMs?: number;
  /** Shared secret of POST /api/v1/email-events (X-Onramp-Webhook-Secret); unset: no such endpoint. */
  emailEventsSecret?: string | undefined;
  /** Limits of POST /api/v1/setup/{token}/new-link (shared with the page's); tests lower them. */
  setupNewLinkLimits?: NewLinkLimits | undefined;
}
