/**
 * Forward-only migrations: migrations/NNN-name.sql, applied in order, each in its own
 * transaction under an advisory lock so several processes starting at once apply each file once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { type Kysely, sql } from 'kysely';

import type { Database } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 74_283_101;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(MIGRATIONS_DIR + file, 'utf8'),
    }));
}

async function ensureTable(db: Kysely<Database>): Promise<void> {
  await sql`create table if not exists schema_migration (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
    db,
  );
}

async function appliedVersions(db: Kysely<Database>): Promise<Set<number>> {
  const { rows } = await sql<{ version: number }>`select version from schema_migration`.execute(db);
  return new Set(rows.map((r) => r.version));
}

/** Applies what is missing; returns the names applied. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  await ensureTable(db);
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      if ((await appliedVersions(trx)).has(m.version)) return false;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migration (version, name) values (${m.version}, ${m.name})`.execute(trx);
      return true;
    });
    if (done) applied.push(`${String(m.version).padStart(3, '0')}-${m.name}`);
  }
  return applied;
}

/** Migrations known to this build but not applied to the database (for /readyz). */
export async function pendingMigrations(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass('schema_migration')::text as t`.execute(
    db,
  );
  if (!rows[0]?.t) return listMigrations().length;
  const applied = await appliedVersions(db);
  return listMigrations().filter((m) => !applied.has(m.version)).length;
}
