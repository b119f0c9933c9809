/**
 * Bulk actions on the lines ticked on the order page or the Subscriptions page:
 *   GET  /subscriptions/bulk?action=resend|contact&line=…   confirm the resend, or ask for the contact
 *   POST /subscriptions/bulk/resend                          resend each line, then the per-line summary
 *   POST /subscriptions/bulk/contact                         change each line's contact, then the summary
 * Each line is its own transaction; the summary says which lines were done and why others were refused.
 */
import type { AppDeps } from '../../app/deps.js';
import { bulkChangeProvisioningContact } from '../../app/lines/bulk-change-provisioning-contact.js';
import { bulkLines } from '../../app/lines/bulk-line-results.js';
import { bulkResendProvisioningEmail } from '../../app/lines/bulk-resend-provisioning-email.js';
import { limitContactChange, limitResend } from '../../app/rate-limits.js';
import { invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { CsrfField } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { type BulkAction, bulkPage, SelectedLines, summaryPage } from './bulk-pages.js';
import {
  ContactFields,
  type ContactValues,
  contactValuesOf,
  type FieldErrors,
  parseContact,
} from './contact-form.js';
import { RefusalMessage } from './refusal.js';
import { type PageResponse, safeBack, signedIn, type WebContext } from './workspace-support.js';

interface BulkForm {
  action: BulkAction;
  lines: string[];
  back: string;
}

function HiddenLines(props: { lines: string[]; back: string }) {
  return (
    <>
      <input type="hidden" name="back" value={props.back} />
      {props.lines.map((id) => (
        <input type="hidden" name="line" value={id} />
      ))}
    </>
  );
}

function contactForm(
  c: WebContext,
  deps: AppDeps,
  user: Actor,
  form: BulkForm,
  values: ContactValues,
  errors: FieldErrors,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const invalid = Object.keys(errors).length > 0;
  return bulkPage(
    c,
    t('workspace:bulk.contactTitle'),
    <>
      <p>{t('workspace:bulk.contactIntro', { count: form.lines.length })}</p>
      <SelectedLines ctx={ctx} deps={deps} user={user} lines={form.lines} />
      {invalid && (
        <div class="notice bad" role="alert">
          <RefusalMessage ctx={ctx} error={invalidInput([])} />
        </div>
      )}
      <div class="card narrow">
        <form method="post" action="/subscriptions/bulk/contact" novalidate>
          <CsrfField ctx={ctx} />
          <HiddenLines lines={form.lines} back={form.back} />
          <ContactFields ctx={ctx} values={values} errors={errors} />
          <div class="actions">
            <button type="submit">{t('workspace:contact.save')}</button>
            <a class="button secondary" href={form.back}>
              {t('workspace:common.cancel')}
            </a>
          </div>
        </form>
      </div>
    </>,
    invalid ? 400 : 200,
  );
}

const linesOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

export function registerBulkRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    '/subscriptions/bulk',
    signedIn((c, user) => {
      const back = safeBack(c.req.query('back'), '/subscriptions');
      c.set('back', back);
      const ctx = pageContext(c);
      const action = c.req.query('action') === 'contact' ? 'contact' : 'resend';
      const raw = c.req.queries('line') ?? [];
      if (raw.length === 0)
        return bulkPage(
          c,
          ctx.t(`workspace:bulk.${action}`),
          <>
            <p class="notice warn" role="alert">
              {ctx.t('workspace:bulk.noneSelected')}
            </p>
            <p>
              <a href={back}>{ctx.t('workspace:common.back')}</a>
            </p>
          </>,
          400,
        );
      const form: BulkForm = { action, lines: bulkLines(raw), back };
      if (action === 'contact')
        return contactForm(c, deps, user, form, { name: '', email: '', language: ctx.language }, {});
      return bulkPage(
        c,
        ctx.t('workspace:bulk.resendTitle'),
        <>
          <p>{ctx.t('workspace:bulk.resendQuestion', { count: form.lines.length })}</p>
          <SelectedLines ctx={ctx} deps={deps} user={user} lines={form.lines} />
          <form method="post" action="/subscriptions/bulk/resend">
            <CsrfField ctx={ctx} />
            <HiddenLines lines={form.lines} back={back} />
            <div class="actions">
              <button type="submit">{ctx.t('workspace:resend.yes')}</button>
              <a class="button secondary" href={back}>
                {ctx.t('workspace:resend.no')}
              </a>
            </div>
          </form>
        </>,
      );
    }, '/subscriptions'),
  );

  app.post(
    '/subscriptions/bulk/resend',
    signedIn(async (c, user) => {
      const body = await c.req.parseBody({ all: true });
      const back = safeBack(body['back'], '/subscriptions');
      c.set('back', back);
      await limitResend(deps, user);
      const results = await bulkResendProvisioningEmail(deps, user, {
        subscriptionIds: linesOf(body['line']),
      });
      return summaryPage(c, 'resend', back, results);
    }, '/subscriptions'),
  );

  app.post(
    '/subscriptions/bulk/contact',
    signedIn(async (c, user) => {
      const body = await c.req.parseBody({ all: true });
      const back = safeBack(body['back'], '/subscriptions');
      c.set('back', back);
      const form: BulkForm = { action: 'contact', lines: bulkLines(linesOf(body['line'])), back };
      const values = contactValuesOf(body);
      const { contact, errors } = parseContact(values, c.get('t'));
      if (!contact) return contactForm(c, deps, user, form, values, errors);
      await limitContactChange(deps, user);
      const results = await bulkChangeProvisioningContact(deps, user, {
        subscriptionIds: form.lines,
        contact,
      });
      return summaryPage(c, 'contact', back, results, contact);
    }, '/subscriptions'),
  );
}
