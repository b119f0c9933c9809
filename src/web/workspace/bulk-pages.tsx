/**
 * The pages around a bulk action: the selected lines as they are now, and the summary that says,
 * line by line, what was done and why a line was refused.
 */
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import type { LineResult } from '../../app/lines/bulk-line-results.js';
import type { ContactChangeResult } from '../../app/lines/change-provisioning-contact.js';
import type { QueuedSend } from '../../app/lines/queue-provisioning-email.js';
import { getSubscription } from '../../app/orders/get-subscription.js';
import { AppError } from '../../domain/errors.js';
import type { Actor, ProvisioningContact } from '../../domain/types.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { StatusBadges } from './line-actions.js';
import { RefusalMessage } from './refusal.js';
import type { PageResponse, WebContext } from './workspace-support.js';

export type BulkAction = 'resend' | 'contact';

/** The selected lines as they are now, so people see what they are about to change. */
export async function SelectedLines(props: {
  ctx: PageContext;
  deps: AppDeps;
  user: Actor;
  lines: string[];
}) {
  const { ctx } = props;
  const col = (key: string) => ctx.t(`workspace:lines.col.${key}`);
  const rows = await Promise.all(
    props.lines.map((id) =>
      getSubscription(props.deps, props.user, id).then(
        (line) => ({ id, line, error: null }),
        (error: unknown) => ({
          id,
          line: null,
          error: error instanceof AppError ? error : new AppError('INTERNAL'),
        }),
      ),
    ),
  );
  return (
    <div class="table-wrap">
      <table class="data stack">
        <thead>
          <tr>
            <th scope="col">{col('subscription')}</th>
            <th scope="col">{col('order')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col">{col('contact')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, line, error }) => (
            <tr>
              <td data-label={col('subscription')}>{id}</td>
              <td data-label={col('order')}>{line?.webOrderId ?? '—'}</td>
              <td data-label={col('status')}>
                {line && (
                  <StatusBadges
                    ctx={ctx}
                    status={line.status}
                    pendingProvisioning={line.pendingProvisioning}
                  />
                )}
              </td>
              <td data-label={col('contact')}>
                {line ? line.provisioningContact.email : error && <RefusalMessage ctx={ctx} error={error} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function bulkPage(
  c: WebContext,
  title: string,
  body: Child,
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {body}
    </Layout>,
    status,
  );
}

function ResultDetail(props: {
  ctx: PageContext;
  result: LineResult<QueuedSend | ContactChangeResult>;
  contact?: ProvisioningContact;
}) {
  const { ctx, result } = props;
  if (!result.ok) return <RefusalMessage ctx={ctx} error={result.error} />;
  if ('to' in result.value) return <>{ctx.t('workspace:notice.sent', { email: result.value.to })}</>;
  const updated = result.value.updated[0];
  if (!updated || !props.contact) return <>{ctx.t('workspace:bulk.unchanged')}</>;
  return (
    <>
      {ctx.t('workspace:bulk.contactNow', { name: props.contact.name, email: props.contact.email })}
      {updated.sendId && ` ${ctx.t('workspace:notice.sent', { email: props.contact.email })}`}
    </>
  );
}

export function summaryPage(
  c: WebContext,
  action: BulkAction,
  back: string,
  results: LineResult<QueuedSend | ContactChangeResult>[],
  contact?: ProvisioningContact,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const done = results.filter((r) => r.ok).length;
  const col = (key: string) => t(`workspace:bulk.col.${key}`);
  return bulkPage(
    c,
    t(`workspace:bulk.summaryTitle.${action}`),
    <>
      <p class={`notice ${done === results.length ? 'ok' : 'warn'}`} role="status">
        {t('workspace:bulk.summary', { done, refused: results.length - done })}
      </p>
      <div class="table-wrap">
        <table class="data stack">
          <thead>
            <tr>
              <th scope="col">{col('subscription')}</th>
              <th scope="col">{col('result')}</th>
              <th scope="col">{col('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr>
                <td data-label={col('subscription')}>
                  <a href={`/subscriptions/${r.subscriptionId}`}>{r.subscriptionId}</a>
                </td>
                <td data-label={col('result')}>
                  <span class={`badge ${r.ok ? 'result-done' : 'result-refused'}`}>
                    {t(r.ok ? 'workspace:bulk.done' : 'workspace:bulk.refused')}
                  </span>
                </td>
                <td data-label={col('detail')}>
                  <ResultDetail ctx={ctx} result={r} {...(contact ? { contact } : {})} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={back}>{t('workspace:common.back')}</a>
      </p>
    </>,
  );
}
