/**
 * The bench modules at tiny sizes: each measurement really moves its e-mails through the SMTP sink
 * exactly once and reports the sizes it ran. No timing is asserted (timings are the bench's job).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openBenchStore } from '../bench/bench-store.js';
import { loadLines } from '../bench/load-lines.js';
import { measurePeer } from '../bench/measure-peers.js';
import { measureRsdBurst } from '../bench/measure-rsd-burst.js';
import { measureSmtpCeiling } from '../bench/measure-smtp-ceiling.js';
import { measureSweep } from '../bench/measure-sweep.js';
import { startCountingSink, type CountingSink } from '../bench/start-counting-sink.js';
import { summarize } from '../bench/summarize-results.js';
import { describeEachStore } from './support/test-store.js';

let sink: CountingSink;
beforeAll(async () => {
  sink = await startCountingSink();
});
afterAll(() => sink.close());

const adminUrl = () => inject('pgAdminUrl');

it('the SMTP ceiling pushes every message into the sink once', async () => {
  const result = await measureSmtpCeiling(sink, { count: 25, connections: 2 });
  expect(result).toMatchObject({ count: 25, received: 25 });
  expect(sink.distinct()).toBe(25);
});

describeEachStore('bench at tiny sizes', (kind) => {
  it('the RSD burst delivers one provisioning e-mail per due line, exactly once', async () => {
    const result = await measureRsdBurst(sink, {
      store: kind,
      lines: 30,
      adminUrl: adminUrl(),
      timeoutMs: 60_000,
    });
    expect(result).toMatchObject({ store: kind, lines: 30, received: 30, distinct: 30 });
  }, 90_000);

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
  }, 90_000);
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
        timeoutMs: 40_000,
      });
      expect(result).toMatchObject({ peer, lines: 20, received: 20, distinct: 20 });
    }
  },
  90_000,
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
    latency: [],
    memory: null,
    start: null,
    multiWorker: [],
    errors: [],
    ratios: [],
  });
  expect(ratios.find((r) => r.name.startsWith('RSD burst'))).toMatchObject({ value: 0.8, met: false });
  expect(ratios.find((r) => r.name.includes('pg-boss'))).toMatchObject({ value: 2, met: true });
  expect(ratios.find((r) => r.name.includes('graphile'))).toMatchObject({ value: null, met: null });
});
