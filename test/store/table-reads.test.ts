/**
 * What the worker's hot statements read, counted by the database itself
 * (`pg_stat_xact_user_tables`: this transaction's scans and the tuples they fetched), on both
 * stores. A claim of the outbox reads the rows it takes, however long the backlog; the webhook
 * lookup of each batch reads no line while no endpoint is live; ANALYZE keeps no statistics of
 * the JSON documents no query filters on.
 */
import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';

import { deleteWebhookEndpoint } from '../../src/app/webhooks/delete-webhook-endpoint.js';
import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import { claimDue } from '../../src/store/outbox-repository.js';
import { inTransaction } from '../../src/store/run-transaction.js';
import type { Database } from '../../src/store/schema.js';
import { lineWebhookTargets } from '../../src/store/webhook-repository.js';
import { flushTableCounts } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const LEASE_MS = 60_000;

/** Tuples this transaction has read from `table` so far, by sequential and by index scans. */
async function tuplesRead(trx: Transaction<Database>, table: string) {
  const { rows } = await sql<{ seq: number; idx: number }>`
    select coalesce(seq_tup_read, 0)::integer as seq, coalesce(idx_tup_fetch, 0)::integer as idx
    from pg_stat_xact_user_tables where relname = ${table}`.execute(trx);
  return rows[0]!.seq + rows[0]!.idx;
}

describeEachStore('what the worker reads', (kind) => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld(kind);
  });
  afterEach(async () => {
    await w.close();
  });

  /** A due pass's backlog: `groups` batches of `perGroup` e-mails, each batch due at one instant. */
  async function queueBacklog(groups: number, perGroup: number) {
    const now = w.clock.now();
    for (let g = 0; g < groups; g++)
      await w.store.db
        .insertInto('outbox')
        .values(
          Array.from({ length: perGroup }, (_, i) => ({
            topic: 'email',
            payload: '{}',
            message_key: `backlog-${g}-${i}`,
            available_at: new Date(now.getTime() - (groups - g) * 1000),
            created_at: now,
          })),
        )
        .execute();
    await sql`analyze outbox`.execute(w.store.db);
  }

  it('claims the first e-mails of a 3,000-row backlog by reading about as many rows as it takes', async () => {
    await queueBacklog(6, 500);
    const firstIds = await w.store.db
      .selectFrom('outbox')
      .select('id')
      .orderBy('available_at')
      .orderBy('id')
      .limit(100)
      .execute();
    await flushTableCounts(w.store.db);
    const { claimed, read } = await inTransaction(w.deps, async (trx) => {
      const claimed = await claimDue(trx, w.clock.now(), 100, LEASE_MS);
      return { claimed, read: await tuplesRead(trx, 'outbox') };
    });
    // The oldest rows, in id order within an instant.
    const ids = (rows: { id: number | string }[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(ids(claimed)).toEqual(ids(firstIds));
    // The 100 rows through the due index, then the same 100 by primary key to update them.
    // Ordered by available_at alone, the claim read all 3,000 due rows and sorted them.
    expect(read).toBeLessThanOrEqual(300);
  });

  it('looks up no line for webhooks while no endpoint is live, and finds them once one is', async () => {
    const { subscriptionIds } = await w.order();
    const targets = async () => {
      await flushTableCounts(w.store.db);
      return inTransaction(w.deps, async (trx) => {
        const found = await lineWebhookTargets(trx, subscriptionIds);
        return {
          found,
          read: (await tuplesRead(trx, 'subscription_line')) + (await tuplesRead(trx, 'purchase_order')),
        };
      });
    };
    expect(await targets()).toEqual({ found: [], read: 0 });

    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    const endpoint = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url: 'http://127.0.0.1:9/hooks',
      description: 'paola',
    });
    const live = await targets();
    expect(live.found.map((t) => [t.subscription_id, t.id])).toEqual([
      [subscriptionIds[0], endpoint.endpointId],
    ]);
    expect(live.read).toBeGreaterThan(0);

    await deleteWebhookEndpoint(w.deps, w.actors.paola, endpoint.endpointId);
    expect(await targets()).toEqual({ found: [], read: 0 });
  });

  it('keeps no planner statistics of the JSON documents after ANALYZE', async () => {
    await queueBacklog(1, 200);
    await w.order();
    await sql`analyze`.execute(w.store.db);
    const { rows } = await sql<{ table: string; column: string }>`
      select tablename as table, attname as column from pg_stats
      where schemaname = 'public' and tablename in ('outbox', 'audit_event')
      order by tablename, attname`.execute(w.store.db);
    const columns = rows.map((r) => `${r.table}.${r.column}`);
    expect(columns).toContain('outbox.message_key');
    expect(columns).toContain('audit_event.action');
    expect(columns).not.toContain('outbox.payload');
    expect(columns).not.toContain('audit_event.data');
  });
});
