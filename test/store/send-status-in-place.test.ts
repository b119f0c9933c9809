/**
 * Recording a send's new status writes its new row version beside the old one (a HOT update: no
 * entry in any of the table's indexes), because provisioning_email keeps half of each page free
 * (migration 037). Counted by the database itself (`pg_stat_xact_user_tables`), on both stores.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { rsdInstant } from '../../src/domain/policy.js';
import { runDue } from '../../src/jobs/run-due.js';
import { inTransaction } from '../../src/store/run-transaction.js';
import { setSendStatuses } from '../../src/store/send-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const RSD = '2026-12-02';
const ORDERS = 10;
const LINES = 20;

describeEachStore('send status updates in place', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
    for (let o = 0; o < ORDERS; o++)
      await w.order({
        rsd: RSD,
        lines: Array.from({ length: LINES }, () => ({
          offerCode: 'MEET-PRO',
          quantity: 1,
          provisioningContact: { name: 'Irene Conti', email: `irene${o}@initech.example`, language: 'en' },
        })),
      });
    await runDue(w.deps, { now: rsdInstant(w.deps.settings.policy, RSD) });
  });
  afterAll(() => w.close());

  it('marks 200 sends sent with HOT updates, adding no index entries', async () => {
    const leads = await w.store.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('lead_send_id', 'is', null)
      .execute();
    expect(leads).toHaveLength(ORDERS);
    const counts = await inTransaction(w.deps, async (trx) => {
      const sends = await setSendStatuses(
        trx,
        leads.map((l) => ({ sendId: l.id, detail: '250 2.0.0 Ok: queued as 4Xk2Lq9' })),
        'sent',
        w.clock.now(),
      );
      expect(sends).toHaveLength(ORDERS * LINES);
      const { rows } = await sql<{ updated: number; hot: number }>`
        select n_tup_upd::integer as updated, n_tup_hot_upd::integer as hot
        from pg_stat_xact_user_tables where relname = 'provisioning_email'`.execute(trx);
      return rows[0]!;
    });
    expect(counts.updated).toBe(ORDERS * LINES);
    // 180 of the 200 here, on both stores; with full pages (before migration 037), none.
    expect(counts.hot).toBeGreaterThanOrEqual(0.8 * ORDERS * LINES);
  });
});
