/**
 * The sending half of the shared SMTP budget: rows claimed within the budget carry the instant of
 * their reserved slot (`slot_at`, see store/send-budget-repository.ts); each send starts at its
 * slot, in slot order, with at most three in flight. A row whose slot the worker missed by more
 * than two slots (its event loop was busy, its SMTP connections slow to open) is not sent late:
 * late sends would bunch up and exceed the rate at the server. It is given back, due at once,
 * without counting an attempt, and a later claim gives it a fresh slot (the missed slot is lost:
 * the rate falls a little below the budget, never above). Rows claimed without a budget
 * (SMTP_MAX_PER_SECOND unset) all start at once. The wait is injected: tests move their clock.
 */
import type { AppDeps } from '../app/deps.js';
import { giveBackClaimed, type OutboxRow } from '../store/outbox-repository.js';

/** A claimed row, with its send slot when it was claimed within the budget. */
export type SlottedRow = OutboxRow & { slot_at?: Date };

export type Wait = (ms: number) => Promise<void>;

const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many slots late a send may still start. */
const LATE_SLOTS = 2;
/**
 * Paced sends one pass keeps in flight at most. Beyond them, messages handed over at their slots
 * would queue in the SMTP pool (while it opens its connections, say) and reach the server together.
 */
const MAX_IN_FLIGHT = LATE_SLOTS + 1;

/** Starts `send` for each row at its slot; resolves with the outcomes of the rows sent. */
export async function sendInSlots<T>(
  deps: Pick<AppDeps, 'db' | 'clock'> & { wait?: Wait },
  perSecond: number | undefined,
  rows: SlottedRow[],
  send: (row: OutboxRow) => Promise<T>,
): Promise<T[]> {
  const wait = deps.wait ?? sleep;
  const toleranceMs = perSecond ? (LATE_SLOTS * 1000) / perSecond : Infinity;
  const started: Promise<T>[] = [];
  const inFlight = new Set<Promise<void>>();
  const missed: OutboxRow[] = [];
  for (const row of rows) {
    if (!row.slot_at) {
      started.push(send(row));
      continue;
    }
    const ms = row.slot_at.getTime() - deps.clock.now().getTime();
    if (ms > 0) await wait(ms);
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    if (deps.clock.now().getTime() - row.slot_at.getTime() > toleranceMs) {
      missed.push(row);
      continue;
    }
    const sent = send(row);
    started.push(sent);
    const settled = sent.then(
      () => void inFlight.delete(settled),
      () => void inFlight.delete(settled),
    );
    inFlight.add(settled);
  }
  const now = deps.clock.now();
  for (const row of missed) await giveBackClaimed(deps.db, row, now);
  return Promise.all(started);
}
