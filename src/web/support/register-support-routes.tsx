/**
 * Support cases on the web:
 *   GET  /support                                   a requester's cases (agents: the queue)
 *   GET  /support/new, POST /support/new            open a case (signed in, or as a provisioning contact)
 *   GET  /support/queue                             agents: every case, with filters
 *   GET  /support/cases/:caseId                     the case (requester, key holder or agent)
 *   GET  /support/cases/:caseId/screenshots/:id     a screenshot, with safe headers
 *   POST /support/cases/:caseId/replies             the requester's reply, with screenshots (PRG)
 *   GET  /support/cases/:caseId/resend              agents: confirm "Resend on behalf"
 *   POST /support/cases/:caseId/{resend,contact,reply,status}   agents' actions (PRG)
 */
import { z } from 'zod';

import type { AppDeps } from '../../app/deps.js';
import { limitContactChange, limitResend } from '../../app/rate-limits.js';
import { changeContactForSupportCase } from '../../app/support/change-contact-for-support-case.js';
import { getSupportScreenshot } from '../../app/support/get-support-screenshot.js';
import { replySchema, replyToSupportCase } from '../../app/support/reply-to-support-case.js';
import { resendForSupportCase } from '../../app/support/resend-for-support-case.js';
import { setSupportCaseStatus } from '../../app/support/set-support-case-status.js';
import { invalidInput } from '../../domain/errors.js';
import { CASE_STATUSES } from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import type { WebApp } from '../web-env.js';
import { contactValuesOf, parseContact } from '../workspace/contact-form.js';
import { paramOf, signedIn, toSignIn, type WebContext } from '../workspace/workspace-support.js';
import { casePath } from './case-components.js';
import { myCasesPage, queuePage } from './case-list-pages.js';
import { casePage } from './case-page.js';
import { openCaseFormPage, submitOpenCase } from './open-case-page.js';
import { submitRequesterReply } from './requester-reply.js';
import { resendOnBehalfConfirmPage } from './resend-on-behalf.js';

const CASE = '/support/cases/:caseId{CS[0-9]+}';

/** What a screenshot may do when opened on its own: nothing but be an image. */
const SCREENSHOT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

const invalid = (path: string) => invalidInput(path, 'is not valid');
const field = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? (form[name] as string) : '';

/** An agent's action: run it, then back to the case with a notice; a refusal gets its own page. */
function agentAction(
  deps: AppDeps,
  done: string,
  run: (c: WebContext, user: Actor, caseId: string, form: Record<string, unknown>) => Promise<unknown>,
) {
  return signedIn(async (c, user) => {
    const caseId = paramOf(c, 'caseId');
    const form = await c.req.parseBody();
    c.set('back', casePath(caseId));
    await run(c, user, caseId, form);
    return c.redirect(`${casePath(caseId)}?done=${done}`, 303);
  });
}

export function registerSupportRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    '/support',
    signedIn((c, user) => myCasesPage(c, deps, user)),
  );
  app.get('/support/new', (c) => openCaseFormPage(c));
  app.post('/support/new', (c) => submitOpenCase(c, deps));
  app.get(
    '/support/queue',
    signedIn((c, user) => queuePage(c, deps, user)),
  );
  app.get(CASE, (c) => {
    const caseId = paramOf(c, 'caseId');
    // Signed out and no key: sign in first (a contact's link always carries its key).
    if (!c.get('user') && !c.req.query('key')) return toSignIn(c);
    return casePage(c, deps, caseId);
  });
  app.get(`${CASE}/screenshots/:screenshotId{CS[0-9]+-[0-9]+}`, async (c) => {
    const user = c.get('user');
    const key = c.req.query('key');
    const shot = await getSupportScreenshot(deps, user && !key ? { actor: user } : { key: key ?? '' }, {
      caseId: paramOf(c, 'caseId'),
      screenshotId: paramOf(c, 'screenshotId'),
    });
    return c.body(new Uint8Array(shot.content), 200, {
      'content-type': shot.contentType,
      'x-content-type-options': 'nosniff',
      // Only a small, measured image is shown by the browser; anything else is a download.
      'content-disposition': `${shot.inline ? 'inline' : 'attachment'}; filename="${shot.filename}"`,
      'content-security-policy': SCREENSHOT_CSP,
      'cache-control': 'private, no-store',
    });
  });

  app.post(`${CASE}/replies`, (c) => {
    const caseId = paramOf(c, 'caseId');
    if (!c.get('user') && !c.req.query('key')) return toSignIn(c, casePath(caseId));
    return submitRequesterReply(c, deps, (state, status) => casePage(c, deps, caseId, state, status));
  });
  app.get(
    `${CASE}/resend`,
    signedIn((c, user) => resendOnBehalfConfirmPage(c, deps, user, paramOf(c, 'caseId'))),
  );
  app.post(
    `${CASE}/resend`,
    // An agent's resends and contact changes count against their limits like anyone's.
    agentAction(deps, 'resent', async (_c, user, caseId, form) => {
      await limitResend(deps, user);
      return resendForSupportCase(deps, user, { caseId, subscriptionId: field(form, 'subscriptionId') });
    }),
  );
  app.post(
    `${CASE}/contact`,
    agentAction(deps, 'contact', async (c, user, caseId, form) => {
      const { contact } = parseContact(contactValuesOf(form), c.get('t'));
      if (!contact) throw invalid('provisioningContact');
      await limitContactChange(deps, user);
      return changeContactForSupportCase(deps, user, {
        caseId,
        subscriptionId: field(form, 'subscriptionId'),
        contact,
      });
    }),
  );
  app.post(
    `${CASE}/reply`,
    agentAction(deps, 'replied', (_c, user, caseId, form) => {
      const parsed = replySchema.safeParse({
        body: field(form, 'body'),
        status: field(form, 'status') || undefined,
      });
      if (!parsed.success) throw invalid('body');
      return replyToSupportCase(deps, user, { caseId, ...parsed.data });
    }),
  );
  app.post(
    `${CASE}/status`,
    agentAction(deps, 'status', (_c, user, caseId, form) => {
      const parsed = z.enum(CASE_STATUSES).safeParse(field(form, 'status'));
      if (!parsed.success) throw invalid('status');
      return setSupportCaseStatus(deps, user, { caseId, status: parsed.data });
    }),
  );
}
