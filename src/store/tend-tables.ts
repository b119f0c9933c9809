/**
 * Autovacuum for the embedded store. PostgreSQL's autovacuum daemon keeps each table's planner
 * statistics fresh and reclaims dead rows; PGlite runs PostgreSQL in single-user mode, with no
 * background workers, so its statistics stayed as they were when a table was small. In an RSD
 * burst that made the planner scan every queued e-mail once per claim (docs/benchmarks.md).
 * This applies autovacuum's own default rule: ANALYZE a table once more than 50 rows plus 10 %
 * of it changed since the last one, VACUUM it once more than 50 rows plus 20 % of it are dead.
 * A PostgreSQL server whose autovacuum is turned off gets the same care (see needsTending).
 */
import { type Kysely, sql } from 'kysely';

import type { Database } from './schema.js';

export interface TendedTables {
  analyzed: string[];
  vacuumed: string[];
}

/**
 * Whether the worker must tend the tables itself: always on PGlite (no autovacuum daemon), and on
 * a PostgreSQL server whose `autovacuum` setting is off (the worker logs that it stands in).
 */
export async function needsTending(kind: 'pglite' | 'postgres', db: Kysely<Database>): Promise<boolean> {
  if (kind === 'pglite') return true;
  const { rows } = await sql<{ on: boolean }>`select current_setting('autovacuum') = 'on' as on`.execute(db);
  return !rows[0]?.on;
}

export async function tendTables(db: Kysely<Database>): Promise<TendedTables> {
  const { rows } = await sql<{ schema: string; table: string; vacuum: boolean }>`
    select schemaname as schema, relname as table, n_dead_tup > 50 + 0.2 * n_live_tup as vacuum
    from pg_stat_user_tables
    where n_mod_since_analyze > 50 + 0.1 * n_live_tup or n_dead_tup > 50 + 0.2 * n_live_tup
    order by relname`.execute(db);
  const tended: TendedTables = { analyzed: [], vacuumed: [] };
  for (const row of rows) {
    // VACUUM ANALYZE does both; a table with few dead rows only needs fresh statistics.
    await sql`${sql.raw(row.vacuum ? 'vacuum analyze' : 'analyze')} ${sql.id(row.schema, row.table)}`.execute(
      db,
    );
    tended.analyzed.push(row.table);
    if (row.vacuum) tended.vacuumed.push(row.table);
  }
  return tended;
}
