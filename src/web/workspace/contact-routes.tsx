/**
 * Edit the provisioning contact of one line (or, with "Apply to all lines", of its whole order):
 *   GET  /subscriptions/:id/contact   the form, filled with the current contact
 *   POST /subscriptions/:id/contact   save, then back (PRG); field errors are shown inline and
 *                                     nothing is saved
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { changeProvisioningContact } from '../../app/lines/change-provisioning-contact.js';
import { getSubscription, type SubscriptionDetail } from '../../app/orders/get-subscription.js';
import { limitContactChange } from '../../app/rate-limits.js';
import { type AppError, invalidInput, isAppError } from '../../domain/errors.js';
import { CsrfField, Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import {
  ContactFields,
  type ContactValues,
  contactValuesOf,
  type FieldErrors,
  parseContact,
} from './contact-form.js';
import { isPastPonr } from './line-actions.js';
import { RefusalMessage } from './refusal.js';
import { LINE_PATH, onboardedPage } from './resend-routes.js';
import {
  orderPath,
  type PageResponse,
  paramOf,
  safeBack,
  signedIn,
  type WebContext,
  withNotice,
} from './workspace-support.js';

/** Refusals that get a page of their own (status, placer, admin portal) rather than a form notice. */
const PAGE_REFUSALS = new Set(['NO_ACCESS', 'NOT_FOUND', 'PAST_PONR']);

function editPage(
  c: WebContext,
  line: SubscriptionDetail,
  back: string,
  form: { values: ContactValues; applyToAll: boolean; errors: FieldErrors; refusal?: AppError },
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const invalid = Object.keys(form.errors).length > 0;
  return c.html(
    <Layout ctx={ctx} title={t('workspace:contact.title')}>
      <h1>{t('workspace:contact.title')}</h1>
      <p class="muted">
        {t('workspace:common.lineOfOrder', {
          subscriptionId: line.subscriptionId,
          webOrderId: line.webOrderId,
        })}
        {' · '}
        {line.endCustomerName}
      </p>
      {(invalid || form.refusal) && (
        <div class="notice bad" role="alert">
          <RefusalMessage ctx={ctx} error={form.refusal ?? invalidInput([])} />
        </div>
      )}
      <div class="card narrow">
        <form method="post" action={`/subscriptions/${line.subscriptionId}/contact`} novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="back" value={back} />
          <ContactFields ctx={ctx} values={form.values} errors={form.errors} />
          <label class="check">
            <input type="checkbox" name="applyToAllLines" value="true" checked={form.applyToAll} />
            {t('workspace:contact.applyToAll')}
          </label>
          <p class="muted small">{t('workspace:contact.applyToAllHint', { webOrderId: line.webOrderId })}</p>
          <div class="actions">
            <button type="submit">{t('workspace:contact.save')}</button>
            <a class="button secondary" href={back}>
              {t('workspace:common.cancel')}
            </a>
          </div>
        </form>
      </div>
    </Layout>,
    status,
  );
}

export function registerContactRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    `${LINE_PATH}/contact`,
    signedIn(async (c, user) => {
      const line = await getSubscription(deps, user, paramOf(c, 'subscriptionId'));
      const back = safeBack(c.req.query('back'), orderPath(line));
      if (isPastPonr(line)) return onboardedPage(c, deps, line.subscriptionId, back);
      const { name, email, language } = line.provisioningContact;
      return editPage(c, line, back, { values: { name, email, language }, applyToAll: false, errors: {} });
    }),
  );

  app.post(
    `${LINE_PATH}/contact`,
    signedIn(async (c, user) => {
      const id = paramOf(c, 'subscriptionId');
      const body = await c.req.parseBody();
      const back = safeBack(body['back'], `/subscriptions/${id}`);
      c.set('back', back);
      const values = contactValuesOf(body);
      const applyToAll = body['applyToAllLines'] === 'true';
      const { contact, errors } = parseContact(values, c.get('t'));
      if (!contact) {
        const line = await getSubscription(deps, user, id);
        return editPage(c, line, back, { values, applyToAll, errors }, 400);
      }
      await limitContactChange(deps, user);
      try {
        const result = await changeProvisioningContact(deps, user, {
          subscriptionId: id,
          contact,
          applyToAllLines: applyToAll,
        });
        // This line's send, and with "Apply to all lines" the others': the notice counts their e-mails.
        const own = result.updated.find((u) => u.subscriptionId === id)?.sendId;
        const others = result.updated.flatMap((u) => (u.sendId && u.sendId !== own ? [u.sendId] : []));
        const sent = [...(own ? [own] : []), ...others].slice(0, 20).join('.') || undefined;
        return c.redirect(withNotice(back, { changed: id, all: applyToAll ? '1' : undefined, sent }), 303);
      } catch (e) {
        // A refusal that leaves the form worth keeping (e.g. the line closed meanwhile) stays on it.
        if (!isAppError(e) || PAGE_REFUSALS.has(e.code)) throw e;
        const line = await getSubscription(deps, user, id);
        return editPage(
          c,
          line,
          back,
          { values, applyToAll, errors: {}, refusal: e },
          e.status as ContentfulStatusCode,
        );
      }
    }),
  );
}
