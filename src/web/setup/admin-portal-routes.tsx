/**
 * /admin: the signed-in customer admin's organization, data region, subscriptions, licences and
 * partner. (Their welcome e-mail's /set-password/{token} is in web/account/, as everyone's.)
 */
import { getCustomerOrganization } from '../../app/setup/get-customer-organization.js';
import { pageContext } from '../page-context.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { AdminNoAccessPage, AdminPortalPage } from './admin-portal-pages.js';

export function registerAdminPortalRoutes(app: WebApp, deps: WebDeps): void {
  app.get('/admin', async (c) => {
    const user = c.get('user');
    if (!user) return c.redirect('/sign-in?next=/admin', 303);
    const ctx = pageContext(c);
    if (user.role !== 'customer_admin') return c.html(<AdminNoAccessPage ctx={ctx} />, 403);
    const overview = await getCustomerOrganization(deps, user);
    return c.html(<AdminPortalPage ctx={ctx} overview={overview} />);
  });
}
