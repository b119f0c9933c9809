/**
 * A fresh, migrated database for one test suite, on PGlite or on the real PostgreSQL.
 * `describeEachStore` runs the same scenarios on both.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { describe, inject } from 'vitest';

import { openStore, type Store, type StoreKind } from '../../src/store/open-store.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import type { Database } from '../../src/store/schema.js';

export function storeKinds(): StoreKind[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestStore extends Store {
  /** A connection string other processes or pools can use (PostgreSQL only). */
  url: string | null;
}

async function openPgliteCopy(): Promise<TestStore> {
  const image = readFileSync(inject('pgliteImage'));
  const pglite = await PGlite.create({
    loadDataDir: new Blob([image]),
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    url: null,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function openPostgresCopy(): Promise<TestStore> {
  const name = `onramp_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${inject('pgTemplate')}`);
  const url = inject('pgAdminUrl').replace(/\/[^/]*$/, `/${name}`);
  const store = await openStore({ databaseUrl: url, poolSize: 20 });
  return {
    ...store,
    url,
    close: async () => {
      await store.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export function openTestStore(kind: StoreKind): Promise<TestStore> {
  return kind === 'pglite' ? openPgliteCopy() : openPostgresCopy();
}

/** Runs a suite once per available store; the callback gets the kind. */
export function describeEachStore(name: string, fn: (kind: StoreKind) => void): void {
  for (const kind of storeKinds()) describe(`${name} [${kind}]`, () => fn(kind));
}
