/**
 * The shared SMTP sending budget in the database (`smtp_budget`, one row; migrations/030): the
 * arithmetic of domain/send-budget.ts, applied in one statement each, under the row's lock, so
 * claims from every worker process take slots one after the other.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import {
  MAX_SLOW_FACTOR,
  type SendBudgetState,
  SLOW_FOR_MS,
  THROTTLE_PAUSE_MS,
} from '../domain/send-budget.js';
import type { OutboxRow } from './outbox-repository.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A claimed e-mail and the instant its reserved send slot starts. */
export type PacedRow = OutboxRow & { slot_at: Date };

/**
 * Claims due e-mails as `claimDue` does, but only as many as the budget has slots for within
 * `aheadMs` (and at most `limit`), and reserves a slot for each in the same statement: the budget
 * row is locked first, the outbox rows are skipped when locked, so claims never wait on each other
 * for more than this statement. Rows come with their `slot_at`, in claim order.
 */
export async function claimDueWithinBudget(
  db: Db,
  now: Date,
  opts: { limit: number; leaseMs: number; perSecond: number; aheadMs: number },
): Promise<PacedRow[]> {
  const leaseUntil = new Date(now.getTime() + opts.leaseMs);
  const horizon = new Date(now.getTime() + opts.aheadMs);
  const { rows } = await sql<PacedRow>`
    with budget as (
      select greatest(next_slot_at, ${now}::timestamptz) as start,
        ${1000 / opts.perSecond}::float8 * (case when slow_until > ${now} then slow_factor else 1 end) as interval_ms
      from smtp_budget where id = 1
      for update
    ), due as (
      select id, available_at from outbox
      where status = 'pending' and topic = 'email' and available_at <= ${now}
      order by available_at, id
      limit least(${opts.limit}::int, (
        select greatest(0, floor(extract(epoch from ${horizon}::timestamptz - start) * 1000 / interval_ms) + 1)::int
        from budget))
      for update skip locked
    ), slot as (
      select id, row_number() over (order by available_at, id) - 1 as n from due
    ), reserved as (
      update smtp_budget
      set next_slot_at = budget.start + (select count(*) from due) * budget.interval_ms * interval '1 millisecond'
      from budget
      where smtp_budget.id = 1
    )
    update outbox set available_at = ${leaseUntil}, leased_until = ${leaseUntil}, attempts = attempts + 1
    from slot, budget
    where outbox.id = slot.id
    returning outbox.*, budget.start + slot.n * budget.interval_ms * interval '1 millisecond' as slot_at`.execute(
    db,
  );
  return rows
    .map((r) => ({ ...r, slot_at: new Date(r.slot_at) }))
    .sort((a, b) => a.slot_at.getTime() - b.slot_at.getTime());
}

/** Slows the shared budget after a throttling answer at `now` (domain `slowDown`); returns the new state. */
export async function slowDownBudget(db: Db, now: Date): Promise<SendBudgetState> {
  const factor = sql<number>`case when slow_until > ${now} then least(slow_factor * 2, ${MAX_SLOW_FACTOR}::int) else 2 end`;
  const { rows } = await sql<{ next_slot_at: Date; slow_until: Date; slow_factor: number }>`
    update smtp_budget set
      next_slot_at = greatest(next_slot_at, ${now}::timestamptz + ${factor} * ${THROTTLE_PAUSE_MS}::float8 * interval '1 millisecond'),
      slow_until = ${new Date(now.getTime() + SLOW_FOR_MS)},
      slow_factor = ${factor}
    where id = 1
    returning next_slot_at, slow_until, slow_factor`.execute(db);
  const row = rows[0]!;
  return {
    nextSlotAt: new Date(row.next_slot_at),
    slowUntil: new Date(row.slow_until),
    slowFactor: Number(row.slow_factor),
  };
}

/** The budget as it stands (for tests and the cross-check with the domain). */
export async function readSendBudget(db: Db): Promise<SendBudgetState> {
  const row = await db.selectFrom('smtp_budget').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { nextSlotAt: row.next_slot_at, slowUntil: row.slow_until, slowFactor: row.slow_factor };
}
