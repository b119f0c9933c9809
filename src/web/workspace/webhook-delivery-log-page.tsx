/**
 * /settings/webhooks/:id: one endpoint's delivery log, newest first, with "Send test event".
 */
import type { WebhookDeliveryView } from '../../app/webhooks/list-webhook-deliveries.js';
import type { WebhookEndpointView } from '../../app/webhooks/list-webhook-endpoints.js';
import { CsrfField, Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import { WEBHOOKS_PATH } from './webhooks-page.js';
import { formatDateTime, type PageResponse, type WebContext } from './workspace-support.js';

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
