/**
 * Runs once per test run: prepares a migrated PGlite image and, when PostgreSQL is reachable, a
 * migrated template database. Every test suite then gets its own fresh copy of either, so runs
 * and suites never collide. In CI (CI=true) an unreachable PostgreSQL fails the run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { listMigrations, migrate } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/open-store.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import type { Database } from '../../src/store/schema.js';

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    pgTemplate: string | null;
    pgAdminUrl: string;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A migrated PGlite, dumped; each suite loads its own copy (much faster than migrating). initdb in
 * WebAssembly takes seconds, so the image is kept between runs under a name that changes with the
 * migrations and the PGlite version; runs side by side write it atomically (rename).
 */
async function pgliteImage(): Promise<string> {
  const pgliteVersion = (
    JSON.parse(
      readFileSync(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  const key = createHash('sha256')
    .update(pgliteVersion)
    .update(JSON.stringify(listMigrations()))
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), 'onramp-test-cache');
  const image = join(dir, `pglite-${key}.tar`);
  if (existsSync(image)) return image;
  mkdirSync(dir, { recursive: true });
  const raw = await PGlite.create();
  await migrate(new Kysely<Database>({ dialect: new PGliteDialect(raw) }));
  const partial = `${image}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await (await raw.dumpDataDir('none')).arrayBuffer()));
  await raw.close();
  renameSync(partial, image);
  return image;
}

export default async function setup(project: TestProject) {
  const image = await pgliteImage();

  let template: string | null = null;
  // `npm run test:fast` (TEST_STORES=pglite) is the inner loop: PGlite only, on purpose.
  const pgliteOnly = process.env.TEST_STORES === 'pglite';
  if (pgliteOnly) {
    if (process.env.CI === 'true') throw new Error('CI tests on both stores: unset TEST_STORES.');
  } else if (await reachable(PG_ADMIN_URL)) {
    template = `onramp_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const tplStore = await openStore({ databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${template}`) });
    await migrate(tplStore.db);
    await tplStore.close();
  } else if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; CI must test on it.`);
  } else {
    console.warn(`PostgreSQL not reachable at ${PG_ADMIN_URL}: store tests run on PGlite only.`);
  }
  project.provide('pgliteImage', image);
  project.provide('pgTemplate', template);
  project.provide('pgAdminUrl', PG_ADMIN_URL);

  return async () => {
    if (template) {
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}
