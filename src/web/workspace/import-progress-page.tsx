/**
 * A large order import running in the background (upload-order-import.ts), for its uploader:
 *   GET /orders/import/:id           while it runs: "N of M rows" with a progress bar; without
 *                                    JavaScript the page reloads itself (meta refresh), with it
 *                                    app.js follows the JSON below and reloads once it is done.
 *                                    Then: what was imported and every problem by row.
 *   GET /orders/import/:id/progress  { status, doneRows, totalRows, rows } (JSON, for app.js)
 * Anyone but the uploader gets "not found".
 */
import type { AppDeps } from '../../app/deps.js';
import { getOrderImport, type OrderImportView } from '../../app/orders/get-order-import.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { ErrorsTable, ImportSummary } from './import-result.js';
import { paramOf, signedIn, type WebContext } from './workspace-support.js';

/** Seconds between reloads of the progress page without JavaScript. */
const REFRESH_SECONDS = 5;

export const importProgressPath = (id: string) => `/orders/import/${encodeURIComponent(id)}`;

const rowsText = (ctx: Pick<PageContext, 't'>, view: OrderImportView) =>
  ctx.t('workspace:importJob.rows', { done: view.doneRows, total: view.totalRows });

function Progress(props: { ctx: PageContext; view: OrderImportView }) {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <div class="card import-progress" data-import-progress={`${importProgressPath(view.id)}/progress`}>
      <label for="import-progress-bar">{t('workspace:importJob.progressLabel')}</label>
      <progress id="import-progress-bar" max={String(view.totalRows)} value={String(view.doneRows)}>
        {rowsText(ctx, view)}
      </progress>
      <p class="rows" role="status" data-rows>
        {rowsText(ctx, view)}
      </p>
      <p data-phase>{t(`workspace:importJob.${view.status === 'queued' ? 'queued' : 'importing'}`)}</p>
      <p>{t(`workspace:importJob.${view.partial ? 'partial' : 'allOrNothing'}`)}</p>
      <p class="muted small">{t('workspace:importJob.goesOn')}</p>
    </div>
  );
}

function progressPage(c: WebContext, view: OrderImportView) {
  const ctx = pageContext(c);
  const { t } = ctx;
  const report = view.report;
  const title = !report
    ? t('workspace:importJob.title')
    : t(`workspace:importJob.${view.status === 'failed' ? 'failedTitle' : 'doneTitle'}`);
  return c.html(
    <Layout ctx={ctx} title={title} refreshSeconds={report ? undefined : REFRESH_SECONDS}>
      <h1>{title}</h1>
      {!report && <Progress ctx={ctx} view={view} />}
      {report && view.status === 'failed' && (
        <p class="notice bad" role="alert">
          {t('workspace:importJob.failed')}
        </p>
      )}
      <ImportSummary ctx={ctx} report={report ?? undefined} />
      {report && report.errors.length > 0 && <ErrorsTable ctx={ctx} errors={report.errors} />}
      {report && (
        <p class="actions">
          <a class="button" href="/orders/import">
            {t('workspace:importJob.another')}
          </a>
          <a class="button secondary" href="/orders">
            {t('workspace:common.toOrders')}
          </a>
        </p>
      )}
    </Layout>,
  );
}

export function registerImportProgressRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    '/orders/import/:id',
    signedIn(async (c, user) => progressPage(c, await getOrderImport(deps, user, paramOf(c, 'id')))),
  );
  app.get(
    '/orders/import/:id/progress',
    signedIn(async (c, user) => {
      const view = await getOrderImport(deps, user, paramOf(c, 'id'));
      c.header('Cache-Control', 'no-store');
      return c.json({
        status: view.status,
        doneRows: view.doneRows,
        totalRows: view.totalRows,
        rows: rowsText({ t: c.get('t') }, view),
      });
    }),
  );
}
