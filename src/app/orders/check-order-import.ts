/**
 * Checking an order import file, before anything is written: every row against the schema of
 * POST /api/v1/orders and the store (known offer, known distributor, RSD not in the past, web
 * order id not taken, not twice in the file). Shared by the one-request import (import-orders.ts,
 * the CLI and small uploads) and the background import of large uploads (run-order-import-step.ts).
 */
import { AppError, invalidInput, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { listOffers } from '../../store/offer-repository.js';
import { takenWebOrderIds } from '../../store/order-repository.js';
import { distributorIds } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';
import { offerIssues, type PlaceOrderInput, placeOrderSchema } from './place-order.js';
import {
  type Candidate,
  candidatesFromCsv,
  candidatesFromJson,
  lineOf,
  type RowError,
} from './read-order-import.js';

const UNIQUE_VIOLATION = '23505';

/**
 * What changed since the check, reported like the same problem found in the file: an offer
 * retired (a bad offer), a web order id placed by someone else (already exists). Else undefined.
 */
export function refusalOf(e: unknown, order: PlaceOrderInput): RowError[] | undefined {
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

export interface CheckedImport {
  candidates: Candidate[];
  /** The orders whose rows are all good, with their index among the candidates. */
  good: { index: number; order: PlaceOrderInput }[];
  /** Every problem found, by file line. */
  errors: RowError[];
  /** Orders and lines in the file. */
  orders: number;
  lines: number;
}

/** Only partner users place orders. */
export function authorizeImport(actor: Actor): void {
  if (actor.role !== 'partner_user' && actor.role !== 'partner_admin')
    throw new AppError('NO_ACCESS', { reason: 'only partner users place orders' });
}

/** The file's candidate orders; a file that is not an import at all is INVALID_INPUT. */
export function readImport(
  text: string,
  format: 'csv' | 'json',
): { candidates: Candidate[]; errors: RowError[] } {
  // PostgreSQL stores no NUL character: a file holding one is refused whole, before anything runs.
  if (text.includes('\u0000')) throw invalidInput('file', 'contains NUL characters');
  return format === 'csv' ? candidatesFromCsv(text) : { candidates: candidatesFromJson(text), errors: [] };
}

export async function checkOrderImport(
  deps: AppDeps,
  actor: Actor,
  text: string,
  format: 'csv' | 'json',
): Promise<CheckedImport> {
  authorizeImport(actor);
  const parsed = readImport(text, format);
  const errors = [...parsed.errors];
  const facts = await storeFacts(
    deps,
    actor,
    parsed.candidates.map((c) => c.webOrderId),
  );
  const seen = new Set<string>();
  const good: CheckedImport['good'] = [];
  for (const [index, c] of parsed.candidates.entries()) {
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
    if (result.success && orderErrors.length === 0 && !rowsDisagree) good.push({ index, order: result.data });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    candidates: parsed.candidates,
    good,
    errors,
    orders: parsed.candidates.length,
    lines: parsed.candidates.reduce((n, c) => n + c.lineNumbers.length, 0),
  };
}
