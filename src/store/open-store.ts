/**
 * Opens the one database Onramp uses: embedded PGlite by default (a folder, or ':memory:'),
 * PostgreSQL when a URL is given. Both speak the same SQL through the same Kysely `Database`.
 */

import v8 from 'node:v8';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

import { PGliteDialect } from './pglite-dialect.js';
import { seedNewDataDir } from './pglite-image.js';
import { PreparingClient } from './prepare-statements.js';
import type { Database } from './schema.js';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  kind: StoreKind;
  db: Kysely<Database>;
  /** Cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder, or ':memory:'. */
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL only (PGlite runs in this process); each default below when absent. */
  timeouts?: Partial<DatabaseTimeouts>;
}

/**
 * How long PostgreSQL work may take, so a slow or unreachable database costs a request seconds,
 * not minutes (0 = no limit, as in PostgreSQL). Two layers, because they catch different faults:
 * `statementMs` is PostgreSQL's statement_timeout, which cancels a slow statement cleanly on the
 * server; `queryMs` is the client's own timer, the only one that fires when the network drops
 * packets (a "blackhole": no answer, no reset), so it must be the longer of the two.
 */
export interface DatabaseTimeouts {
  /** Opening a connection, and waiting for a free one from the pool. */
  connectMs: number;
  statementMs: number;
  queryMs: number;
  /** A session left in an open transaction (its client lost) is ended, freeing its row locks. */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  queryMs: 17_000,
  idleInTransactionMs: 60_000,
};

// DATE stays a 'YYYY-MM-DD' string (no time-zone drift); counts and identities become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, {
        ...DEFAULT_DATABASE_TIMEOUTS,
        ...options.timeouts,
      })
    : openPglite(options.dataDir ?? ':memory:');
}

/**
 * PostgreSQL's defaults size its buffers for a server of its own (128 MB of shared_buffers);
 * inside this process they were most of the embedded server's resident memory. 8 MB hold the
 * working set of a demo or small-team database; a page not in them is a read of a file the OS
 * caches. Measured against 16 MB (docs/benchmarks.md): 8 MB less resident when idle, and 10,000-
 * and 1,000-line bursts as fast.
 *
 * ANALYZE (the worker's table tending) reads a sample of 300 × default_statistics_target rows of
 * a table into memory: at the default (100), 30,000 rows, about 10 MB of the WebAssembly memory
 * per large table, and a page of it once touched stays resident. At 10 the sample is 3,000 rows:
 * the 50,000-line embedded burst peaked 22 MB lower (docs/benchmarks.md). Ten most common values
 * and ten histogram buckets per column are enough for the plans of a database this size, whose
 * queries go by key and by the indexes of their due columns.
 */
const PGLITE_SETTINGS = [
  'shared_buffers=8MB',
  'work_mem=2MB',
  'maintenance_work_mem=16MB',
  'default_statistics_target=10',
];

/**
 * V8 compiles WebAssembly twice: at once with its baseline compiler (Liftoff), then the functions
 * that run often again with its optimizing one (TurboFan), on background threads. For PGlite's
 * module (PostgreSQL itself) the second compile costs more than it gives back. Measured on two
 * cores (docs/benchmarks.md): an embedded start spent 7 s of CPU with it and under 4 s without,
 * the idle and burst resident sets are ~65 MB smaller without, and a 10,000-line burst took as
 * long (26.6–38.8 s either way, three runs each). So only the baseline code is kept. V8 names
 * the flag "for testing"; it reads it when a module is compiled, so it is set before the first
 * PGlite.create, and it applies to any WebAssembly this process compiles later.
 */
function keepBaselineWasm(): void {
  v8.setFlagsFromString('--liftoff-only');
}

async function openPglite(dataDir: string): Promise<Store> {
  keepBaselineWasm();
  const inMemory = dataDir === ':memory:';
  if (!inMemory) await seedNewDataDir(dataDir);
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number, timeouts: DatabaseTimeouts): Promise<Store> {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.queryMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // Probes a silent peer, so a connection cut by a blackhole is found dead while idle too.
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its server (restart, failover, cut network) must not crash the process: idle
  // clients report on the pool; a client in use emits 'error' on itself too, while its query
  // rejects with the same error (which the caller handles: 503 UNAVAILABLE, or the worker retries).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
}
