/**
 * /set-password/{token} (from the welcome e-mail: choose a password, get signed in) and /admin
 * (the signed-in customer admin's organization, data region, subscriptions, licences, partner).
 */
import type { Context } from 'hono';
import { getCustomerOrganization } from '../../app/get-customer-organization.js';
import { openPasswordLink, type PasswordLink } from '../../app/open-password-link.js';
import { setCustomerAdminPassword } from '../../app/set-customer-admin-password.js';
import { AppError } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import { pageContext } from '../page-context.js';
import type { WebApp, WebDeps, WebEnv } from '../web-env.js';
import { startSession } from '../web-session.js';
import {
  AdminNoAccessPage,
  AdminPortalPage,
  PasswordLinkDeadPage,
  PasswordPage,
} from './admin-portal-pages.js';
import { noStore, setupPageContext } from './setup-page-context.js';

const TOKEN = ':token{[A-Za-z0-9_-]{16,128}}';

function deadLinkPage(c: Context<WebEnv>, err: unknown): Response | Promise<Response> {
  if (!(err instanceof AppError) || err.code !== 'TOKEN_INVALID') throw err;
  const said = err.details['reason'];
  const reason = said === 'used' || said === 'expired' ? said : 'unknown';
  return c.html(<PasswordLinkDeadPage ctx={pageContext(c)} reason={reason} />, 410);
}

export function registerAdminPortalRoutes(app: WebApp, deps: WebDeps): void {
  app.get(`/set-password/${TOKEN}`, async (c) => {
    noStore(c);
    let link: PasswordLink;
    try {
      link = await openPasswordLink(deps, c.req.param('token'));
    } catch (e) {
      return deadLinkPage(c, e);
    }
    const ctx = setupPageContext(c, link.language);
    return c.html(<PasswordPage ctx={ctx} token={c.req.param('token')} link={link} errors={{}} />);
  });

  app.post(`/set-password/${TOKEN}`, async (c) => {
    noStore(c);
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    const repeat = typeof body['repeat'] === 'string' ? body['repeat'] : '';
    let link: PasswordLink;
    try {
      link = await openPasswordLink(deps, token);
    } catch (e) {
      return deadLinkPage(c, e);
    }
    const ctx = setupPageContext(c, link.language);
    const short = [...password].length < MIN_PASSWORD_LENGTH;
    const errors = {
      password: short ? ctx.t('setup:password.errors.short', { min: MIN_PASSWORD_LENGTH }) : undefined,
      repeat: !short && password !== repeat ? ctx.t('setup:password.errors.mismatch') : undefined,
    };
    if (errors.password || errors.repeat)
      return c.html(<PasswordPage ctx={ctx} token={token} link={link} errors={errors} />, 400);
    let userId: string;
    try {
      ({ userId } = await setCustomerAdminPassword(deps, { token, password }));
    } catch (e) {
      return deadLinkPage(c, e);
    }
    await startSession(c, deps, userId, deps.secureCookies);
    return c.redirect('/admin', 303);
  });

  app.get('/admin', async (c) => {
    const user = c.get('user');
    if (!user) return c.redirect('/sign-in?next=/admin', 303);
    const ctx = pageContext(c);
    if (user.role !== 'customer_admin') return c.html(<AdminNoAccessPage ctx={ctx} />, 403);
    const overview = await getCustomerOrganization(deps, user);
    return c.html(<AdminPortalPage ctx={ctx} overview={overview} />);
  });
}
