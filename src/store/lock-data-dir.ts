/**
 * PGlite is one process's database: while a server holds ./data no other process may open it.
 *
 * The hold is an OS lock on `onramp.lock` in the folder, taken without waiting and kept (its file
 * descriptor open) for the life of the process. The kernel drops it when the process ends, however
 * it ends, so a crashed server (kill -9, OOM) never blocks the next start, and nothing depends on
 * pids, which a container reuses. Node has no flock, so the lock comes from fs-native-extensions
 * (Holepunch, N-API prebuilds for Linux, macOS and Windows, no compiler needed): an open-file-
 * description lock on Linux (F_OFD_SETLK: owned by this descriptor, so a second open in the same
 * process conflicts too), flock on macOS, LockFileEx on Windows. Two servers on one host, or two
 * containers mounting the same folder, contend for the same inode. Chosen over a unix socket named
 * after the folder (abstract sockets are Linux-only and per network namespace: two containers
 * would both "hold" it) and over a pid file (a stale one after kill -9 refused restarts).
 * The file stays after release: deleting it would let a starter lock an unlinked inode.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type * as FsNativeExtensions from 'fs-native-extensions';

import { AppError } from '../domain/errors.js';

// Loaded on first use: a PostgreSQL deployment never locks a folder, so it never loads the addon.
const loadAddon = () => createRequire(import.meta.url)('fs-native-extensions') as typeof FsNativeExtensions;

/** The lock file; it holds the holder's pid, for the message only. */
export const LOCK_FILE = 'onramp.lock';

function holderPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // Windows refuses reads of a locked range: the pid is a courtesy anyway
  }
}

/** Takes the folder's lock or throws DATA_DIR_LOCKED; the function returned releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  // Opened for writing: an exclusive lock needs it. Never truncated before the lock is ours.
  const fd = openSync(file, 'a+');
  let locked: boolean;
  try {
    locked = loadAddon().tryLock(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!locked) {
    closeSync(fd);
    const pid = holderPid(file);
    throw new AppError(
      'DATA_DIR_LOCKED',
      { dataDir, ...(pid ? { pid } : {}) },
      `The data folder ${dataDir} is held by a running Onramp server${pid ? ` (pid ${pid})` : ''}. Stop it first, or point DATABASE_URL at PostgreSQL.`,
    );
  }
  ftruncateSync(fd);
  writeSync(fd, String(process.pid));
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    closeSync(fd); // closing the descriptor releases the lock
  };
}
