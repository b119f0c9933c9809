/** The customer setup wizard (/setup/{token}), join requests (/join/{token}) and the admin portal (/admin). */
import type { WebApp } from '../web-env.js';
import { registerAdminPortalRoutes } from './admin-portal-routes.js';
import { registerJoinRequestRoutes } from './join-request-routes.js';
import { registerPartnerSetupRoutes } from './partner-setup-routes.js';
import {
  registerSetupCatchAll,
  registerSetupWizardRoutes,
  type SetupWebDeps,
} from './setup-wizard-routes.js';

export function registerSetupRoutes(app: WebApp, deps: SetupWebDeps): void {
  registerSetupWizardRoutes(app, deps);
  registerAdminPortalRoutes(app, deps);
  registerJoinRequestRoutes(app, deps);
  registerPartnerSetupRoutes(app, deps);
  registerSetupCatchAll(app); // last: it answers every /setup/ path no route above took
}
