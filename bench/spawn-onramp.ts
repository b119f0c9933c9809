/**
 * Starts Onramp as its own process (`node bin/onramp.js <command>`, or `npm start`) on a free
 * port, and stops it by its process group. Used where a measurement needs a real server: API
 * latency, memory, start time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { installKeyRing, keyRingOf, newSecretKeyText, parseSecretKey } from '../src/store/secret-box.js';

/**
 * The sealing key (OUTBOX_SECRET_KEY) of this bench run: the servers it spawns, the worker
 * processes it starts and the workers it runs in-process seal and open with the same one. A child
 * process inherits it through the environment: a key of its own would make every e-mail another
 * worker queued unreadable to it (how the multi-worker measurement lost half its e-mails).
 */
export const BENCH_SECRET_KEY = (process.env.ONRAMP_BENCH_SECRET_KEY ??= newSecretKeyText());
installKeyRing(keyRingOf(parseSecretKey(BENCH_SECRET_KEY)!));

export interface SpawnedOnramp {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the milliseconds from spawn to the first 200 from /healthz. */
  ready: Promise<number>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function firstOk(url: string, t0: number, timeoutMs: number, exited: () => boolean): Promise<number> {
  for (;;) {
    if (exited()) throw new Error('Onramp exited before answering /healthz');
    if (performance.now() - t0 > timeoutMs) throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return performance.now() - t0;
    // Polling the port is the measurement itself (when does it answer?), not a wait for time.
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function spawnOnramp(opts: {
  argv: string[];
  env: Record<string, string>;
  npm?: boolean;
  timeoutMs?: number;
}): Promise<SpawnedOnramp> {
  const port = await freePort();
  const t0 = performance.now();
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of each spawned server there (open it in Chrome's
  // DevTools or speedscope) — how the latency figures in docs/benchmarks.md were profiled.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const [command, args] = opts.npm
    ? ['npm', ['start']]
    : [process.execPath, [...profile, 'bin/onramp.js', ...opts.argv]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKER_PORT: '0',
      OUTBOX_SECRET_KEY: BENCH_SECRET_KEY,
      ...opts.env,
    },
    stdio: 'ignore',
    detached: true,
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    ready: firstOk(`${baseUrl}/healthz`, t0, opts.timeoutMs ?? 60_000, () => exited),
    stop: async () => {
      if (!exited) process.kill(-child.pid!, 'SIGTERM');
      await exit;
    },
  };
}

/** Resident set size now and at its peak, in MB, of one process (Linux /proc). */
export async function rssOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
