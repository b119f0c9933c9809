/** A background order import as its uploader sees it: how far it got, then its report. */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { findOrderImport } from '../../store/order-import-repository.js';
import type { OrderImportStatus } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import type { ImportReport, RowError } from './import-orders.js';

export interface OrderImportView {
  id: string;
  status: OrderImportStatus;
  partial: boolean;
  /** Rows (subscription lines) in the file, and how many are done (imported or refused). */
  totalRows: number;
  doneRows: number;
  /** Once done or failed: what was imported and every row error. */
  report: ImportReport | null;
}

/** Another user's import (of this organization or another) answers like a missing one. */
export async function getOrderImport(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<OrderImportView> {
  const row = await findOrderImport(deps.db, id, actor.userId);
  if (!row) throw new AppError('NOT_FOUND', { what: 'import' });
  const finished = row.status === 'done' || row.status === 'failed';
  return {
    id: row.id,
    status: row.status,
    partial: row.partial,
    totalRows: row.total_rows,
    doneRows: row.done_rows,
    report: finished
      ? {
          orders: row.file_orders,
          lines: row.total_rows,
          imported: { orders: row.imported_orders, lines: row.imported_lines },
          errors: row.errors as RowError[],
        }
      : null,
  };
}
