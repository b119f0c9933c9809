/**
 * The server-rendered pages: sign-in, partner workspace, setup wizard, admin portal, mailbox.
 * Forms work without JavaScript; /static/app.js only enhances (confirmation dialogs).
 */
import { readFileSync } from 'node:fs';

import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import pino, { type Logger } from 'pino';

import { limitBody } from '../http/limit-body.js';
import { refuseUnstorableUrl } from '../http/refuse-unstorable-url.js';
import { securityHeaders } from '../http/security-headers.js';
import { registerAccountSettingsPage } from './account/account-settings-page.js';
import { registerAccountRoutes } from './account/register-account-routes.js';
import { csrfProtection } from './csrf-protection.js';
import { notFoundPage, renderPageError } from './error-pages.js';
import { mailboxRoutes } from './mailbox-routes.js';
import { registerOfferPages } from './operator/register-offer-pages.js';
import { registerOrganizationPages } from './operator/register-organization-pages.js';
import { registerPeopleRoutes } from './people/register-people-routes.js';
import { registerSetupRoutes } from './setup/register-setup-routes.js';
import { registerSignInRoutes } from './sign-in-routes.js';
import { registerSsoPages } from './sso/register-sso-pages.js';
import { registerSupportRoutes } from './support/register-support-routes.js';
import { registerTokenPages } from './tokens/register-token-pages.js';
import type { WebDeps, WebEnv } from './web-env.js';
import { webContext } from './web-middleware.js';
import { registerWorkspaceRoutes } from './workspace/register-workspace-routes.js';

const STATIC: Record<string, { body: string; type: string }> = {
  'app.css': {
    body: readFileSync(new URL('./static/app.css', import.meta.url), 'utf8'),
    type: 'text/css; charset=utf-8',
  },
  'app.js': {
    body: readFileSync(new URL('./static/app.js', import.meta.url), 'utf8'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** Screenshots: at most 5 × 5 MB plus the form fields. */
const SUPPORT_FORM_MAX_BYTES = 26 * 1024 * 1024;
/** A requester's reply carries screenshots as opening a case does. */
const SUPPORT_REPLY_PATH = /^\/support\/cases\/CS[0-9]+\/replies$/;
/** Every other form is a few fields (the largest, a bulk change, lists a few hundred lines). */
const PAGE_FORM_MAX_BYTES = 1_000_000;
/** An order import file: thousands of lines fit (the CLI has no limit, but a page needs one). */
const IMPORT_FORM_MAX_BYTES = 10 * 1024 * 1024;

export interface WebOptions {
  /** Embedded/demo mode: the demo sign-in hint, and /dev/mailbox unless `mailbox` says otherwise. */
  demoMode: boolean;
  /** Serve /dev/mailbox (every captured setup link, unauthenticated): demo mode on loopback only. */
  mailbox?: boolean;
  https: boolean;
  /** The process's logger (main.ts's); a page's unexpected error is one line here. Default: stderr. */
  log?: Logger;
}

export function createWeb(deps: WebDeps, options: WebOptions): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const log = options.log ?? pino({ base: { service: 'onramp' } }, pino.destination(2));
  // Every refusal, outage and bug on a page ends here (and, mounted beside the API, stays here).
  app.onError((err, c) => renderPageError(err, c, log));
  app.use('*', async (c, next) => {
    c.set('brand', deps.settings.brandName);
    await next();
  });
  // Beside the API, its middleware has named the request already; alone, Hono's names it.
  app.use('*', (c, next) => (c.get('requestId') ? next() : requestId()(c, next)));
  app.use('*', securityHeaders(options.https));
  // Before anything reads it: no page, form or mailbox request is read past its limit (413 page).
  app.use(
    '*',
    limitBody((c) =>
      c.req.path === '/support/new' || SUPPORT_REPLY_PATH.test(c.req.path)
        ? SUPPORT_FORM_MAX_BYTES
        : c.req.path === '/orders/import'
          ? IMPORT_FORM_MAX_BYTES
          : PAGE_FORM_MAX_BYTES,
    ),
  );
  app.use('*', refuseUnstorableUrl());
  app.get('/static/:file', (c) => {
    const file = STATIC[c.req.param('file')];
    if (!file) return c.notFound();
    return c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'public, max-age=300' });
  });
  if (options.mailbox ?? options.demoMode) app.route('/', mailboxRoutes(deps.db) as unknown as Hono<WebEnv>);

  app.use('*', csrf());
  app.use('*', webContext(deps));
  app.use('*', csrfProtection(deps.secureCookies));
  registerSignInRoutes(app, { ...deps, demoMode: options.demoMode, log });
  registerWorkspaceRoutes(app, deps);
  registerSetupRoutes(app, deps);
  registerSupportRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerTokenPages(app, deps);
  registerAccountSettingsPage(app, deps);
  registerOfferPages(app, deps);
  registerOrganizationPages(app, deps);
  registerSsoPages(app, deps);
  // A route, not app.notFound: a sub-app's notFound is ignored once mounted beside the API.
  app.all('*', notFoundPage);
  return app;
}
