/** The partner workspace: orders, order page, subscriptions, help. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerWorkspaceRoutes(_app: WebApp, _deps: WebDeps): void {}
