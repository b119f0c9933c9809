/**
 * Import orders from a file, as the `onramp import orders` command does (same importer, same
 * rules), for those who may place orders:
 *   GET  /orders/import   the upload form: a CSV or JSON file, all-or-nothing or the valid orders
 *   POST /orders/import   check and import; the page says what was imported and lists every
 *                         problem by row, in the page's language where the problem is a known one.
 *                         A large file (upload-order-import.ts) is imported in the background: the
 *                         answer is a redirect to its progress page (import-progress-page.tsx).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { CSV_COLUMNS, type ImportReport, type RowError } from '../../app/orders/import-orders.js';
import { canPlaceOrders } from '../../app/orders/new-order-choices.js';
import { uploadOrderImport } from '../../app/orders/upload-order-import.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { CsrfField, Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { importProgressPath, registerImportProgressRoutes } from './import-progress-page.js';
import { ErrorsTable, ImportSummary } from './import-result.js';
import { type PageResponse, signedIn, type WebContext } from './workspace-support.js';

export const IMPORT_PATH = '/orders/import';

interface Outcome {
  report?: ImportReport;
  /** Problems with the file as a whole (not CSV, missing columns) or the form. */
  errors: RowError[];
  partial: boolean;
}

function importPage(c: WebContext, outcome: Outcome, status: ContentfulStatusCode = 200): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const fileError = outcome.errors.find((e) => e.field === 'file');
  return c.html(
    <Layout ctx={ctx} title={t('workspace:newOrder.import.title')}>
      <h1>{t('workspace:newOrder.import.title')}</h1>
      <ImportSummary ctx={ctx} report={outcome.report} />
      {outcome.errors.length > 0 && <ErrorsTable ctx={ctx} errors={outcome.errors} />}
      <div class="card">
        <p>{t('workspace:newOrder.import.intro')}</p>
        <p class="muted small">
          {t('workspace:newOrder.import.columns', { columns: CSV_COLUMNS.join(', ') })}
        </p>
        <form method="post" action={IMPORT_PATH} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <label for="import-file">{t('workspace:newOrder.import.file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-invalid={fileError ? 'true' : undefined}
          />
          <fieldset class="import-mode">
            <legend>{t('workspace:newOrder.import.mode')}</legend>
            <label class="check">
              <input type="radio" name="mode" value="all" checked={!outcome.partial} />
              {t('workspace:newOrder.import.allOrNothing')}
            </label>
            <label class="check">
              <input type="radio" name="mode" value="partial" checked={outcome.partial} />
              {t('workspace:newOrder.import.partial')}
            </label>
          </fieldset>
          <div class="actions">
            <button type="submit">{t('workspace:newOrder.import.submit')}</button>
            <a class="button secondary" href="/orders">
              {t('workspace:common.cancel')}
            </a>
          </div>
        </form>
      </div>
    </Layout>,
    status,
  );
}

/** JSON when the name or the content says so; CSV otherwise (the CLI's default). */
function formatOf(file: File, text: string): 'csv' | 'json' {
  return /\.json$/i.test(file.name) || /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

export function registerImportRoutes(app: WebApp, deps: AppDeps): void {
  registerImportProgressRoutes(app, deps);
  app.get(
    IMPORT_PATH,
    signedIn((c, user) => {
      if (!canPlaceOrders(user))
        throw new AppError('NO_ACCESS', { reason: 'only partner users place orders' });
      return importPage(c, { errors: [], partial: false });
    }),
  );

  app.post(
    IMPORT_PATH,
    signedIn(async (c, user) => {
      if (!canPlaceOrders(user))
        throw new AppError('NO_ACCESS', { reason: 'only partner users place orders' });
      const body = await c.req.parseBody();
      const partial = body['mode'] === 'partial';
      const file = body['file'];
      if (!(file instanceof File) || file.size === 0) {
        const message = c.get('t')('workspace:newOrder.import.noFile');
        return importPage(
          c,
          { errors: [{ line: 0, webOrderId: null, field: 'file', message }], partial },
          400,
        );
      }
      const text = await file.text();
      try {
        const upload = await uploadOrderImport(deps, user, text, { format: formatOf(file, text), partial });
        // A large file goes on in the background: its page shows the progress, then this report.
        if (upload.kind === 'started') return c.redirect(importProgressPath(upload.id), 303);
        const report = upload.report;
        const status = report.imported.orders === 0 && report.errors.length > 0 ? 400 : 200;
        return importPage(c, { report, errors: report.errors, partial }, status);
      } catch (e) {
        // The file as a whole is refused (not CSV or JSON, columns missing): say why, like the CLI.
        if (!isAppError(e, 'INVALID_INPUT')) throw e;
        const errors = e.details.issues.map((i) => ({
          line: 0,
          webOrderId: null,
          field: i.path,
          message: i.message,
        }));
        return importPage(c, { errors, partial }, 400);
      }
    }),
  );
}
