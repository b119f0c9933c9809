/**
 * /settings/webhooks pages: the organization's endpoints with the add form, and one endpoint's
 * delivery log with "Send test event". Server-rendered; Delete asks in a <dialog> when scripts run.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { WebhookDeliveryView } from '../../app/webhooks/list-webhook-deliveries.js';
import type { WebhookEndpointView } from '../../app/webhooks/list-webhook-endpoints.js';
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
  opts: { form?: EndpointForm; created?: { url: string; secret: string }; deleted?: boolean } = {},
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

function lastResult(d: WebhookDeliveryView): string {
  const last = d.attemptLog.at(-1);
  if (!last) return '—';
  return last.error ?? `HTTP ${last.responseStatus ?? ''}`;
}

export function deliveryLogPage(
  c: WebContext,
  endpoint: WebhookEndpointView,
  deliveries: WebhookDeliveryView[],
  queued: boolean,
): PageResponse {
  const ctx = pageContext(c);
  const { t, language } = ctx;
  const col = (key: string) => t(`workspace:webhooks.log.col.${key}`);
  const when = (iso: string | null) =>
    iso ? <time datetime={iso}>{formatDateTime(iso, language)}</time> : '—';
  return c.html(
    <Layout ctx={ctx} title={t('workspace:webhooks.log.title')}>
      <p class="crumbs">
        <a href={WEBHOOKS_PATH}>{t('workspace:webhooks.back')}</a>
      </p>
      <h1>{t('workspace:webhooks.log.title')}</h1>
      {queued && (
        <p class="notice ok" role="status">
          {t('workspace:webhooks.testQueued')}
        </p>
      )}
      <p class="muted">{t('workspace:webhooks.log.of', { url: endpoint.url })}</p>
      <form method="post" action={`${WEBHOOKS_PATH}/${endpoint.endpointId}/test`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('workspace:webhooks.sendTest')}</button>
      </form>
      {deliveries.length === 0 ? (
        <p class="muted">{t('workspace:webhooks.log.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data stack">
            <caption class="sr-only">{t('workspace:webhooks.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{col('event')}</th>
                <th scope="col">{col('status')}</th>
                <th scope="col">{col('attempts')}</th>
                <th scope="col">{col('lastResult')}</th>
                <th scope="col">{col('created')}</th>
                <th scope="col">{col('next')}</th>
                <th scope="col">{col('delivery')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr>
                  <td data-label={col('event')}>
                    <code>{d.eventType}</code>
                  </td>
                  <td data-label={col('status')}>
                    <span class={`badge webhook-${d.status}`}>
                      {t(`workspace:webhooks.status.${d.status}`)}
                    </span>
                  </td>
                  <td data-label={col('attempts')}>{d.attempts}</td>
                  <td data-label={col('lastResult')}>{lastResult(d)}</td>
                  <td data-label={col('created')}>{when(d.createdAt)}</td>
                  <td data-label={col('next')}>{when(d.nextAttemptAt)}</td>
                  <td data-label={col('delivery')}>
                    <code>{d.deliveryId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>,
  );
}
