/**
 * Resend without JavaScript, and the point-of-no-return explanation:
 *   GET  /subscriptions/:id/resend     the "Resend Confirmation" page (Yes / No)
 *   POST /subscriptions/:id/resend     resend, then back to the page it came from (PRG) with a notice
 *   GET  /subscriptions/:id/onboarded  what Resend and Edit say after the PONR
 */
import type { AppDeps } from '../../app/deps.js';
import { resendProvisioningEmail } from '../../app/lines/resend-provisioning-email.js';
import { getSubscription } from '../../app/orders/get-subscription.js';
import { limitResend } from '../../app/rate-limits.js';
import { Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { isPastPonr, OnboardedText, ResendForm, ResendQuestion } from './line-actions.js';
import { UndeliveredWarning } from './line-attention.js';
import { orderPath, paramOf, safeBack, signedIn, type WebContext, withNotice } from './workspace-support.js';

export const LINE_PATH = '/subscriptions/:subscriptionId{Sub[0-9]+}';

export async function onboardedPage(c: WebContext, deps: AppDeps, subscriptionId: string, back?: string) {
  const ctx = pageContext(c);
  const line = await getSubscription(deps, c.get('user')!, subscriptionId);
  const backTo = back ?? safeBack(c.req.query('back'), orderPath(line));
  return c.html(
    <Layout ctx={ctx} title={ctx.t('workspace:ponr.title')}>
      <h1>{ctx.t('workspace:ponr.title')}</h1>
      <div class="notice warn">
        <OnboardedText
          ctx={ctx}
          adminPortalUrl={line.adminPortalUrl ?? deps.settings.adminPortalUrl}
          organization={line.customerOrganizationName}
        />
      </div>
      <p class="muted">
        {ctx.t('workspace:common.lineOfOrder', {
          subscriptionId: line.subscriptionId,
          webOrderId: line.webOrderId,
        })}
      </p>
      <p>
        <a href={backTo}>{ctx.t('workspace:common.back')}</a>
      </p>
    </Layout>,
  );
}

export function registerResendRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    `${LINE_PATH}/resend`,
    signedIn(async (c, user) => {
      const id = paramOf(c, 'subscriptionId');
      const line = await getSubscription(deps, user, id);
      const back = safeBack(c.req.query('back'), orderPath(line));
      if (isPastPonr(line)) return onboardedPage(c, deps, id, back);
      const ctx = pageContext(c);
      return c.html(
        <Layout ctx={ctx} title={ctx.t('workspace:resend.title')}>
          <h1>{ctx.t('workspace:resend.title')}</h1>
          <div class="card narrow">
            <p class="muted">
              {ctx.t('workspace:common.lineOfOrder', {
                subscriptionId: line.subscriptionId,
                webOrderId: line.webOrderId,
              })}
            </p>
            <UndeliveredWarning
              ctx={ctx}
              subscriptionId={id}
              undeliveredEmail={line.undeliveredEmail}
              back={back}
            />
            <ResendQuestion ctx={ctx} email={line.provisioningContact.email} />
            <ResendForm ctx={ctx} subscriptionId={id} back={back} inDialog={false} />
          </div>
        </Layout>,
      );
    }),
  );

  app.post(
    `${LINE_PATH}/resend`,
    signedIn(async (c, user) => {
      const id = paramOf(c, 'subscriptionId');
      const form = await c.req.parseBody();
      const back = safeBack(form['back'], `/subscriptions/${id}`);
      c.set('back', back);
      await limitResend(deps, user);
      const send = await resendProvisioningEmail(deps, user, { subscriptionId: id });
      return c.redirect(withNotice(back, { sent: send.sendId, line: id }), 303);
    }),
  );

  app.get(
    `${LINE_PATH}/onboarded`,
    signedIn((c) => onboardedPage(c, deps, paramOf(c, 'subscriptionId'))),
  );
}
