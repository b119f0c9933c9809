/**
 * The partner workspace: orders, the order page, subscriptions, Resend and Edit (one line or
 * several), the provisioning help page, and the webhook settings. Every page but help needs a signed-in user.
 */
import type { WebApp, WebDeps } from '../web-env.js';
import { registerBulkRoutes } from './bulk-routes.js';
import { registerContactRoutes } from './contact-routes.js';
import { registerHelpRoutes } from './help-page.js';
import { registerImportRoutes } from './import-orders-page.js';
import { registerNewOrderRoutes } from './new-order-page.js';
import { orderPage } from './order-page.js';
import { ordersPage } from './orders-page.js';
import { LINE_PATH, registerResendRoutes } from './resend-routes.js';
import { subscriptionPage } from './subscription-page.js';
import { subscriptionsPage } from './subscriptions-page.js';
import { registerWebhookSettingsRoutes } from './webhook-routes.js';
import { paramOf, signedIn } from './workspace-support.js';

export function registerWorkspaceRoutes(app: WebApp, deps: WebDeps): void {
  app.get(
    '/orders',
    signedIn((c, user) => ordersPage(c, deps, user)),
  );
  // Before /orders/:id, which would take "new" and "import" for order ids.
  registerNewOrderRoutes(app, deps);
  registerImportRoutes(app, deps);
  app.get(
    '/orders/:id',
    signedIn((c, user) => orderPage(c, deps, user, paramOf(c, 'id'))),
  );
  app.get(
    '/subscriptions',
    signedIn((c, user) => subscriptionsPage(c, deps, user)),
  );
  // Before the line routes: "bulk" is not a subscription id, but be explicit about precedence.
  registerBulkRoutes(app, deps);
  app.get(
    LINE_PATH,
    signedIn((c, user) => subscriptionPage(c, deps, user, paramOf(c, 'subscriptionId'))),
  );
  registerResendRoutes(app, deps);
  registerContactRoutes(app, deps);
  registerHelpRoutes(app, deps);
  registerWebhookSettingsRoutes(app, deps);
}
