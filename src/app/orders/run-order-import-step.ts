/**
 * One step of a background order import (upload-order-import.ts), in one transaction that holds
 * the import's row (FOR UPDATE SKIP LOCKED): a crash rolls the step back and the next pass runs
 * it again; two workers never run the same step.
 *
 * - queued: check every row (the same checks as the CLI), remember the good orders and the row
 *   errors. All-or-nothing with any error: done, nothing written.
 * - importing, all-or-nothing: write every good order in this one transaction, so nothing is
 *   committed unless all of them are.
 * - importing, valid orders: write the next IMPORT_STEP_ORDERS good orders and move on; a step
 *   that meets a refusal (an offer retired, a web order id placed meanwhile) is written again one
 *   order per transaction, the refused order becoming a row error.
 * An unexpected error is counted; the third one fails the import (nothing more is written).
 */
import type { Transaction } from 'kysely';

import type { Actor } from '../../domain/types.js';
import { actorOf } from '../../store/actor-row.js';
import {
  claimOrderImport,
  countImportAttempt,
  type OrderImportRow,
  updateOrderImport,
} from '../../store/order-import-repository.js';
import type { Database } from '../../store/schema.js';
import { findUser } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { checkOrderImport, readImport, refusalOf } from './check-order-import.js';
import { type PlaceOrderInput, placeOrderSchema, writeOrder } from './place-order.js';
import type { RowError } from './read-order-import.js';

/** Good orders written per step when importing the valid orders. */
export const IMPORT_STEP_ORDERS = 50;
const MAX_ATTEMPTS = 3;

type Trx = Transaction<Database>;

const fileError = (message: string): RowError => ({ line: 0, webOrderId: null, field: 'file', message });
const byLine = (errors: RowError[]) => [...errors].sort((a, b) => a.line - b.line);

/** The import is done: every row handled, the file dropped, the errors by line. */
function finish(
  trx: Trx,
  job: OrderImportRow,
  now: Date,
  errors: RowError[],
  patch: Parameters<typeof updateOrderImport>[2] = {},
) {
  return updateOrderImport(trx, job.id, {
    ...patch,
    status: 'done',
    done_rows: job.total_rows,
    file_text: '',
    errors: JSON.stringify(byLine(errors)),
    finished_at: now,
    updated_at: now,
  });
}

async function uploader(trx: Trx, job: OrderImportRow): Promise<Actor | null> {
  const user = await findUser(trx, job.user_id);
  const mayImport =
    user?.deactivated_at === null &&
    user.organization_id === job.partner_id &&
    (user.role === 'partner_user' || user.role === 'partner_admin');
  return mayImport ? actorOf(user) : null;
}

async function check(deps: AppDeps, trx: Trx, job: OrderImportRow, actor: Actor, now: Date) {
  const checked = await checkOrderImport({ ...deps, db: trx }, actor, job.file_text, job.format);
  if (checked.good.length === 0 || (!job.partial && checked.errors.length > 0))
    return finish(trx, job, now, checked.errors);
  const goodRows = checked.good.reduce((n, g) => n + g.order.lines.length, 0);
  await updateOrderImport(trx, job.id, {
    status: 'importing',
    good_orders: JSON.stringify(checked.good.map((g) => g.index)),
    errors: JSON.stringify(checked.errors),
    done_rows: job.total_rows - goodRows, // the bad rows are done: refused
    updated_at: now,
  });
}

/** The good orders from `from`, `count` of them, read again from the file. */
function goodOrders(job: OrderImportRow, from: number, count: number): PlaceOrderInput[] {
  const { candidates } = readImport(job.file_text, job.format);
  return (job.good_orders as number[])
    .slice(from, from + count)
    .map((index) => placeOrderSchema.parse(candidates[index]!.raw));
}

interface Attempt {
  job?: OrderImportRow;
  /** The order being written when the step failed. */
  order?: PlaceOrderInput;
}

/** Writes the next `count` good orders (all of them for all-or-nothing) in the step's transaction. */
async function write(
  deps: AppDeps,
  trx: Trx,
  job: OrderImportRow,
  actor: Actor,
  now: Date,
  count: number,
  at: Attempt,
) {
  const good = job.good_orders as number[];
  const take = job.partial ? count : good.length;
  const orders = goodOrders(job, job.next_good, take);
  for (const order of orders) {
    at.order = order;
    await writeOrder(trx, deps, actor, order, now);
  }
  const lines = orders.reduce((n, o) => n + o.lines.length, 0);
  const next = job.next_good + orders.length;
  const progress = {
    next_good: next,
    imported_orders: job.imported_orders + orders.length,
    imported_lines: job.imported_lines + lines,
    done_rows: job.done_rows + lines,
    updated_at: now,
  };
  if (next >= good.length) await finish(trx, job, now, job.errors as RowError[], progress);
  else await updateOrderImport(trx, job.id, progress);
}

/** One step of the import `id` (or of the oldest waiting); false when there was nothing to claim. */
async function step(deps: AppDeps, at: Attempt, count: number, id?: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const job = await claimOrderImport(trx, id);
    if (!job) return false;
    at.job = job;
    const now = deps.clock.now();
    const actor = await uploader(trx, job);
    if (!actor) {
      await updateOrderImport(trx, job.id, {
        status: 'failed',
        file_text: '',
        errors: JSON.stringify([fileError('the user who uploaded it can no longer place orders')]),
        finished_at: now,
        updated_at: now,
      });
    } else if (job.status === 'queued') await check(deps, trx, job, actor, now);
    else await write(deps, trx, job, actor, now, count, at);
    return true;
  });
}

/** Records a refusal met while writing: the order becomes row errors and is done. */
async function refuse(
  deps: AppDeps,
  jobId: string,
  refusal: RowError[],
  order: PlaceOrderInput,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const job = await claimOrderImport(trx, jobId);
    if (!job) return;
    const now = deps.clock.now();
    const errors = [...(job.errors as RowError[]), ...refusal];
    if (!job.partial) return finish(trx, job, now, errors, { imported_orders: 0, imported_lines: 0 });
    const next = job.next_good + 1;
    const progress = {
      next_good: next,
      errors: JSON.stringify(errors),
      done_rows: job.done_rows + order.lines.length,
      updated_at: now,
    };
    if (next >= (job.good_orders as number[]).length) await finish(trx, job, now, errors, progress);
    else await updateOrderImport(trx, job.id, progress);
  });
}

/**
 * Runs one step of the oldest waiting import (or of `id`). Returns whether there was one: the
 * worker calls it again at once while it returns true.
 */
export async function runOrderImportStep(deps: AppDeps, id?: string): Promise<boolean> {
  const at: Attempt = {};
  try {
    return await step(deps, at, IMPORT_STEP_ORDERS, id);
  } catch (e) {
    const { job, order } = at;
    if (!job) throw e;
    const refusal = order && refusalOf(e, order);
    if (refusal && !job.partial) {
      await refuse(deps, job.id, refusal, order);
      return true;
    }
    if (refusal) {
      // Again one order per transaction: the refused one becomes row errors, the others go in.
      for (let i = 0; i < IMPORT_STEP_ORDERS; i++) {
        const one: Attempt = {};
        try {
          if (!(await step(deps, one, 1, job.id))) break;
        } catch (e1) {
          const refused = one.order && refusalOf(e1, one.order);
          if (!refused) throw e1;
          await refuse(deps, job.id, refused, one.order!);
        }
      }
      return true;
    }
    const attempts = await countImportAttempt(deps.db, job.id, deps.clock.now());
    if (attempts >= MAX_ATTEMPTS)
      await updateOrderImport(deps.db, job.id, {
        status: 'failed',
        file_text: '',
        errors: JSON.stringify([...(job.errors as RowError[]), fileError('stopped by an unexpected error')]),
        finished_at: deps.clock.now(),
        updated_at: deps.clock.now(),
      });
    throw e;
  }
}
