/** The install-time PGlite image: a new data folder starts from it, a used one is never touched. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

import { dataDirSecretKey } from '../../src/store/data-dir-secret-key.js';
import { LOCK_FILE } from '../../src/store/lock-data-dir.js';
import { listMigrations, pendingMigrations } from '../../src/store/migrate.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import { buildPgliteImage, seedNewDataDir } from '../../src/store/pglite-image.js';
import type { Database } from '../../src/store/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'onramp-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite image', () => {
  it(
    'seeds a new data folder with every migration applied, and the copy is writable',
    { timeout: 120_000 },
    async () => {
      const image = join(dir, 'image');
      await buildPgliteImage(image);

      const dataDir = join(dir, 'data');
      mkdirSync(dataDir);
      // What a start writes before opening the database: its lock, then the sealing key.
      writeFileSync(join(dataDir, LOCK_FILE), String(process.pid));
      dataDirSecretKey(dataDir);
      expect(await seedNewDataDir(dataDir, [join(dir, 'missing'), image])).toBe(true);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

      const pglite = await PGlite.create(dataDir);
      const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
      try {
        expect(await pendingMigrations(db)).toBe(0);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(
          db,
        );
        expect(rows[0]!.n).toBe(listMigrations().length);
        await sql`insert into organization (id, kind, name, created_at) values ('o1', 'partner', 'Acme', now())`.execute(
          db,
        );
        const orgs = await db.selectFrom('organization').select('name').execute();
        expect(orgs).toEqual([{ name: 'Acme' }]);
      } finally {
        await db.destroy();
        await pglite.close();
      }

      // The folder now holds a database: the image must never be copied over it.
      expect(await seedNewDataDir(dataDir, [image])).toBe(false);
      const pglite2 = await PGlite.create(dataDir);
      try {
        const again = await pglite2.query<{ name: string }>('select name from organization');
        expect(again.rows).toEqual([{ name: 'Acme' }]);
      } finally {
        await pglite2.close();
      }

      // A start killed while copying left files but no PG_VERSION: the next one copies again.
      const halfDone = join(dir, 'half');
      mkdirSync(join(halfDone, 'base'), { recursive: true });
      writeFileSync(join(halfDone, 'base', 'partial'), 'x');
      expect(await seedNewDataDir(halfDone, [image])).toBe(true);
      const pglite3 = await PGlite.create(halfDone);
      try {
        expect((await pglite3.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await pglite3.close();
      }
    },
  );

  it('seeds nothing when no image was built', async () => {
    expect(await seedNewDataDir(join(dir, 'fresh'), [join(dir, 'nope')])).toBe(false);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
  });
});
