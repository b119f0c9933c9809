/**
 * A due pass plans its sends' foreign-key checks for the send table as it is now, not as the
 * connection first found it. With statistics that say provisioning_email is empty (vacuumed
 * while empty), the checks' cached plans read the whole table: every queued e-mail's check read
 * every send queued before it. Counted by the database itself (`pg_stat_user_tables`), on one
 * connection, on both stores.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { rsdInstant } from '../../src/domain/policy.js';
import { runDue } from '../../src/jobs/run-due.js';
import type { Database } from '../../src/store/schema.js';
import { countRows, flushTableCounts } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const ORDERS = 2_000;
const RSD = '2026-12-02';

/** Tuples read so far by sequential scans of provisioning_email, by every session. */
async function sendsReadBySeqScan(db: Kysely<Database>): Promise<number> {
  await flushTableCounts(db);
  const { rows } = await sql<{ n: number }>`
    select coalesce(seq_tup_read, 0)::integer as n from pg_stat_user_tables
    where relname = 'provisioning_email'`.execute(db);
  return rows[0]!.n;
}

describeEachStore('due pass: plans for the send table as it grows', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
    // One placed one-line order, copied into ORDERS orders with a contact each: ORDERS e-mails.
    const { orderId } = await w.order({ rsd: RSD });
    await sql`
      insert into purchase_order (id, web_order_id, partner_id, distributor_id, placed_by_user_id,
        end_customer_name, submitted_at)
      select id || '-' || i, web_order_id || '-' || i, partner_id, distributor_id, placed_by_user_id,
        end_customer_name, submitted_at
      from purchase_order, generate_series(1, ${ORDERS - 1}::int) as i where id = ${orderId}`.execute(
      w.store.db,
    );
    await sql`
      insert into subscription_line (subscription_id, order_id, line_no, offer_code, quantity, rsd,
        status, contact_name, contact_email, contact_language, rsd_at, next_action_at, created_at,
        updated_at, policy_days)
      select subscription_id || '-' || i, order_id || '-' || i, line_no, offer_code, quantity, rsd,
        status, contact_name, 'c' || i || '@initech.example', contact_language, rsd_at,
        next_action_at, created_at, updated_at, policy_days
      from subscription_line, generate_series(1, ${ORDERS - 1}::int) as i
      where order_id = ${orderId}`.execute(w.store.db);
    // What `vacuumdb --analyze` on a new database leaves: statistics that say "no sends".
    await sql`vacuum analyze provisioning_email`.execute(w.store.db);
  });
  afterAll(() => w.close());

  it('queues 2,000 e-mails on statistics that say "empty" without reading earlier sends per e-mail', async () => {
    const read = await w.store.db.connection().execute(async (db) => {
      const before = await sendsReadBySeqScan(db);
      const done = await runDue({ ...w.deps, db }, { now: rsdInstant(w.deps.settings.policy, RSD) });
      expect(done.dispatched).toBe(ORDERS);
      return (await sendsReadBySeqScan(db)) - before;
    });
    expect(await countRows(w.store.db, 'provisioning_email')).toBe(ORDERS);
    // While the table is a few pages, scanning it is the right plan: the first three batches
    // (25, 50, 100 lines) and each batch's look for e-mails to withdraw read 26,033 rows in all.
    // With the plans the connection made first, each e-mail's check read every send before it:
    // 2,011,633 rows (2,000² / 2).
    expect(read).toBeLessThan(20 * ORDERS);
  });
});
