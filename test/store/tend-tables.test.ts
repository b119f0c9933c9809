/**
 * The embedded store's stand-in for autovacuum (store/tend-tables.ts): a table that changed by
 * more than autovacuum's thresholds gets fresh statistics (and a vacuum when it holds dead rows),
 * after which the planner sees its real size; an unchanged table is left alone. PGlite only:
 * PostgreSQL runs its own autovacuum, and the worker tends tables on the embedded store alone.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { needsTending, tendTables } from '../../src/store/tend-tables.js';
import { flushTableCounts } from '../support/queries.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

const T0 = new Date('2026-12-01T09:00:00.000Z');

describe('tending the embedded tables [pglite]', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore('pglite');
    // Settle the statistics of the migrations and fixtures, so only this test's changes count.
    await tendTables(store.db);
  });
  afterEach(async () => {
    await store.close();
  });

  async function queue(count: number) {
    await store.db
      .insertInto('outbox')
      .values(
        Array.from({ length: count }, (_, i) => ({
          topic: 'email',
          payload: '{}',
          message_key: `tend-${i}`,
          available_at: T0,
          created_at: T0,
        })),
      )
      .execute();
    await flushTableCounts(store.db);
  }

  async function plannedRows(): Promise<number> {
    const { rows } = await sql<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>`
      explain (format json) select * from outbox where status = 'pending'`.execute(store.db);
    return rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows'];
  }

  it('is needed on the embedded store, which has no autovacuum daemon', async () => {
    expect(await needsTending('pglite', store.db)).toBe(true);
  });

  it('analyzes a table that grew past the threshold, and the planner sees its size', async () => {
    await queue(2_000);
    const tended = await tendTables(store.db);
    expect(tended.analyzed).toContain('outbox');
    expect(tended.vacuumed).not.toContain('outbox');
    expect(await plannedRows()).toBe(2_000);
  });

  it('vacuums a table whose rows were mostly deleted, and leaves unchanged tables alone', async () => {
    await queue(2_000);
    await tendTables(store.db);
    await store.db.deleteFrom('outbox').where('message_key', '<>', 'tend-0').execute();
    await flushTableCounts(store.db);
    const tended = await tendTables(store.db);
    expect(tended.vacuumed).toEqual(['outbox']);
    expect(tended.analyzed).toEqual(['outbox']);
    expect(await plannedRows()).toBe(1);
    expect(await tendTables(store.db)).toEqual({ analyzed: [], vacuumed: [] });
  });
});
