/**
 * Real Onramp processes for the resilience tests: `onramp web` / `onramp worker` spawned with an
 * environment, their JSON log lines kept, killed with any signal. Every process a test starts is
 * tracked, so `killAll()` in afterAll leaves nothing running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { TEST_SECRET_KEY, useTestKeyRing } from '../../support/secret-keys.js';
import { ROOT } from './compile-onramp.js';

export const LAUNCHER = join(ROOT, 'bin', 'onramp.js');

export interface OnrampProcess {
  pid: number;
  role: 'web' | 'worker';
  /** Parsed JSON log lines (stdout), in order. */
  logs: Record<string, unknown>[];
  /** stderr, for failure messages. */
  stderr: string[];
  /** Resolves when the process has exited, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The web port, once the process has logged that it listens. */
  port(): number | null;
  /** A worker's probe and metrics port (WORKER_PORT), once it has logged it. */
  probePort(): number | null;
}

// The spawned processes seal and open outbox secrets with TEST_SECRET_KEY: so does this test
// process, whose world queues e-mails the spawned workers send (and reads what they stored).
useTestKeyRing();

const running = new Set<ChildProcess>();

export function spawnOnramp(
  role: 'web' | 'worker',
  env: Record<string, string>,
  entry: string = LAUNCHER,
): OnrampProcess {
  const child = spawn(process.execPath, [entry, role], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      OUTBOX_SECRET_KEY: TEST_SECRET_KEY,
      // Several workers run side by side: each serves its probes on a port of its own.
      WORKER_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  let buffered = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    pid: child.pid!,
    role,
    logs,
    stderr,
    exited,
    alive: () => !done,
    kill: (signal = 'SIGTERM') => {
      if (!done) child.kill(signal);
      return exited;
    },
    port: () => {
      const line = logs.find((l) => l['msg'] === 'Onramp is listening');
      return line ? Number(new URL(String(line['url'])).port) : null;
    },
    probePort: () => {
      const line = logs.find((l) => l['msg'] === 'worker serves /healthz, /readyz and /metrics');
      return line ? Number(line['port']) : null;
    },
  };
}

/** Kills every process the tests started that is still running, and waits for them. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * Polls a condition (not a clock): resolves once it holds, rejects after `timeoutMs` with `what`.
 * Real processes report through sockets and logs, so a test has to look again until they have.
 */
export async function until<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
