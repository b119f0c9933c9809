/** Users and invitations of an organization (/settings/users, /operator/organizations/:id/users), and the invitation accept page. */
import type { WebApp, WebDeps } from '../web-env.js';
import { type InvitationWebDeps, registerInvitationLinkRoutes } from './invitation-link-routes.js';
import { registerPeoplePages } from './people-routes.js';

export function registerPeopleRoutes(app: WebApp, deps: WebDeps | InvitationWebDeps): void {
  registerPeoplePages(app, deps);
  registerInvitationLinkRoutes(app, deps);
}
