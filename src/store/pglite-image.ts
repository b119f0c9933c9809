/**
 * A migrated, empty PGlite database as a gzipped tarball. Built once at install time
 * (scripts/build.js); a first embedded start loads it instead of running initdb, which takes
 * seconds inside WebAssembly. Migrations still run after loading, so an image older than the
 * code only costs the missing migrations.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';

import { SECRET_KEY_FILE } from './data-dir-secret-key.js';
import { LOCK_FILE } from './lock-data-dir.js';
import { migrate } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

/** Where the install-time build leaves the image: dist/, seen from dist/store or from src/store. */
const IMAGE_PLACES = ['../pglite-image.tar.gz', '../../dist/pglite-image.tar.gz'].map((rel) =>
  fileURLToPath(new URL(rel, import.meta.url)),
);

export async function buildPgliteImage(file: string): Promise<void> {
  const pglite = await PGlite.create();
  try {
    await migrate(new Kysely<Database>({ dialect: new PGliteDialect(pglite) }));
    const blob = await pglite.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** The image to seed a new data folder with, if the folder is empty and an image exists. */
export function imageForNewDataDir(dataDir: string, places = IMAGE_PLACES): Blob | undefined {
  // The data folder may already hold our lock file (src/store/lock-data-dir.ts) and the sealing
  // key made just before (data-dir-secret-key.ts), nothing else; onramp.pid is the lock of
  // versions before it (a stale one is left behind by a crash).
  const ours = new Set([LOCK_FILE, SECRET_KEY_FILE, 'onramp.pid']);
  const empty = !existsSync(dataDir) || readdirSync(dataDir).every((f) => ours.has(f));
  const image = places.find((p) => existsSync(p));
  return empty && image ? new Blob([readFileSync(image)]) : undefined;
}
