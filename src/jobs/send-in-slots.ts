/**
 * The sending half of the shared SMTP budget: rows claimed within the budget carry the instant of
 * their reserved slot (`slot_at`, see store/send-budget-repository.ts); each send starts no
 * earlier than its slot, in slot order. Rows claimed without a budget (SMTP_MAX_PER_SECOND unset)
 * all start at once, as before. The wait is injected: tests move their clock instead of sleeping.
 */
import type { Clock } from '../app/deps.js';
import type { OutboxRow } from '../store/outbox-repository.js';

/** A claimed row, with its send slot when it was claimed within the budget. */
export type SlottedRow = OutboxRow & { slot_at?: Date };

export type Wait = (ms: number) => Promise<void>;

export const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `send` for each row at its slot; resolves with every outcome once all have settled. */
export async function sendInSlots<T>(
  deps: { clock: Clock; wait?: Wait },
  rows: SlottedRow[],
  send: (row: OutboxRow) => Promise<T>,
): Promise<T[]> {
  const wait = deps.wait ?? sleep;
  const started: Promise<T>[] = [];
  for (const row of rows) {
    const ms = row.slot_at ? row.slot_at.getTime() - deps.clock.now().getTime() : 0;
    if (ms > 0) await wait(ms);
    started.push(send(row));
  }
  return Promise.all(started);
}
