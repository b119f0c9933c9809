import type { Hono } from 'hono';

import type { AppDeps } from '../app/deps.js';
import type { Actor, Language } from '../domain/types.js';

/** Per-request values the web middleware sets. */
export interface WebVariables {
  /** The signed-in user, or null. */
  user: Actor | null;
  language: Language;
  /** The CSRF token every form must echo in `_csrf`. */
  csrfToken: string;
  /** The product's name (BRAND_NAME), set before anything else so even error pages have it. */
  brand: string;
  /** Translates with the request's language (and the brand). */
  t: (key: string, vars?: Record<string, unknown>) => string;
  /** Names this request in the logs and in the X-Request-Id header. */
  requestId: string;
  /** Where a refusal page links back to, when the page knows better than its section. */
  back: string | undefined;
}

export interface WebEnv {
  Variables: WebVariables;
}

export type WebApp = Hono<WebEnv>;

export interface WebDeps extends AppDeps {
  /** Whether cookies get `Secure` (PUBLIC_URL is https). */
  secureCookies: boolean;
}
