/**
 * "Open a case" (multipart, works without JavaScript):
 *   GET  /support/new   the form; signed out, a provisioning contact also gives their e-mail
 *   POST /support/new   open the case; field problems (a bad screenshot included) re-show the
 *                       form with each message next to its field, and nothing is stored
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import {
  type CaseRequester,
  contactRequesterSchema,
  openSupportCase,
  openSupportCaseSchema,
} from '../../app/support/open-support-case.js';
import { type AppError, invalidInput, isAppError } from '../../domain/errors.js';
import { CASE_TYPES, MAX_SCREENSHOTS, type ScreenshotUpload } from '../../domain/support-case.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { clientIp } from '../setup/setup-page-context.js';
import { RefusalMessage } from '../workspace/refusal.js';
import type { WebContext } from '../workspace/workspace-support.js';
import { casePath } from './case-components.js';

type Field = 'email' | 'type' | 'reference' | 'description' | 'screenshots';
type Values = Record<Exclude<Field, 'screenshots'>, string>;
type Errors = Partial<Record<Field, string[]>>;

const str = (v: unknown, max = 6000) => (typeof v === 'string' ? v.slice(0, max) : '');

/** What follows a control: its hint (when it has one), then its error messages (when any). */
export function FieldNotes(props: { id: string; hint?: string; messages: string[] | undefined }) {
  return (
    <>
      {props.hint && (
        <p id={`${props.id}-hint`} class="muted small">
          {props.hint}
        </p>
      )}
      {props.messages?.length ? (
        <div id={`${props.id}-error`} class="field-error">
          {props.messages.map((m) => (
            <p>{m}</p>
          ))}
        </div>
      ) : null}
    </>
  );
}

const describedBy = (id: string, errors: Errors, field: Field, hint?: boolean) =>
  [errors[field]?.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
  undefined;

function OpenCaseForm(props: { ctx: PageContext; values: Values; errors: Errors }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const invalid = (f: Field) => (errors[f]?.length ? 'true' : undefined);
  return (
    <form method="post" action="/support/new" enctype="multipart/form-data" class="card" novalidate>
      <CsrfField ctx={ctx} />
      {!ctx.user && (
        <>
          <label for="case-email">{t('support:form.email')}</label>
          <input
            id="case-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            value={values.email}
            aria-invalid={invalid('email')}
            aria-describedby={describedBy('case-email', errors, 'email')}
          />
          <FieldNotes id="case-email" messages={errors.email} />
        </>
      )}
      <label for="case-type">{t('support:form.type')}</label>
      <select id="case-type" name="type">
        {CASE_TYPES.map((type) => (
          <option value={type} selected={values.type === type}>
            {t(`support:type.${type}`)}
          </option>
        ))}
      </select>
      <label for="case-reference">{t('support:form.reference')}</label>
      <input
        id="case-reference"
        name="reference"
        type="text"
        required
        value={values.reference}
        aria-invalid={invalid('reference')}
        aria-describedby={describedBy('case-reference', errors, 'reference', true)}
      />
      <FieldNotes id="case-reference" hint={t('support:form.referenceHint')} messages={errors.reference} />
      <label for="case-description">{t('support:form.description')}</label>
      <textarea
        id="case-description"
        name="description"
        rows={6}
        required
        aria-invalid={invalid('description')}
        aria-describedby={describedBy('case-description', errors, 'description')}
      >
        {values.description}
      </textarea>
      <FieldNotes id="case-description" messages={errors.description} />
      <label for="case-screenshots">{t('support:form.screenshots')}</label>
      <input
        id="case-screenshots"
        name="screenshots"
        type="file"
        multiple
        accept="image/png,image/jpeg,image/webp"
        aria-invalid={invalid('screenshots')}
        aria-describedby={describedBy('case-screenshots', errors, 'screenshots', true)}
      />
      <FieldNotes
        id="case-screenshots"
        hint={t('support:form.screenshotsHint')}
        messages={errors.screenshots}
      />
      <p>
        <button type="submit">{t('support:form.submit')}</button>
      </p>
    </form>
  );
}

function formPage(
  c: WebContext,
  values: Values,
  errors: Errors,
  refusal?: AppError,
  status: ContentfulStatusCode = 200,
) {
  const ctx = pageContext(c);
  const { t } = ctx;
  const invalid = Object.keys(errors).length > 0;
  return c.html(
    <Layout ctx={ctx} title={t('support:form.title')}>
      <h1>{t('support:form.title')}</h1>
      <p class="lead">{t('support:form.intro')}</p>
      {!ctx.user && <p>{t('support:form.contactIntro')}</p>}
      {(invalid || refusal) && (
        <div class="notice bad" role="alert">
          {refusal ? <RefusalMessage ctx={ctx} error={refusal} /> : t('support:form.fix')}
        </div>
      )}
      <OpenCaseForm ctx={ctx} values={values} errors={errors} />
    </Layout>,
    status,
  );
}

export function openCaseFormPage(c: WebContext) {
  const type = c.req.query('type') ?? '';
  return formPage(
    c,
    {
      email: '',
      type: (CASE_TYPES as readonly string[]).includes(type) ? type : 'resend_provisioning_email',
      reference: str(c.req.query('reference'), 64),
      description: '',
    },
    {},
  );
}

/** The field messages of an INVALID_INPUT, in the page's language. */
function fieldErrors(t: PageContext['t'], error: AppError<'INVALID_INPUT'>): Errors {
  const errors: Errors = {};
  for (const issue of error.details.issues) {
    const field = issue.path.split(/[.[]/)[0] as Field;
    const message = issue.reason
      ? t(`support:form.error.${issue.reason}`, { filename: issue.filename })
      : field === 'email'
        ? t('support:form.error.email')
        : t('support:form.error.required', { field: t(`support:form.${field}`) });
    (errors[field] ??= []).push(message);
  }
  return errors;
}

export async function uploadsOf(form: Record<string, unknown>): Promise<ScreenshotUpload[]> {
  const raw = form['screenshots'];
  const files = (Array.isArray(raw) ? raw : [raw]).filter(
    (f): f is File => f instanceof File && (f.size > 0 || f.name !== ''),
  );
  // More than allowed: refuse without reading them all into memory.
  const read = files.slice(0, MAX_SCREENSHOTS + 1);
  return Promise.all(
    read.map(async (f) => ({ filename: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export async function submitOpenCase(c: WebContext, deps: AppDeps): Promise<Response> {
  const form = await c.req.parseBody({ all: true });
  const values: Values = {
    email: str(form['email'], 254).trim(),
    type: str(form['type'], 64),
    reference: str(form['reference'], 64).trim(),
    description: str(form['description']),
  };
  const t = c.get('t');
  const user = c.get('user');
  try {
    const parsed = openSupportCaseSchema.safeParse(values);
    const contact = user ? null : contactRequesterSchema.safeParse({ email: values.email });
    const issues = [
      ...(contact && !contact.success ? [{ path: 'email', message: 'is not an e-mail address' }] : []),
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message }))),
    ];
    if (issues.length > 0 || !parsed.success) throw invalidInput(issues);
    const requester: CaseRequester = user ? { actor: user } : { contactEmail: values.email, ip: clientIp(c) };
    const { caseId } = await openSupportCase(deps, requester, {
      ...parsed.data,
      screenshots: await uploadsOf(form),
    });
    if (user && caseId) return c.redirect(`${casePath(caseId)}?opened=1`, 303);
    const ctx = pageContext(c);
    return c.html(
      <Layout ctx={ctx} title={t('support:sent.title')}>
        <h1>{t('support:sent.title')}</h1>
        <p class="notice ok" role="status">
          {t('support:sent.body', { email: values.email })}
        </p>
      </Layout>,
    );
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'INVALID_INPUT') return formPage(c, values, fieldErrors(t, e), undefined, 400);
    if (e.code === 'NOT_FOUND' || e.code === 'NO_ACCESS')
      return formPage(c, values, { reference: [t('support:form.error.referenceUnknown')] }, undefined, 400);
    return formPage(c, values, {}, e, e.status as ContentfulStatusCode);
  }
}
