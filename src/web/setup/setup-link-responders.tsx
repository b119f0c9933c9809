/**
 * How every /setup/{token} page answers a link it cannot use (dead, already set up, too many
 * requests), and opens a live one in its contact's language.
 */
import type { Context } from 'hono';

import {
  languageOfSetupLink,
  openSetupLink,
  partnerOfSetupLink,
  type SetupView,
} from '../../app/setup/open-setup-link.js';
import { isAppError } from '../../domain/errors.js';
import type { DeadLinkReason } from '../../domain/setup-rules.js';
import type { PageContext } from '../layout.js';
import type { WebDeps, WebEnv } from '../web-env.js';
import { AlreadyMappedPage, DeadLinkPage, RateLimitedPage } from './setup-link-pages.js';
import { noStore, setupPageContext } from './setup-page-context.js';

type Ctx = Context<WebEnv>;

const DEAD_REASONS: readonly DeadLinkReason[] = [
  'unknown',
  'expired',
  'used',
  'resend',
  'contact_change',
  'delegated',
  'cancelled',
  'mapped',
  'revoked',
];

export function setupLinkResponders(deps: WebDeps) {
  /** A refusal of the link (dead, already set up, too many requests) as its own page. */
  async function linkRefusalPage(
    c: Ctx,
    token: string,
    err: unknown,
    opts = { followUsedLink: true },
  ): Promise<Response> {
    if (!isAppError(err)) throw err;
    noStore(c);
    const ctx = setupPageContext(c, (await languageOfSetupLink(deps, token)) ?? undefined);
    if (err.code === 'ALREADY_MAPPED') {
      // Coming back to a link that confirmed the setup shows its outcome; a late confirmation
      // (second click, second tab) is told the order is already set up.
      if (err.details.linkUsed && opts.followUsedLink) return c.redirect(`/setup/${token}/done`, 303);
      return c.html(<AlreadyMappedPage ctx={ctx} adminPortalUrl={deps.settings.adminPortalUrl} />, 409);
    }
    if (err.code === 'TOKEN_INVALID') {
      const said = err.details.revokedReason ?? err.details.reason;
      const reason = DEAD_REASONS.find((r) => r === said) ?? 'revoked';
      const partnerName = reason === 'contact_change' ? await partnerOfSetupLink(deps, token) : null;
      return c.html(
        <DeadLinkPage ctx={ctx} token={token} reason={reason} partnerName={partnerName ?? undefined} />,
        410,
      );
    }
    if (err.code === 'RATE_LIMITED') {
      const seconds = err.details.retryAfterSeconds || 60;
      c.header('Retry-After', String(seconds));
      return c.html(<RateLimitedPage ctx={ctx} retryAfterSeconds={seconds} />, 429);
    }
    throw err;
  }

  /** Opens the link, then renders with the contact's language; a dead link gets its page. */
  async function withView(
    c: Ctx,
    render: (view: SetupView, ctx: PageContext, token: string) => Response | Promise<Response>,
    opts = { followUsedLink: true },
  ): Promise<Response> {
    const token = c.req.param('token') ?? '';
    let view: SetupView;
    try {
      view = await openSetupLink(deps, token);
    } catch (e) {
      return linkRefusalPage(c, token, e, opts);
    }
    noStore(c);
    return render(view, setupPageContext(c, view.provisioningContact.language), token);
  }

  return { linkRefusalPage, withView };
}
