/** Password recovery: /forgot-password, and choosing a password from an e-mailed link. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerAccountRoutes(_app: WebApp, _deps: WebDeps): void {}
