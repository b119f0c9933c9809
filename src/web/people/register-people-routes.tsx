/** Users and invitations of an organization (/settings/users), and the invitation accept page. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerPeopleRoutes(_app: WebApp, _deps: WebDeps): void {}
