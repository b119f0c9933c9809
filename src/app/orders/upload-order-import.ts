/**
 * An order import uploaded in the workspace. A small file (up to LARGE_IMPORT_ROWS rows) is
 * imported at once, in the request, exactly as the CLI does; a larger one is recorded in the
 * database and imported in the background (run-order-import-step.ts), so the request returns at
 * once, the page can show "N of M rows", and a restart does not lose it. A file that is not an
 * import at all (not CSV or JSON, columns missing) is refused here, whole, either way.
 */
import type { Actor } from '../../domain/types.js';
import { insertOrderImport } from '../../store/order-import-repository.js';
import type { AppDeps } from '../deps.js';
import { authorizeImport, readImport } from './check-order-import.js';
import { importOrders, type ImportReport } from './import-orders.js';

/** Files with more rows (subscription lines) than this are imported in the background. */
export const LARGE_IMPORT_ROWS = 200;

export type UploadOutcome = { kind: 'done'; report: ImportReport } | { kind: 'started'; id: string };

export async function uploadOrderImport(
  deps: AppDeps,
  actor: Actor,
  text: string,
  opts: { format: 'csv' | 'json'; partial: boolean },
): Promise<UploadOutcome> {
  authorizeImport(actor);
  const { candidates } = readImport(text, opts.format);
  const rows = candidates.reduce((n, c) => n + c.lineNumbers.length, 0);
  if (rows <= LARGE_IMPORT_ROWS) return { kind: 'done', report: await importOrders(deps, actor, text, opts) };
  const id = deps.ids.newId('imp');
  const now = deps.clock.now();
  await insertOrderImport(deps.db, {
    id,
    user_id: actor.userId,
    partner_id: actor.organizationId,
    format: opts.format,
    partial: opts.partial,
    file_text: text,
    total_rows: rows,
    file_orders: candidates.length,
    created_at: now,
    updated_at: now,
  });
  return { kind: 'started', id };
}
