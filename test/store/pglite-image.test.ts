/** The install-time PGlite image: a new data folder starts from it, a used one is never touched. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

import { dataDirSecretKey } from '../../src/store/data-dir-secret-key.js';
import { LOCK_FILE } from '../../src/store/lock-data-dir.js';
import { listMigrations, pendingMigrations } from '../../src/store/migrate.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import { buildPgliteImage, imageForNewDataDir } from '../../src/store/pglite-image.js';
import type { Database } from '../../src/store/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'onramp-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite image', () => {
  it(
    'seeds a new data folder with every migration applied, and the copy is writable',
    { timeout: 120_000 },
    async () => {
      const image = join(dir, 'image.tar.gz');
      await buildPgliteImage(image);

      const dataDir = join(dir, 'data');
      mkdirSync(dataDir);
      // What a start writes before opening the database: its lock, then the sealing key.
      writeFileSync(join(dataDir, LOCK_FILE), String(process.pid));
      dataDirSecretKey(dataDir);
      const blob = imageForNewDataDir(dataDir, [join(dir, 'missing.tar.gz'), image]);
      expect(blob).toBeInstanceOf(Blob);

      const pglite = await PGlite.create(dataDir, { loadDataDir: blob! });
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

      // The folder now holds a database: the image must never be loaded over it.
      expect(imageForNewDataDir(dataDir, [image])).toBeUndefined();
    },
  );

  it('offers nothing when no image was built', () => {
    expect(imageForNewDataDir(join(dir, 'fresh'), [join(dir, 'nope.tar.gz')])).toBeUndefined();
  });
});
