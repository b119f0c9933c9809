/**
 * Issue 18, item 10: the embedded data folder's lock is an OS lock held for the life of the
 * process. Another holder, in this process or another, is refused; a holder killed with SIGKILL
 * leaves nothing that blocks the next start; a leftover file naming a live pid blocks nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { isAppError } from '../../src/domain/errors.js';
import { LOCK_FILE, lockDataDir } from '../../src/store/lock-data-dir.js';

const root = mkdtempSync(join(tmpdir(), 'onramp-lock-'));
let n = 0;
const freshDir = () => join(root, `data-${++n}`);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const MODULE = join(import.meta.dirname, '../../src/store/lock-data-dir.ts');

/** A separate node process that takes the lock, says "held", and keeps running. */
async function holdInChild(dataDir: string): Promise<ChildProcess> {
  const code = `const { lockDataDir } = await import(${JSON.stringify(MODULE)});
lockDataDir(${JSON.stringify(dataDir)});
process.stdout.write('held\\n');
setInterval(() => {}, 1 << 30);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.once('exit', (exitCode) => reject(new Error(`the holder exited early (${exitCode})`)));
  });
  return child;
}

function refusal(dataDir: string): unknown {
  try {
    lockDataDir(dataDir)();
    return null;
  } catch (e) {
    return e;
  }
}

describe('lockDataDir', () => {
  it('refuses a second holder in the same process, naming the holder, until the first releases', () => {
    const dataDir = freshDir();
    const release = lockDataDir(dataDir);
    const error = refusal(dataDir);
    expect(isAppError(error) && error.code).toBe('DATA_DIR_LOCKED');
    expect(isAppError(error) && error.details).toEqual({ dataDir, pid: process.pid });
    release();
    release(); // twice is harmless
    const again = lockDataDir(dataDir);
    again();
  });

  it('refuses while another process holds the folder, and takes it at once after that process is killed -9', async () => {
    const dataDir = freshDir();
    const holder = await holdInChild(dataDir);
    const error = refusal(dataDir);
    expect(isAppError(error) && error.details).toEqual({ dataDir, pid: holder.pid });
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(holder.pid));

    const exited = new Promise((resolve) => holder.once('exit', (_code, signal) => resolve(signal)));
    holder.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // No waiting, no stale-file check: the kernel dropped the lock with the process.
    const release = lockDataDir(dataDir);
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('is not blocked by a leftover lock file naming a live process (a pid reused in a container)', () => {
    const dataDir = freshDir();
    lockDataDir(dataDir)();
    writeFileSync(join(dataDir, LOCK_FILE), String(process.ppid)); // alive, but holds no lock
    writeFileSync(join(dataDir, 'onramp.pid'), String(process.ppid)); // the old pid-file lock
    const release = lockDataDir(dataDir);
    release();
  });
});
