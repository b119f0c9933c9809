/**
 * The pages around a bulk action: before Yes, the selected lines that will be refused and why
 * (the use case's own refusals, asked of the domain), then the lines that will go; after it, the
 * results page the POST redirects to, which says line by line what was done and why a line was
 * refused, from the sealed results and the stored facts (the e-mails' status as it is now).
 */
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import type { BulkPreview, PreviewedLine } from '../../app/lines/preview-bulk-action.js';
import { getSubscription, type SubscriptionDetail } from '../../app/orders/get-subscription.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { BulkResultLine, BulkResults } from './bulk-result-token.js';
import { StatusBadges } from './line-actions.js';
import { RefusalMessage } from './refusal.js';
import { type SentEmail, SentNotice } from './send-status.js';
import { orderPath, type PageResponse, type WebContext } from './workspace-support.js';

export type BulkAction = 'resend' | 'contact';

function PreviewTable(props: { ctx: PageContext; lines: PreviewedLine[]; refused: boolean }) {
  const { ctx } = props;
  const col = (key: string) => ctx.t(`workspace:lines.col.${key}`);
  const last = props.refused ? ctx.t('workspace:bulk.preview.why') : col('contact');
  return (
    <div class="table-wrap">
      <table class="data stack">
        <thead>
          <tr>
            <th scope="col">{col('subscription')}</th>
            <th scope="col">{col('order')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col">{last}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map(({ subscriptionId, line, refusal }) => (
            <tr>
              <td data-label={col('subscription')}>{subscriptionId}</td>
              <td data-label={col('order')}>
                {line ? <a href={orderPath(line)}>{line.webOrderId}</a> : '—'}
              </td>
              <td data-label={col('status')}>
                {line ? (
                  <StatusBadges
                    ctx={ctx}
                    status={line.status}
                    pendingProvisioning={line.pendingProvisioning}
                  />
                ) : (
                  '—'
                )}
              </td>
              <td data-label={last}>
                {refusal ? <RefusalMessage ctx={ctx} error={refusal} /> : line?.contactEmail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Refusals first, each with its reason; then the lines the action will go to. */
export function BulkPreviewLists(props: { ctx: PageContext; preview: BulkPreview }) {
  const { ctx, preview } = props;
  const { t } = ctx;
  return (
    <>
      {preview.refused.length > 0 && (
        <section class="notice warn bulk-refused" aria-labelledby="bulk-refused">
          <h2 id="bulk-refused">
            {t('workspace:bulk.preview.refusedTitle', { count: preview.refused.length })}
          </h2>
          <p>{t('workspace:bulk.preview.refusedIntro')}</p>
          <PreviewTable ctx={ctx} lines={preview.refused} refused />
        </section>
      )}
      {preview.going.length > 0 ? (
        <section class="bulk-going" aria-labelledby="bulk-going">
          <h2 id="bulk-going">{t('workspace:bulk.preview.goingTitle', { count: preview.going.length })}</h2>
          <PreviewTable ctx={ctx} lines={preview.going} refused={false} />
        </section>
      ) : (
        <p class="notice bad" role="alert">
          {t('workspace:bulk.preview.noneGoing')}
        </p>
      )}
    </>
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

/** A refusal as it was met, from its code and details (unknown codes read as ours). */
function refusalOf(refused: { code: string; details: Record<string, unknown> }): AppError {
  return refused.code in ERROR_CODES
    ? new AppError(refused.code as ErrorCode, refused.details as never)
    : new AppError('INTERNAL');
}

/** A line's result with the line as it is now (its contact, its sends' status). */
interface ShownResult {
  result: BulkResultLine;
  line: SubscriptionDetail | null;
  email: SentEmail | null;
}

function ResultDetail(props: { ctx: PageContext; action: BulkAction; shown: ShownResult }) {
  const { ctx, shown } = props;
  const { result, line, email } = shown;
  if ('refused' in result) return <RefusalMessage ctx={ctx} error={refusalOf(result.refused)} />;
  const contact = line?.provisioningContact;
  return (
    <>
      {props.action === 'contact' &&
        contact &&
        (result.changed ? (
          <p>{ctx.t('workspace:bulk.contactNow', { name: contact.name, email: contact.email })}</p>
        ) : (
          <p>{ctx.t('workspace:bulk.unchanged')}</p>
        ))}
      {email && <SentNotice ctx={ctx} emails={[email]} />}
    </>
  );
}

async function showResult(deps: AppDeps, user: Actor, result: BulkResultLine): Promise<ShownResult> {
  if ('refused' in result) return { result, line: null, email: null };
  // Read again with the reader's access: a line they may no longer see shows only its id.
  const line = await getSubscription(deps, user, result.subscriptionId).catch(() => null);
  const send = result.sendId ? line?.sends.find((s) => s.sendId === result.sendId) : undefined;
  return { result, line, email: send ?? null };
}

export async function resultsPage(
  c: WebContext,
  deps: AppDeps,
  user: Actor,
  results: Pick<BulkResults, 'action' | 'back' | 'lines'>,
): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const shown = await Promise.all(results.lines.map((r) => showResult(deps, user, r)));
  const done = shown.filter((s) => !('refused' in s.result)).length;
  const emails = shown.flatMap((s) => (s.email ? [s.email] : []));
  const col = (key: string) => t(`workspace:bulk.col.${key}`);
  return c.html(
    <Layout ctx={ctx} title={t(`workspace:bulk.summaryTitle.${results.action}`)}>
      <h1>{t(`workspace:bulk.summaryTitle.${results.action}`)}</h1>
      <div class={`notice ${done === shown.length ? 'ok' : 'warn'}`} role="status">
        <p>{t('workspace:bulk.summary', { done, refused: shown.length - done })}</p>
        <SentNotice ctx={ctx} emails={emails} />
      </div>
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
            {shown.map((s) => {
              const ok = !('refused' in s.result);
              return (
                <tr>
                  <td data-label={col('subscription')}>
                    <a href={`/subscriptions/${s.result.subscriptionId}`}>{s.result.subscriptionId}</a>
                  </td>
                  <td data-label={col('result')}>
                    <span class={`badge ${ok ? 'result-done' : 'result-refused'}`}>
                      {t(ok ? 'workspace:bulk.done' : 'workspace:bulk.refused')}
                    </span>
                  </td>
                  <td data-label={col('detail')}>
                    <ResultDetail ctx={ctx} action={results.action} shown={s} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <a href={results.back}>{t('workspace:common.back')}</a>
      </p>
    </Layout>,
  );
}
