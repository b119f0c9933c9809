/**
 * Import orders from a CSV or JSON file (the `onramp import orders` command). Every row is
 * validated first, with the same schema as POST /api/v1/orders plus the store checks (known offer,
 * known distributor, RSD not in the past, web order id not taken); problems are reported by line.
 * By default the import is all-or-nothing: one transaction, and nothing at all if any row is bad.
 * `partial` imports every order whose rows are all good, each in its own transaction.
 *
 * CSV: one row per subscription line, columns
 * webOrderId,endCustomerName,rsd,distributorId,offerCode,quantity,contactName,contactEmail,contactLanguage;
 * rows with the same webOrderId are the lines of one order (order fields from its first row).
 * JSON: an array of orders shaped like the API's request body; "line" is then the item's index + 1.
 */
import type { Actor } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import { checkOrderImport, refusalOf } from './check-order-import.js';
import { type PlaceOrderInput, writeOrder } from './place-order.js';
import type { RowError } from './read-order-import.js';

export { CSV_COLUMNS, type RowError } from './read-order-import.js';

export interface ImportReport {
  orders: number;
  lines: number;
  imported: { orders: number; lines: number };
  errors: RowError[];
}

export interface ImportOptions {
  format: 'csv' | 'json';
  partial: boolean;
  onProgress?: (done: number, total: number) => void;
}

const PARTIAL_CHUNK = 100;

export async function importOrders(
  deps: AppDeps,
  actor: Actor,
  text: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  const checked = await checkOrderImport(deps, actor, text, opts.format);
  const errors = checked.errors;
  const good = checked.good.map((g) => g.order);
  const lines = (orders: PlaceOrderInput[]) => orders.reduce((n, o) => n + o.lines.length, 0);
  const report = (imported: PlaceOrderInput[]): ImportReport => ({
    orders: checked.orders,
    lines: checked.lines,
    imported: { orders: imported.length, lines: lines(imported) },
    errors,
  });
  if (errors.length > 0 && !opts.partial) return report([]);

  const now = deps.clock.now();
  const total = good.length;
  if (opts.partial) {
    const imported: PlaceOrderInput[] = [];
    const writeOne = async (order: PlaceOrderInput) => {
      try {
        await deps.db.transaction().execute((trx) => writeOrder(trx, deps, actor, order, now));
        imported.push(order);
      } catch (e) {
        const refusal = refusalOf(e, order);
        if (!refusal) throw e;
        errors.push(...refusal);
      }
    };
    // Chunks of orders share a transaction (a file of thousands imports in seconds); a chunk that
    // meets a refusal is rolled back whole and written again one order per transaction.
    for (let from = 0; from < total; from += PARTIAL_CHUNK) {
      const chunk = good.slice(from, from + PARTIAL_CHUNK);
      try {
        await deps.db.transaction().execute(async (trx) => {
          for (const order of chunk) await writeOrder(trx, deps, actor, order, now);
        });
        imported.push(...chunk);
      } catch (e) {
        if (!refusalOf(e, chunk[0]!)) throw e;
        for (const order of chunk) await writeOne(order);
      }
      opts.onProgress?.(from + chunk.length, total);
    }
    return report(imported);
  } else {
    await deps.db.transaction().execute(async (trx) => {
      for (const [i, order] of good.entries()) {
        await writeOrder(trx, deps, actor, order, now);
        opts.onProgress?.(i + 1, total);
      }
    });
  }
  return report(good);
}
