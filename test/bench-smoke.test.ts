/**
 * The bench modules at tiny sizes: each measurement really moves its e-mails through the SMTP sink
 * exactly once and reports the sizes it ran. No timing is asserted (timings are the bench's job).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';

import { openBenchStore } from '../bench/bench-store.js';
import { combineRuns, median } from '../bench/combine-repeats.js';
import { equivalentEmail } from '../bench/equivalent-email.js';
import { fireAtRate, percentile } from '../bench/fire-at-rate.js';
import { loadLines } from '../bench/load-lines.js';
import { measureMultiWorker } from '../bench/measure-multi-worker.js';
import { measurePeer } from '../bench/measure-peers.js';
import { measureRsdBurst } from '../bench/measure-rsd-burst.js';
import { measureSmtpCeiling } from '../bench/measure-smtp-ceiling.js';
import { measureSweep } from '../bench/measure-sweep.js';
import { cpuSince, readCpuTime } from '../bench/read-cpu-time.js';
import { type CountingSink, startCountingSink } from '../bench/start-counting-sink.js';
import { summarize } from '../bench/summarize-results.js';
import { renderEmail } from '../src/email/index.js';
import { describeEachStore } from './support/test-store.js';

let sink: CountingSink;
beforeAll(async () => {
  sink = await startCountingSink();
});
afterAll(() => sink.close());

const adminUrl = () => inject('pgAdminUrl');

it('the SMTP ceiling pushes every message into the sink once, and says what CPU it took', async () => {
  const result = await measureSmtpCeiling(sink, { count: 25, connections: 2 });
  expect(result).toMatchObject({ count: 25, linesPerEmail: 1, received: 25 });
  expect(sink.distinct()).toBe(25);
  // Linux: this process rendered and sent 25 messages, so it spent some CPU.
  expect(result.cpu?.nodeMs).toBeGreaterThan(0);
  // When the first of them arrived: inside the window.
  expect(result.firstMs).toBeGreaterThan(0);
  expect(result.firstMs).toBeLessThanOrEqual(result.ms);
  const tenLine = await measureSmtpCeiling(sink, { count: 5, connections: 2, linesPerEmail: 10 });
  expect(tenLine).toMatchObject({ count: 5, linesPerEmail: 10, received: 5 });
});

// Linux only: elsewhere there is no /proc, and the bench prints no CPU.
it.skipIf(!existsSync('/proc/self/stat'))(
  'a PostgreSQL process ending in the window subtracts nothing from the count',
  () => {
    const now = readCpuTime()!;
    // A backend that had spent 1,000 s before the window and closed during it (a bulk load's).
    const start = { ...now, postgresByPid: new Map([...now.postgresByPid, ['4194305', 1_000_000]]) };
    const spent = cpuSince(start);
    expect(spent?.postgresMs).toBeGreaterThanOrEqual(0);
    expect(spent?.postgresMs).toBeLessThan(1_000_000);
  },
);

it('the ten-line ceiling sends the e-mail of a ten-line order: ten lines, twice the size', () => {
  const one = renderEmail(equivalentEmail(3));
  const ten = renderEmail(equivalentEmail(3, 10));
  expect(ten.text).toContain('Sub100000030');
  expect(ten.text).toContain('Sub100000039');
  expect(ten.text).not.toContain('Sub100000040');
  expect(ten.html.length).toBeGreaterThan(1.5 * one.html.length);
});

describeEachStore('bench at tiny sizes', (kind) => {
  it('the RSD burst delivers one provisioning e-mail per due line, exactly once', async () => {
    const result = await measureRsdBurst(sink, {
      store: kind,
      lines: 30,
      adminUrl: adminUrl(),
      // Generous: the bench's own deadline, not a timing assertion (a busy machine is slower).
      timeoutMs: 150_000,
    });
    expect(result).toMatchObject({ store: kind, lines: 30, received: 30, distinct: 30 });
    // The worker's CPU (and PostgreSQL's, counted apart, possibly zero on PGlite) is in the result.
    expect(result.cpu?.nodeMs).toBeGreaterThan(0);
    expect(result.cpu?.postgresMs).toBeGreaterThanOrEqual(0);
    expect(result.firstMs).toBeGreaterThan(0);
    expect(result.firstMs).toBeLessThanOrEqual(result.ms);
  }, 180_000);

  it('the burst of ten-line orders sends one e-mail per order, listing its lines', async () => {
    const result = await measureRsdBurst(sink, {
      store: kind,
      shape: 'ten-line orders',
      lines: 30,
      adminUrl: adminUrl(),
      timeoutMs: 150_000,
    });
    expect(result).toMatchObject({ lines: 30, emails: 3, received: 3, distinct: 3 });
  }, 180_000);

  it('the sweep sends the due reminders and closes the due lines, once', async () => {
    const bench = await openBenchStore(kind, adminUrl());
    try {
      await loadLines(bench.store.db, { total: 200, due: 20, kind: 'sweep' });
      const result = await measureSweep(bench, { total: 200, due: 20 });
      expect(result).toMatchObject({ total: 200, due: 20, reminders: 10, closed: 10 });
      const again = await measureSweep(bench, { total: 200, due: 20 });
      expect(again).toMatchObject({ reminders: 0, closed: 0 });
    } finally {
      await bench.close();
    }
  }, 180_000);
});

it.runIf(inject('pgTemplate'))(
  'both peers deliver the same burst exactly once on PostgreSQL',
  async () => {
    for (const peer of ['pg-boss', 'graphile-worker'] as const) {
      const result = await measurePeer(sink, {
        peer,
        lines: 20,
        adminUrl: adminUrl(),
        connections: 2,
        timeoutMs: 80_000,
      });
      expect(result).toMatchObject({ peer, lines: 20, received: 20, distinct: 20 });
    }
  },
  180_000,
);

it.runIf(inject('pgTemplate'))(
  'two worker processes share one burst, each e-mail delivered exactly once',
  async () => {
    // The workers queue e-mails for each other: each must open what another sealed.
    const result = await measureMultiWorker(sink, {
      workers: 2,
      lines: 400,
      adminUrl: adminUrl(),
      timeoutMs: 80_000,
    });
    expect(result).toMatchObject({ workers: 2, lines: 400, received: 400, distinct: 400 });
  },
  180_000,
);

it('ratios compare measurements of the same run and judge each against its goal', () => {
  const burst = { lines: 100, received: 100, distinct: 100 };
  const ratios = summarize({
    mode: 'quick',
    startedAt: '2026-12-01T00:00:00Z',
    minutes: 1,
    machine: null,
    ceiling: { count: 100, ms: 1000, received: 100 },
    bursts: [{ store: 'postgres', ms: 1250, ...burst }],
    peers: [{ peer: 'pg-boss', ms: 2500, settings: '', ...burst }],
    sweeps: [],
    latency: [
      { route: 'GET /healthz', load: 'fixed rate', rate: 300, requests: 3000, non2xx: 0, p50: 1, p99: 2 },
      { route: 'POST /resend', load: 'fixed rate', rate: 300, requests: 3000, non2xx: 0, p50: 4, p99: 12 },
      { route: 'POST /resend', load: 'autocannon', rate: 300, requests: 3000, non2xx: 0, p50: 8, p99: 36 },
    ],
    memory: null,
    start: null,
    multiWorker: [],
    errors: [],
    ratios: [],
  });
  expect(ratios.find((r) => r.name.startsWith('RSD burst'))).toMatchObject({ value: 0.8, met: false });
  expect(ratios.find((r) => r.name.includes('pg-boss'))).toMatchObject({ value: 2, met: true });
  expect(ratios.find((r) => r.name.includes('graphile'))).toMatchObject({ value: null, met: null });
  // The latency goals are judged on the fixed-rate load; autocannon's bursts are shown without one.
  expect(ratios.find((r) => r.name === 'resend p99 ms at 300 req/s (fixed rate)')).toMatchObject({
    value: 12,
    met: true,
  });
  expect(ratios.find((r) => r.name === 'resend p99 ms at 300 req/s (autocannon)')).toMatchObject({
    value: 36,
    met: null,
  });
  expect(ratios.find((r) => r.name === 'POST /resend p50 / healthz p50 (fixed rate)')).toMatchObject({
    value: 4,
  });
});

it('each burst is judged against the ceiling of its own e-mails, beside what its CPU allows', () => {
  const ratios = summarize({
    mode: 'quick',
    startedAt: '2026-12-03T00:00:00Z',
    minutes: 1,
    machine: { cores: 2, cpu: 'x', memoryGb: 1, loadAverage: [0], node: 'v20', postgres: '15' },
    ceiling: { count: 1000, ms: 1000, received: 1000 },
    tenLineCeiling: { count: 100, linesPerEmail: 10, ms: 200, received: 100 },
    bursts: [
      {
        store: 'postgres',
        shape: 'ten-line orders',
        lines: 1000,
        emails: 100,
        ms: 400,
        received: 100,
        distinct: 100,
        // 5 ms of CPU per e-mail; 2 cores could run it at 2.5 ms, 0.8 of the ceiling's 2 ms.
        cpu: { nodeMs: 300, postgresMs: 200 },
      },
    ],
    peers: [],
    sweeps: [],
    latency: [],
    memory: null,
    start: null,
    multiWorker: [],
    errors: [],
    ratios: [],
  });
  expect(
    ratios.find((r) => r.name === 'RSD burst / SMTP ceiling (postgres, ten-line orders, e-mails/s)'),
  ).toMatchObject({ value: 0.5, goal: '>= 0.95', met: false });
  expect(ratios.find((r) => r.name.startsWith("RSD burst / one-line e-mails' ceiling"))).toMatchObject({
    value: 0.25,
    goal: null,
  });
  expect(ratios.find((r) => r.name.includes('most its CPU per e-mail allows on 2 cores'))).toMatchObject({
    value: 0.8,
    goal: null,
  });
});

it('the fixed-rate load sends every request open loop and counts what the server answered', async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url!);
    res.statusCode = req.url!.endsWith('/3') ? 503 : 200;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const result = await fireAtRate({
      baseUrl: `http://127.0.0.1:${port}`,
      method: 'GET',
      path: (n) => `/r/${n}`,
      headers: {},
      rate: 100,
      seconds: 0.2,
    });
    expect(result).toMatchObject({ requests: 20, non2xx: 1, errors: 0 });
    expect(seen.sort()).toEqual(Array.from({ length: 20 }, (_, n) => `/r/${n}`).sort());
    expect(result.p50).toBeLessThanOrEqual(result.p99);
    expect(result.p99).toBeLessThanOrEqual(result.max);
  } finally {
    server.close();
  }
});

it('repeated runs are judged on the median of each ratio, with the spread beside it', () => {
  const run = (value: number | null, graphile: number) => [
    { name: 'Onramp / pg-boss (throughput, postgres)', value, goal: '>= 1', met: null },
    { name: 'Onramp / graphile-worker (throughput, postgres)', value: graphile, goal: '>= 1.2', met: null },
  ];
  const rows = combineRuns([run(0.64, 1.3), run(0.92, 1.0), run(1.05, 1.32)]);
  expect(rows[0]).toMatchObject({ values: [0.64, 0.92, 1.05], median: 0.92, spread: 0.41, met: false });
  expect(rows[1]).toMatchObject({ median: 1.3, spread: 0.32, met: true });
  // A run that failed to measure a ratio does not count towards its median.
  expect(combineRuns([run(null, 1.3), run(1.2, 1.3)])[0]).toMatchObject({ median: 1.2, met: true });
  expect(median([3, 1, 2, 4])).toBe(2.5);
});

it('percentiles are read off the sorted latencies', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(sorted, 50)).toBe(50);
  expect(percentile(sorted, 99)).toBe(99);
  expect(percentile([7], 99)).toBe(7);
  expect(percentile([], 50)).toBe(0);
});
