/** The customer setup wizard and admin portal. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerSetupRoutes(_app: WebApp, _deps: WebDeps): void {}
