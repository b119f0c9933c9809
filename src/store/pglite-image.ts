/**
 * A migrated, empty PGlite database as a ready data folder. Built once at install time
 * (scripts/build.js); a first embedded start copies it into the new data folder instead of
 * running initdb, which takes seconds inside WebAssembly. Migrations still run after that, so an
 * image older than the code only costs the missing migrations.
 *
 * The image is kept unpacked and copied file by file (about 1,200 files, 40 MB: ~0.15 s here).
 * It used to be a gzipped tarball unpacked by node-tar at each first start, which took 1.5 s of
 * the embedded start (docs/benchmarks.md); handing the tarball to PGlite (`loadDataDir`) unpacks
 * it in memory instead, and the ~100 MB that takes stayed in the process's resident set.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
const IMAGE_PLACES = ['../pglite-image', '../../dist/pglite-image'].map((rel) =>
  fileURLToPath(new URL(rel, import.meta.url)),
);

/** Writes the image folder `dir` (replacing one there); it appears whole or not at all. */
export async function buildPgliteImage(dir: string): Promise<void> {
  const pglite = await PGlite.create();
  const partial = `${dir}.partial`;
  try {
    await migrate(new Kysely<Database>({ dialect: new PGliteDialect(pglite) }));
    const blob = await pglite.dumpDataDir('none');
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    // The dump's paths are absolute inside PGlite's file system ("/base/1/…"); node-tar strips
    // the leading slash, so they land inside the folder.
    await pipeline(
      Readable.from(Buffer.from(await blob.arrayBuffer())),
      extract({ cwd: partial, onwarn: () => {} }),
    );
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } finally {
    rmSync(partial, { recursive: true, force: true });
    await pglite.close();
  }
}

/**
 * Seeds a new data folder from the image: true when it did, false when the folder already holds
 * a database (it is never touched then) or no image was built.
 *
 * A folder holds a database once it has PG_VERSION, which is copied last: a start killed while
 * copying leaves a folder without it, and the next start copies the image over it again.
 */
export async function seedNewDataDir(dataDir: string, places = IMAGE_PLACES): Promise<boolean> {
  const image = places.find((p) => existsSync(join(p, VERSION_FILE)));
  if (existsSync(join(dataDir, VERSION_FILE)) || !image) return false;
  const versionFile = join(image, VERSION_FILE);
  cpSync(image, dataDir, { recursive: true, filter: (src) => src !== versionFile });
  cpSync(versionFile, join(dataDir, VERSION_FILE));
  return true;
}
