/** The customer setup wizard (/setup/{token}) and the admin portal (/admin). */
import type { WebApp } from '../web-env.js';
import { registerAdminPortalRoutes } from './admin-portal-routes.js';
import { registerSetupWizardRoutes, type SetupWebDeps } from './setup-wizard-routes.js';

export function registerSetupRoutes(app: WebApp, deps: SetupWebDeps): void {
  registerSetupWizardRoutes(app, deps);
  registerAdminPortalRoutes(app, deps);
}
