/**
 * The embedded database runs inside the server's process, so its memory settings are part of the
 * server's footprint (docs/benchmarks.md): they must be the ones an opened store actually runs with.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore, type Store } from '../../src/store/open-store.js';

let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: ':memory:' });
});

afterAll(async () => {
  await store.close();
});

describe('the embedded store', () => {
  it.each([
    ['shared_buffers', '8MB'],
    ['work_mem', '2MB'],
    ['maintenance_work_mem', '16MB'],
    // ANALYZE samples 300 × this many rows of a table into the WebAssembly memory, which keeps them.
    ['default_statistics_target', '10'],
  ])('runs with %s = %s', async (name, value) => {
    const { rows } = await sql<{ setting: string }>`select current_setting(${name}) as setting`.execute(
      store.db,
    );
    expect(rows[0]!.setting).toBe(value);
  });

  it('keeps ten histogram buckets per column when it analyzes a table', async () => {
    await sql`create table sampled (n int)`.execute(store.db);
    await sql`insert into sampled select generate_series(1, 20000)`.execute(store.db);
    await sql`analyze sampled`.execute(store.db);
    // Ten buckets have eleven bounds; at PostgreSQL's default (100) there would be 101.
    const { rows } = await sql<{ bounds: number }>`
      select array_length(histogram_bounds::text::int[], 1) as bounds
      from pg_stats where tablename = 'sampled' and attname = 'n'`.execute(store.db);
    expect(rows[0]!.bounds).toBe(11);
  });
});
