/**
 * Bulk actions on the lines ticked on the order page or the Subscriptions page:
 *   GET  /subscriptions/bulk?action=resend|contact&line=…   confirm the resend, or ask for the contact
 *   POST /subscriptions/bulk/resend                          resend each line, then 303 to the results
 *   POST /subscriptions/bulk/contact                         change each line's contact, then 303 to the results
 *   GET  /subscriptions/bulk/results?r=…                     the per-line results (reload and language
 *                                                            switch show them again, never act again)
 * The confirmation lists the lines that will be refused, and why, before the ones that will go.
 * Each line is its own transaction; the results say which lines were done and why others were refused.
 */
import type { AppDeps } from '../../app/deps.js';
import { bulkChangeProvisioningContact } from '../../app/lines/bulk-change-provisioning-contact.js';
import { bulkLines, type LineResult } from '../../app/lines/bulk-line-results.js';
import { bulkResendProvisioningEmail } from '../../app/lines/bulk-resend-provisioning-email.js';
import type { ContactChangeResult } from '../../app/lines/change-provisioning-contact.js';
import { previewBulkAction } from '../../app/lines/preview-bulk-action.js';
import type { QueuedSend } from '../../app/lines/queue-provisioning-email.js';
import { limitContactChange, limitResend } from '../../app/rate-limits.js';
import { invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { CsrfField } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { type BulkAction, bulkPage, BulkPreviewLists, resultsPage } from './bulk-pages.js';
import { type BulkResultLine, openBulkResults, sealBulkResults } from './bulk-result-token.js';
import {
  ContactFields,
  type ContactValues,
  contactValuesOf,
  type FieldErrors,
  parseContact,
} from './contact-form.js';
import { RefusalMessage } from './refusal.js';
import { safeBack, signedIn, type WebContext } from './workspace-support.js';

const RESULTS_PATH = '/subscriptions/bulk/results';

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

async function contactForm(
  c: WebContext,
  deps: AppDeps,
  user: Actor,
  form: BulkForm,
  values: ContactValues,
  errors: FieldErrors,
): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const invalid = Object.keys(errors).length > 0;
  const preview = await previewBulkAction(deps, user, {
    subscriptionIds: form.lines,
    action: 'change_contact',
  });
  return bulkPage(
    c,
    t('workspace:bulk.contactTitle'),
    <>
      <p>{t('workspace:bulk.contactIntro', { count: preview.going.length })}</p>
      <BulkPreviewLists ctx={ctx} preview={preview} />
      {invalid && (
        <div class="notice bad" role="alert">
          <RefusalMessage ctx={ctx} error={invalidInput([])} />
        </div>
      )}
      {preview.going.length === 0 ? (
        <p>
          <a href={form.back}>{t('workspace:common.back')}</a>
        </p>
      ) : (
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
      )}
    </>,
    invalid ? 400 : 200,
  );
}

/** What the results page keeps of a line's result: ids and refusals; contacts and statuses are read again. */
function refusedLine(r: LineResult<unknown> & { ok: false }): BulkResultLine {
  return {
    subscriptionId: r.subscriptionId,
    refused: { code: r.error.code, details: { ...r.error.details } },
  };
}
const resendLine = (r: LineResult<QueuedSend>): BulkResultLine =>
  r.ok ? { subscriptionId: r.subscriptionId, sendId: r.value.sendId, changed: true } : refusedLine(r);
const contactLine = (r: LineResult<ContactChangeResult>): BulkResultLine =>
  r.ok
    ? {
        subscriptionId: r.subscriptionId,
        sendId: r.value.updated[0]?.sendId ?? null,
        changed: r.value.updated.length > 0,
      }
    : refusedLine(r);

/** POST → 303 → GET: the results travel sealed in the results page's address. */
function toResults(
  c: WebContext,
  deps: AppDeps,
  user: Actor,
  results: { action: BulkAction; back: string; lines: BulkResultLine[] },
): Response | Promise<Response> {
  const sealed = sealBulkResults(c, { ...results, userId: user.userId }, deps.clock.now());
  // (No session cookie to seal under, e.g. a bearer-only client: show them at once.)
  if (!sealed) return resultsPage(c, deps, user, results);
  return c.redirect(`${RESULTS_PATH}?r=${sealed}`, 303);
}

const linesOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

export function registerBulkRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    '/subscriptions/bulk',
    signedIn(async (c, user) => {
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
      const preview = await previewBulkAction(deps, user, { subscriptionIds: form.lines, action: 'resend' });
      return bulkPage(
        c,
        ctx.t('workspace:bulk.resendTitle'),
        <>
          <BulkPreviewLists ctx={ctx} preview={preview} />
          {preview.going.length === 0 ? (
            <p>
              <a href={back}>{ctx.t('workspace:common.back')}</a>
            </p>
          ) : (
            <form method="post" action="/subscriptions/bulk/resend">
              <p>{ctx.t('workspace:bulk.resendQuestion', { count: preview.going.length })}</p>
              <CsrfField ctx={ctx} />
              <HiddenLines lines={form.lines} back={back} />
              <div class="actions">
                <button type="submit">{ctx.t('workspace:resend.yes')}</button>
                <a class="button secondary" href={back}>
                  {ctx.t('workspace:resend.no')}
                </a>
              </div>
            </form>
          )}
        </>,
      );
    }, '/subscriptions'),
  );

  app.get(
    RESULTS_PATH,
    signedIn((c, user) => {
      const results = openBulkResults(c, c.req.query('r') ?? '', user.userId, deps.clock.now());
      if (results)
        return resultsPage(c, deps, user, { ...results, back: safeBack(results.back, '/subscriptions') });
      const ctx = pageContext(c);
      return bulkPage(
        c,
        ctx.t('workspace:bulk.preview.goneTitle'),
        <>
          <p class="notice warn" role="alert">
            {ctx.t('workspace:bulk.preview.gone')}
          </p>
          <p>
            <a href="/subscriptions">{ctx.t('workspace:common.back')}</a>
          </p>
        </>,
        410,
      );
    }),
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
      return toResults(c, deps, user, { action: 'resend', back, lines: results.map(resendLine) });
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
      return toResults(c, deps, user, { action: 'contact', back, lines: results.map(contactLine) });
    }, '/subscriptions'),
  );
}
