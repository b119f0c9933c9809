/**
 * The PostgreSQL pool prepares each parameterized statement once per connection (see
 * src/store/prepare-statements.ts): reused by name, bounded, and recovering after a schema change.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestStore, storeKinds, type TestStore } from '../support/test-store.js';

const onPostgres = storeKinds().includes('postgres') ? describe : describe.skip;

onPostgres('prepared statements [postgres]', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('postgres');
  });
  afterAll(() => store?.close());

  /** Runs `fn` on one pooled connection and lists that connection's prepared statements. */
  async function onOneConnection(fn: (conn: typeof store.db) => Promise<void>) {
    return store.db.connection().execute(async (conn) => {
      await fn(conn);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements order by prepare_time`.execute(conn);
      return rows;
    });
  }

  it('prepares a parameterized statement once and reuses it for every run', async () => {
    const prepared = await onOneConnection(async (conn) => {
      for (const id of ['a', 'b', 'c', 'a', 'b'])
        await conn.selectFrom('organization').select('id').where('id', '=', id).execute();
    });
    const mine = prepared.filter((p) => p.statement.includes('from "organization"'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^onramp_0_[0-9a-f]{24}$/);
  });

  it('leaves statements without parameters, or with very many, unnamed', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `org_${i}`);
    const prepared = await onOneConnection(async (conn) => {
      await sql`select count(*) from organization`.execute(conn);
      await conn.selectFrom('organization').select('id').where('id', 'in', ids).execute();
    });
    expect(prepared.filter((p) => p.statement.includes('count(*)'))).toHaveLength(0);
    expect(prepared.filter((p) => p.statement.includes(' in ('))).toHaveLength(0);
  });

  it('after a column is added under a prepared select *, one query fails and the next ones work', async () => {
    await store.db.connection().execute(async (conn) => {
      const select = () => conn.selectFrom('offer').selectAll().where('code', '=', 'none').execute();
      for (let i = 0; i < 6; i++) await select(); // past the custom plans: the generic plan is cached
      await sql`alter table offer add column bench_note text`.execute(conn);
      const outcomes: string[] = [];
      for (let i = 0; i < 3; i++)
        outcomes.push(
          await select().then(
            () => 'ok',
            (e: { code?: string }) => e.code ?? 'error',
          ),
        );
      // PostgreSQL refuses the stale plan once (0A000); the client then prepares afresh.
      expect(outcomes).toEqual(['0A000', 'ok', 'ok']);
      await sql`alter table offer drop column bench_note`.execute(conn);
    });
  });
});
