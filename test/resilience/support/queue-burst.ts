/**
 * Queues a burst of provisioning e-mails on a test world: orders of up to 500 lines, each line
 * with its own contact (one e-mail each), then due work at the world's clock. The spawned
 * processes run on the machine's clock, so the fresh outbox rows are made due now.
 *
 * Returns the number of e-mails the burst queues (one per line), not what this call's own due run
 * dispatched: a worker started meanwhile runs its due loop at once and may claim some of the new
 * lines first (SKIP LOCKED), and those e-mails are queued all the same.
 */
import { sql } from 'kysely';

import { runDue } from '../../../src/jobs/run-due.js';
import type { World } from '../../support/world.js';

let contacts = 0;

export async function queueBurst(w: World, count: number): Promise<number> {
  for (let left = count; left > 0; left -= 500) {
    const size = Math.min(500, left);
    await w.order({
      lines: Array.from({ length: size }, () => ({
        offerCode: 'MEET-PRO',
        quantity: 1,
        provisioningContact: {
          name: `Contact ${++contacts}`,
          email: `c${contacts}@burst.example`,
          language: 'en' as const,
        },
      })),
    });
  }
  await runDue(w.deps);
  await sql`update outbox set available_at = now()
            where status = 'pending' and attempts = 0 and available_at > now()`.execute(w.store.db);
  return count;
}

/** Outbox rows still to send (pending), and how many of them are leased right now. */
export async function outboxState(w: World): Promise<{ pending: number; leased: string[] }> {
  const { rows } = await sql<{ message_key: string; leased: boolean }>`
    select message_key, (attempts > 0 and available_at > now()) as leased
    from outbox where status = 'pending' and topic = 'email'`.execute(w.store.db);
  return { pending: rows.length, leased: rows.filter((r) => r.leased).map((r) => r.message_key) };
}

/** Nothing left to send in the outbox, whatever the topic. */
export async function outboxDrained(w: World): Promise<boolean> {
  const pending = await w.store.db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .execute();
  return pending.length === 0;
}
