/**
 * /join/{token}: an administrator's Approve / Decline link from the join-request e-mail. GET only
 * shows the request (scanners follow links); the decision is a POST from that page. The page
 * speaks the administrator's language; a link that cannot be used says why.
 */
import type { Context } from 'hono';

import { decideJoinRequestByLink, type JoinDecision } from '../../app/setup/decide-join-request.js';
import { openJoinRequestLink } from '../../app/setup/open-join-request-link.js';
import { isAppError } from '../../domain/errors.js';
import type { WebApp, WebDeps, WebEnv } from '../web-env.js';
import { JoinDeadPage, type JoinDeadReason, JoinDecidedPage, JoinRequestPage } from './join-request-pages.js';
import { AlreadyMappedPage } from './setup-link-pages.js';
import { noStore, setupPageContext } from './setup-page-context.js';

const TOKEN = ':token{[A-Za-z0-9_-]{16,128}}';
const DEAD: readonly JoinDeadReason[] = ['used', 'expired', 'revoked', 'unknown'];

export function registerJoinRequestRoutes(app: WebApp, deps: WebDeps): void {
  function refusalPage(c: Context<WebEnv>, err: unknown): Response | Promise<Response> {
    if (!isAppError(err)) throw err;
    noStore(c);
    const ctx = setupPageContext(c);
    if (err.code === 'ALREADY_MAPPED')
      return c.html(<AlreadyMappedPage ctx={ctx} adminPortalUrl={deps.settings.adminPortalUrl} />, 409);
    if (err.code === 'TOKEN_INVALID') {
      const reason = DEAD.find((r) => r === err.details.reason) ?? 'used';
      return c.html(<JoinDeadPage ctx={ctx} reason={reason} />, 410);
    }
    throw err;
  }

  app.get(`/join/${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    try {
      const view = await openJoinRequestLink(deps, token);
      noStore(c);
      const ctx = setupPageContext(c, view.admin.language);
      const decision: JoinDecision = c.req.query('decision') === 'decline' ? 'decline' : 'approve';
      return c.html(<JoinRequestPage ctx={ctx} token={token} view={view} decision={decision} />);
    } catch (e) {
      return refusalPage(c, e);
    }
  });

  for (const decision of ['approve', 'decline'] as const) {
    app.post(`/join/${TOKEN}/${decision}`, async (c) => {
      const token = c.req.param('token');
      try {
        const view = await openJoinRequestLink(deps, token);
        const decided = await decideJoinRequestByLink(deps, token, decision);
        noStore(c);
        const ctx = setupPageContext(c, view.admin.language);
        return c.html(
          <JoinDecidedPage
            ctx={ctx}
            decision={decided.decision}
            contactName={decided.contact.name}
            organizationName={view.organizationName}
            webOrderId={decided.webOrderId}
          />,
        );
      } catch (e) {
        return refusalPage(c, e);
      }
    });
    // The language switch on the answer page asks for it with GET: show the link's page again.
    app.get(`/join/${TOKEN}/${decision}`, (c) => c.redirect(`/join/${c.req.param('token')}`, 303));
  }
}
