/**
 * The one way a use case or a worker pass opens its transaction: `inTransaction(deps, fn)`.
 * PostgreSQL may abort a transaction that did nothing wrong: a deadlock (40P01) when two
 * transactions lock the same rows in opposite orders, a serialization failure (40001) under
 * REPEATABLE READ. Both are safe to run again from the start, so they are retried a few times with
 * a small jittered backoff and never reach a user as a 500. Anything else is thrown at once.
 *
 * `fn` may run more than once: it must keep its effects inside the transaction (ids, `now` and
 * results made inside it are simply made again).
 *
 * Lock order, so deadlocks stay rare: every writer locks outbox rows in id order (the claim's
 * `order by available_at, id` takes rows no one else holds: SKIP LOCKED), and an outbox row before
 * its provisioning_email send. See `supersedePendingSends`, `writeProvisioningSends` and
 * `markManyDone`.
 */
import type { Kysely, Transaction } from 'kysely';

import type { Database } from './schema.js';

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRIED = new Set(['40001', '40P01']);

/** How often a transaction runs at most, counting the first time. */
export const TRANSACTION_ATTEMPTS = 3;

export interface TransactionRetry {
  /** Waits before the next attempt; tests pass one that does not sleep. */
  wait?: (ms: number) => Promise<void>;
  /** Told of each retry (the worker logs and counts them). */
  onRetry?: (info: { code: string; attempt: number }) => void;
}

export interface TransactionDeps {
  db: Kysely<Database>;
  /** Absent: wait with a timer and tell no one. */
  transactionRetry?: TransactionRetry;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The SQLSTATE that makes `err` worth a retry, or null. */
export function retriedSqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRIED.has(code) ? code : null;
}

/** 10–20 ms, then 20–40 ms: enough for the other transaction to commit, short enough for a request. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = 10 * 2 ** (attempt - 1);
  return Math.round(base + base * random());
}

export async function inTransaction<T>(
  deps: TransactionDeps,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(fn);
    } catch (err) {
      const code = retriedSqlState(err);
      if (!code || attempt >= TRANSACTION_ATTEMPTS) throw err;
      deps.transactionRetry?.onRetry?.({ code, attempt });
      await (deps.transactionRetry?.wait ?? sleep)(retryDelayMs(attempt));
    }
  }
}
