/**
 * A migrated, empty PGlite database as a gzipped tarball. Built once at install time
 * (scripts/build.js); a first embedded start unpacks it into the new data folder instead of
 * running initdb, which takes seconds inside WebAssembly. Migrations still run after that, so an
 * image older than the code only costs the missing migrations.
 *
 * The tarball is unpacked on disk, streaming, by node-tar: handing it to PGlite (`loadDataDir`)
 * unpacks it in memory instead, and the ~100 MB that takes stayed in the process's resident set
 * for as long as it ran.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { extract } from 'tar';

import { migrate } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

/** PostgreSQL's mark of a data folder. */
const VERSION_FILE = 'PG_VERSION';

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

/**
 * Seeds a new data folder from the image: true when it did, false when the folder already holds
 * a database (it is never touched then) or no image was built.
 *
 * A folder holds a database once it has PG_VERSION, which is unpacked last: a start killed while
 * unpacking leaves a folder without it, and the next start unpacks the image over it again.
 */
export async function seedNewDataDir(dataDir: string, places = IMAGE_PLACES): Promise<boolean> {
  const image = places.find((p) => existsSync(p));
  if (existsSync(join(dataDir, VERSION_FILE)) || !image) return false;
  mkdirSync(dataDir, { recursive: true });
  // The image's paths are absolute inside PGlite's file system ("/base/1/…"); node-tar strips the
  // leading slash, so they land inside the folder.
  const unpack = (last: boolean) =>
    extract({
      file: image,
      cwd: dataDir,
      gzip: true,
      filter: (path) => (path.replace(/^\//, '') === VERSION_FILE) === last,
      onwarn: () => {},
    });
  await unpack(false);
  await unpack(true);
  return true;
}
