/**
 * The `onramp` command as an operator runs it: in this process through `runCli` (the same program,
 * output and exit codes as bin/onramp.js, without starting node and compiling the sources for
 * every command), or as a real child process for the smoke tests.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { runCli } from '../../src/cli/run-cli.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { TEST_SECRET_KEY } from './secret-keys.js';

export const BIN = join(import.meta.dirname, '../../bin/onramp.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it (synchronously: nothing is lost at the end). */
function textSink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * One command line in this process; `env` is added to the process's environment (LOG_LEVEL=warn,
 * and the tests' OUTBOX_SECRET_KEY).
 */
export async function runOnramp(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const stdout = textSink();
  const stderr = textSink();
  const code = await runCli(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { ...process.env, LOG_LEVEL: 'warn', OUTBOX_SECRET_KEY: TEST_SECRET_KEY, ...env },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * The same through bin/onramp.js in a child process, with exactly `env` (and the tests'
 * OUTBOX_SECRET_KEY unless `env` names one). Never `spawnSync` in a
 * test that also talks HTTP: a blocked event loop cannot see the server close an idle keep-alive
 * socket, and the next request on it fails ("other side closed") when the command was slow.
 */
export function spawnOnramp(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { OUTBOX_SECRET_KEY: TEST_SECRET_KEY, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Opens a data folder in this process (no command is running), runs `fn`, closes it. */
export async function withStoreAt<T>(dataDir: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
