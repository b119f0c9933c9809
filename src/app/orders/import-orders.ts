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
import { AppError, invalidInput, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { listOffers } from '../../store/offer-repository.js';
import { takenWebOrderIds } from '../../store/order-repository.js';
import { distributorIds } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';
import { offerIssues, type PlaceOrderInput, placeOrderSchema, writeOrder } from './place-order.js';
import {
  type Candidate,
  candidatesFromCsv,
  candidatesFromJson,
  lineOf,
  type RowError,
} from './read-order-import.js';

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

const UNIQUE_VIOLATION = '23505';
const PARTIAL_CHUNK = 100;

/**
 * What changed since the check, reported like the same problem found in the file: an offer
 * retired (a bad offer), a web order id placed by someone else (already exists). Else undefined.
 */
function refusalOf(e: unknown, order: PlaceOrderInput): RowError[] | undefined {
  const at = (field: string, message: string) => ({ line: 0, webOrderId: order.webOrderId, field, message });
  if (isAppError(e, 'INVALID_INPUT')) return e.details.issues.map((i) => at('offerCode', i.message));
  if ((e as { code?: string }).code === UNIQUE_VIOLATION) return [at('webOrderId', 'already exists')];
  return undefined;
}

interface StoreFacts {
  offers: Map<string, { active: boolean }>;
  distributors: Set<string>;
  taken: Set<string>;
  today: string;
}

async function storeFacts(deps: AppDeps, actor: Actor, webOrderIds: string[]): Promise<StoreFacts> {
  const taken = await takenWebOrderIds(deps.db, actor.organizationId, webOrderIds);
  const offers = await listOffers(deps.db);
  return {
    offers: new Map(offers.map((o) => [o.code, o])),
    distributors: await distributorIds(deps.db),
    taken,
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}

function storeErrors(c: Candidate, order: PlaceOrderInput, facts: StoreFacts, seen: Set<string>): RowError[] {
  const at = (line: number, field: string, message: string) => ({
    line,
    webOrderId: order.webOrderId,
    field,
    message,
  });
  const errors: RowError[] = [];
  if (facts.taken.has(order.webOrderId)) errors.push(at(c.lineNumbers[0]!, 'webOrderId', 'already exists'));
  if (seen.has(order.webOrderId))
    errors.push(at(c.lineNumbers[0]!, 'webOrderId', 'appears twice in the file'));
  if (order.rsd < facts.today)
    errors.push(at(c.lineNumbers[0]!, 'rsd', `must not be in the past (today is ${facts.today})`));
  if (order.distributorId !== undefined && !facts.distributors.has(order.distributorId))
    errors.push(at(c.lineNumbers[0]!, 'distributorId', 'is not a known distributor'));
  for (const issue of offerIssues(order, facts.offers))
    errors.push(at(c.lineNumbers[Number(issue.path.split('.')[1])]!, 'offerCode', issue.message));
  return errors;
}

export async function importOrders(
  deps: AppDeps,
  actor: Actor,
  text: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  if (actor.role !== 'partner_user' && actor.role !== 'partner_admin')
    throw new AppError('NO_ACCESS', { reason: 'only partner users place orders' });
  // PostgreSQL stores no NUL character: a file holding one is refused whole, before anything runs.
  if (text.includes('\u0000')) throw invalidInput('file', 'contains NUL characters');
  const parsed =
    opts.format === 'csv' ? candidatesFromCsv(text) : { candidates: candidatesFromJson(text), errors: [] };
  const errors = [...parsed.errors];
  const facts = await storeFacts(
    deps,
    actor,
    parsed.candidates.map((c) => c.webOrderId),
  );
  const seen = new Set<string>();
  const good: PlaceOrderInput[] = [];
  for (const c of parsed.candidates) {
    const result = placeOrderSchema.safeParse(c.raw);
    const orderErrors = result.success
      ? storeErrors(c, result.data, facts, seen)
      : result.error.issues.map((i) => ({
          line: lineOf(c, i.path),
          webOrderId: c.webOrderId || null,
          field: i.path.at(-1) === undefined ? 'row' : String(i.path.at(-1)),
          message: i.message,
        }));
    seen.add(c.webOrderId);
    errors.push(...orderErrors);
    const rowsDisagree = parsed.errors.some((e) => e.webOrderId === c.webOrderId);
    if (result.success && orderErrors.length === 0 && !rowsDisagree) good.push(result.data);
  }
  errors.sort((a, b) => a.line - b.line);
  const lines = (orders: PlaceOrderInput[]) => orders.reduce((n, o) => n + o.lines.length, 0);
  const report = (imported: PlaceOrderInput[]): ImportReport => ({
    orders: parsed.candidates.length,
    lines: parsed.candidates.reduce((n, c) => n + c.lineNumbers.length, 0),
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
