/** What an order import did: the counts, then every problem by row, in the page's language where the problem is a known one. */
import type { ImportReport, RowError } from '../../app/orders/import-orders.js';
import { DataTable } from '../data-table.js';
import type { PageContext } from '../layout.js';
import { fieldLabel, messageOf } from './new-order-form.js';

export function ErrorsTable(props: { ctx: PageContext; errors: RowError[] }) {
  const { t } = props.ctx;
  const col = (key: string) => t(`workspace:newOrder.import.col.${key}`);
  return (
    <>
      <h2>{t('workspace:newOrder.import.errorsTitle')}</h2>
      <DataTable
        class="import-errors"
        caption={t('workspace:newOrder.import.errorsTitle')}
        columns={['line', 'webOrderId', 'field', 'problem'].map(col)}
      >
        {props.errors.map((e) => {
          const label = fieldLabel(e.field, t);
          return (
            <tr>
              <td data-label={col('line')}>{e.line > 0 ? e.line : '—'}</td>
              <td data-label={col('webOrderId')}>{e.webOrderId ?? '—'}</td>
              <td data-label={col('field')}>{label}</td>
              <td data-label={col('problem')}>
                {messageOf({ path: e.field, message: e.message }, e.field, label, t)}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

export function ImportSummary(props: { ctx: PageContext; report: ImportReport | undefined }) {
  const { ctx, report } = props;
  const { t } = ctx;
  if (!report) return null;
  const imported = report.imported.orders > 0 || report.errors.length === 0;
  return (
    <div class={imported ? 'notice ok' : 'notice bad'} role={imported ? 'status' : 'alert'}>
      <p>{t('workspace:newOrder.import.summary', { orders: report.orders, lines: report.lines })}</p>
      <p>
        {imported
          ? t('workspace:newOrder.import.imported', { ...report.imported })
          : t('workspace:newOrder.import.nothingImported')}
      </p>
    </div>
  );
}
