/**
 * /settings/webhooks: the organization's endpoints with the add form (the delivery log is
 * webhook-delivery-log-page.tsx). Server-rendered; Delete and Rotate secret ask in a <dialog>
 * when scripts run. A new secret (an endpoint added, a secret rotated) is shown on this answer only.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { WebhookEndpointView } from '../../app/webhooks/list-webhook-endpoints.js';
import { DEFAULT_SECRET_OVERLAP_HOURS } from '../../app/webhooks/rotate-webhook-secret.js';
import type { AppError } from '../../domain/errors.js';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhook-events.js';
import { ConfirmedPost } from '../confirm-dialog.js';
import { DataTable } from '../data-table.js';
import { FieldNote, noteIdOf } from '../field-note.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { RefusalMessage } from './refusal.js';
import { formatDateTime, type PageResponse, type WebContext } from './workspace-support.js';

export const WEBHOOKS_PATH = '/settings/webhooks';

export type EndpointField = 'url' | 'description' | 'secret';
export type EndpointValues = Record<EndpointField, string>;
export type EndpointErrors = Partial<Record<EndpointField, string>>;

export interface EndpointForm {
  values: EndpointValues;
  errors: EndpointErrors;
  refusal?: AppError;
}

export const EMPTY_FORM: EndpointForm = { values: { url: '', description: '', secret: '' }, errors: {} };

function FormField(props: { ctx: PageContext; field: EndpointField; form: EndpointForm; hint?: string }) {
  const { ctx, field, form } = props;
  const error = form.errors[field];
  const id = `webhook-${field}`;
  return (
    <>
      <label for={id}>{ctx.t(`workspace:webhooks.add.${field}`)}</label>
      <input
        id={id}
        name={field}
        type={field === 'url' ? 'url' : 'text'}
        autocomplete="off"
        required={field === 'url'}
        value={form.values[field]}
        aria-invalid={error || (field === 'url' && form.refusal) ? 'true' : undefined}
        aria-describedby={noteIdOf(id, error, props.hint)}
      />
      <FieldNote id={id} error={error} hint={props.hint} />
    </>
  );
}

function DeleteForm(props: { ctx: PageContext; endpoint: WebhookEndpointView }) {
  const { t } = props.ctx;
  const dialogId = `delete-${props.endpoint.endpointId}`;
  return (
    <ConfirmedPost
      ctx={props.ctx}
      id={dialogId}
      action={`${WEBHOOKS_PATH}/${props.endpoint.endpointId}/delete`}
      button={t('workspace:webhooks.delete')}
      buttonLabel={`${t('workspace:webhooks.delete')} ${props.endpoint.url}`}
      title={t('workspace:webhooks.deleteConfirm.title')}
      yes={t('workspace:webhooks.deleteConfirm.yes')}
      no={t('workspace:webhooks.deleteConfirm.no')}
    >
      <p>
        <code>{props.endpoint.url}</code>
      </p>
      <p>{t('workspace:webhooks.deleteConfirm.body')}</p>
    </ConfirmedPost>
  );
}

/** "Rotate secret": a new secret, the current one still signing for the default overlap. */
function RotateForm(props: { ctx: PageContext; endpoint: WebhookEndpointView }) {
  const { t } = props.ctx;
  return (
    <ConfirmedPost
      ctx={props.ctx}
      id={`rotate-${props.endpoint.endpointId}`}
      action={`${WEBHOOKS_PATH}/${props.endpoint.endpointId}/rotate-secret`}
      button={t('workspace:webhooks.rotate')}
      buttonLabel={`${t('workspace:webhooks.rotate')} ${props.endpoint.url}`}
      title={t('workspace:webhooks.rotateConfirm.title')}
      yes={t('workspace:webhooks.rotateConfirm.yes')}
      no={t('workspace:webhooks.rotateConfirm.no')}
    >
      <p>
        <code>{props.endpoint.url}</code>
      </p>
      <p>{t('workspace:webhooks.rotateConfirm.body', { hours: DEFAULT_SECRET_OVERLAP_HOURS })}</p>
    </ConfirmedPost>
  );
}

function EndpointsTable(props: { ctx: PageContext; endpoints: WebhookEndpointView[] }) {
  const { t, language } = props.ctx;
  const col = (key: string) => t(`workspace:webhooks.col.${key}`);
  if (props.endpoints.length === 0) return <p class="muted">{t('workspace:webhooks.none')}</p>;
  return (
    <DataTable
      caption={t('workspace:webhooks.endpoints')}
      columns={['url', 'description', 'created', 'actions'].map(col)}
    >
      {props.endpoints.map((e) => (
        <tr>
          <td data-label={col('url')}>
            <code>{e.url}</code>
          </td>
          <td data-label={col('description')}>{e.description}</td>
          <td data-label={col('created')}>
            <time datetime={e.createdAt}>{formatDateTime(e.createdAt, language)}</time>
          </td>
          <td data-label={col('actions')}>
            <div class="line-actions">
              <a href={`${WEBHOOKS_PATH}/${e.endpointId}`}>{t('workspace:webhooks.log.link')}</a>
              <RotateForm ctx={props.ctx} endpoint={e} />
              <DeleteForm ctx={props.ctx} endpoint={e} />
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function webhooksPage(
  c: WebContext,
  endpoints: WebhookEndpointView[],
  opts: {
    form?: EndpointForm;
    created?: { url: string; secret: string };
    rotated?: { url: string; secret: string; previousSecretExpiresAt: string | null };
    deleted?: boolean;
  } = {},
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const form = opts.form ?? EMPTY_FORM;
  const invalid = Object.keys(form.errors).length > 0 || form.refusal;
  return c.html(
    <Layout ctx={ctx} title={t('workspace:webhooks.title')}>
      <h1>{t('workspace:webhooks.title')}</h1>
      {opts.created && (
        <div class="notice ok" role="status">
          <p>{t('workspace:webhooks.created')}</p>
          <dl class="facts">
            <dt>{t('workspace:webhooks.col.url')}</dt>
            <dd>
              <code>{opts.created.url}</code>
            </dd>
            <dt>{t('workspace:webhooks.secret')}</dt>
            <dd>
              <code class="webhook-secret">{opts.created.secret}</code>
            </dd>
          </dl>
        </div>
      )}
      {opts.rotated && (
        <div class="notice ok" role="status">
          <p>
            {opts.rotated.previousSecretExpiresAt
              ? t('workspace:webhooks.rotated', {
                  until: formatDateTime(opts.rotated.previousSecretExpiresAt, ctx.language),
                })
              : t('workspace:webhooks.rotatedAtOnce')}
          </p>
          <dl class="facts">
            <dt>{t('workspace:webhooks.col.url')}</dt>
            <dd>
              <code>{opts.rotated.url}</code>
            </dd>
            <dt>{t('workspace:webhooks.newSecret')}</dt>
            <dd>
              <code class="webhook-secret">{opts.rotated.secret}</code>
            </dd>
          </dl>
        </div>
      )}
      {opts.deleted && (
        <p class="notice ok" role="status">
          {t('workspace:webhooks.deleted')}
        </p>
      )}
      <p class="lead">{t('workspace:webhooks.intro')}</p>
      <p class="muted small">
        {t('workspace:webhooks.events', {
          events: WEBHOOK_EVENT_TYPES.filter((e) => e !== 'webhook.test').join(', '),
        })}
      </p>
      <section class="card titled" aria-labelledby="webhooks-endpoints">
        <h2 id="webhooks-endpoints">{t('workspace:webhooks.endpoints')}</h2>
        <EndpointsTable ctx={ctx} endpoints={endpoints} />
      </section>
      <section class="card titled narrow" aria-labelledby="webhooks-add">
        <h2 id="webhooks-add">{t('workspace:webhooks.add.title')}</h2>
        {invalid && (
          <div class="notice bad" role="alert">
            {form.refusal ? (
              <RefusalMessage ctx={ctx} error={form.refusal} />
            ) : (
              Object.values(form.errors).map((e) => <p>{e}</p>)
            )}
          </div>
        )}
        <form method="post" action={WEBHOOKS_PATH} novalidate>
          <CsrfField ctx={ctx} />
          <FormField ctx={ctx} field="url" form={form} hint={t('workspace:webhooks.add.urlHint')} />
          <FormField ctx={ctx} field="description" form={form} />
          <FormField ctx={ctx} field="secret" form={form} hint={t('workspace:webhooks.add.secretHint')} />
          <div class="actions">
            <button type="submit">{t('workspace:webhooks.add.submit')}</button>
          </div>
        </form>
      </section>
      <section class="card titled" aria-labelledby="webhooks-signature">
        <h2 id="webhooks-signature">{t('workspace:webhooks.signatureTitle')}</h2>
        <p>{t('workspace:webhooks.signature')}</p>
      </section>
    </Layout>,
    status,
  );
}
