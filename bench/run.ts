/**
 * npm run bench [-- --quick] [-- --repeat N] [-- --postgres ADMIN_URL] [-- --only burst,peers,...]
 * Measures what Onramp exists for and prints ratios measured in the same run (absolute numbers
 * vary with a noisy machine; ratios hold), each against its goal. `--repeat N` runs every section
 * N times, interleaved (ceiling, bursts, peers, … then again), and judges each ratio on its
 * median. Writes bench/results/<mode>.json; a full single run also redraws docs/benchmarks.svg.
 * Every measurement lives in its own module.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { SMTP_POOL_DEFAULTS } from '../src/email/smtp-pool-defaults.js';
import type { BenchResults } from './bench-results.js';
import { openBenchStore } from './bench-store.js';
import { combineRuns, printRepeated, type RepeatedRatio } from './combine-repeats.js';
import { describeMachine } from './describe-machine.js';
import { loadLines } from './load-lines.js';
import { measureApiLatency } from './measure-api-latency.js';
import { measureEmbeddedMemory } from './measure-embedded-memory.js';
import { measureEmbeddedStart, measureMemory } from './measure-memory-and-start.js';
import { measureMultiWorker } from './measure-multi-worker.js';
import { measurePeer } from './measure-peers.js';
import { type BurstShape, measureRsdBurst } from './measure-rsd-burst.js';
import { measureSmtpCeiling } from './measure-smtp-ceiling.js';
import { measureSweep } from './measure-sweep.js';
import { describeCpu } from './read-cpu-time.js';
import { describePauses } from './read-server-pauses.js';
import { startCountingSink } from './start-counting-sink.js';
import { printTable, summarize } from './summarize-results.js';
import { writeChart } from './write-chart.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    only: { type: 'string' },
    lines: { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 9) throw new Error('--repeat takes 1 to 9');
const quick = values.quick;
const adminUrl = values.postgres;
const SIZES = {
  burst: Number(values.lines ?? (quick ? 1_000 : 100_000)),
  sweepTables: quick ? [10_000, 100_000] : [100_000, 1_000_000],
  sweepDue: quick ? 1_000 : 10_000,
  latencySeconds: quick ? 3 : 10,
  memorySeconds: quick ? 2 : 5,
  workers: [1, 2, 4],
  embeddedBurst: quick ? 10_000 : 50_000,
  timeoutMs: quick ? 120_000 : 900_000,
};
// SMTP_POOL_SIZE's default: Onramp, the peers and the ceiling alike.
const SMTP_CONNECTIONS = SMTP_POOL_DEFAULTS.connections;
// A run of some sections only must not overwrite the last complete run's results.
const resultFile = `bench/results/${quick ? 'quick' : 'full'}${values.only || repeat > 1 ? `-${values.only ? 'partial' : `repeat${repeat}`}` : ''}.json`;
const sections = new Set(
  (values.only ?? 'ceiling,burst,peers,multi,sweep,latency,start,embedded').split(','),
);
const SHAPES: BurstShape[] = ['one-line orders', 'ten-line orders'];

// The servers it spawns run dist/ only when dist/ is newer than src/ (bin/onramp.js), else the
// sources through tsx: slower to start and larger. A run of 2 December measured tsx after an
// edit; every run now builds first, so it measures what `npm ci` installs.
execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });

const t0 = Date.now();
const newResults = (): BenchResults => ({
  mode: quick ? 'quick' : 'full',
  startedAt: new Date().toISOString(),
  minutes: 0,
  machine: null,
  ceiling: null,
  tenLineCeiling: null,
  bursts: [],
  peers: [],
  sweeps: [],
  latency: [],
  memory: null,
  start: null,
  embedded: null,
  multiWorker: [],
  errors: [],
  ratios: [],
});
let results = newResults();
/** The runs before this one (`--repeat`), and the median of every ratio over all of them. */
const earlierRuns: BenchResults[] = [];
let repeated: RepeatedRatio[] = [];

async function section(name: string, run: () => Promise<void>): Promise<void> {
  if (!sections.has(name)) return;
  const started = Date.now();
  console.log(`… ${name}`);
  try {
    await run();
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    results.errors.push({ section: name, error });
    console.log(`  ${name} failed: ${error}`);
  }
  console.log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  save(); // after every section, so a run stopped half-way still leaves what it measured
}

function save(): void {
  results.minutes = Math.round((Date.now() - t0) / 600) / 100;
  results.ratios = summarize(results);
  mkdirSync('bench/results', { recursive: true });
  const written = repeat > 1 ? { ...results, runs: [...earlierRuns, results], repeated } : results;
  writeFileSync(resultFile, `${JSON.stringify(written, null, 2)}\n`);
}

const machine = await describeMachine(adminUrl);
console.log(
  `bench (${quick ? 'quick' : 'full'}, ${repeat} run(s)); burst of ${SIZES.burst} lines; machine:`,
  machine,
);
const sink = await startCountingSink();
try {
  for (let run = 1; run <= repeat; run++) {
    if (run > 1) {
      earlierRuns.push(results);
      results = newResults();
    }
    results.machine = machine;
    if (repeat > 1) console.log(`run ${run} of ${repeat}`);
    await runSections(sink);
    repeated = combineRuns([...earlierRuns, results].map((r) => r.ratios));
  }
} finally {
  await sink.close();
}

async function runSections(sink: Awaited<ReturnType<typeof startCountingSink>>): Promise<void> {
  await section('ceiling', async () => {
    results.ceiling = await measureSmtpCeiling(sink, { count: SIZES.burst, connections: SMTP_CONNECTIONS });
    results.tenLineCeiling = await measureSmtpCeiling(sink, {
      count: Math.ceil(SIZES.burst / 10),
      connections: SMTP_CONNECTIONS,
      linesPerEmail: 10,
    });
  });
  await section('burst', async () => {
    for (const store of ['postgres', 'pglite'] as const)
      for (const shape of SHAPES)
        results.bursts.push(
          await measureRsdBurst(sink, {
            store,
            shape,
            lines: SIZES.burst,
            adminUrl,
            timeoutMs: SIZES.timeoutMs,
          }),
        );
  });
  await section('peers', async () => {
    for (const peer of ['pg-boss', 'graphile-worker'] as const)
      results.peers.push(
        await measurePeer(sink, {
          peer,
          lines: SIZES.burst,
          adminUrl,
          connections: SMTP_CONNECTIONS,
          timeoutMs: SIZES.timeoutMs,
        }),
      );
  });
  await section('multi', async () => {
    for (const workers of SIZES.workers)
      results.multiWorker.push(
        await measureMultiWorker(sink, { workers, lines: SIZES.burst, adminUrl, timeoutMs: SIZES.timeoutMs }),
      );
  });
  await section('sweep', async () => {
    for (const total of SIZES.sweepTables) {
      const bench = await openBenchStore('postgres', adminUrl);
      try {
        await loadLines(bench.store.db, { total, due: SIZES.sweepDue, kind: 'sweep' });
        results.sweeps.push(await measureSweep(bench, { total, due: SIZES.sweepDue }));
        // The largest table also serves the memory measurement: web + worker on it.
        if (total === SIZES.sweepTables.at(-1))
          results.memory = await measureMemory(bench, {
            lines: total,
            smtpUrl: sink.url,
            seconds: SIZES.memorySeconds,
          });
      } finally {
        await bench.close();
      }
    }
  });
  await section('latency', async () => {
    results.latency = await measureApiLatency({ adminUrl, smtpUrl: sink.url, seconds: SIZES.latencySeconds });
  });
  await section('start', async () => {
    results.start = await measureEmbeddedStart();
  });
  await section('embedded', async () => {
    results.embedded = await measureEmbeddedMemory(sink, {
      idleSeconds: SIZES.memorySeconds * 2,
      burstLines: SIZES.embeddedBurst,
      adminUrl,
      timeoutMs: SIZES.timeoutMs,
    });
  });
}

save();
console.log(`\nresults (${results.mode}, ${results.minutes} min; sizes printed in each name)`);
for (const c of [results.ceiling, results.tenLineCeiling])
  if (c)
    console.log(
      `SMTP ceiling: ${c.count} messages of ${c.linesPerEmail ?? 1} line(s) in ${c.ms.toFixed(0)} ms${describeCpu(c.cpu, c.count)}`,
    );
for (const b of [...results.bursts, ...results.peers, ...results.multiWorker])
  console.log(
    `${'store' in b ? `Onramp on ${b.store}, ${b.shape}` : 'peer' in b ? b.peer : `${b.workers} worker(s)`}: ${'emails' in b ? b.emails : b.lines} e-mails in ${b.ms.toFixed(0)} ms (received ${b.received}, distinct ${b.distinct})${'cpu' in b ? describeCpu(b.cpu, b.emails ?? b.lines) : ''}`,
  );
for (const s of results.sweeps)
  console.log(
    `sweep: ${s.due} due of ${s.total}: ${s.ms.toFixed(0)} ms (${s.reminders} reminders, ${s.closed} closed; claim uses index: ${s.claimUsesIndex})`,
  );
for (const l of results.latency)
  console.log(
    `${l.route} at ${l.rate} req/s, ${l.load ?? 'autocannon'}: p50 ${l.p50} ms, p99 ${l.p99} ms (${l.requests} requests, ${l.non2xx} non-2xx)${l.server ? `; ${describePauses(l.server)}; generator loop max ${l.generatorLoopMax} ms; load ${l.loadAverage}` : ''}`,
  );
if (results.embedded)
  console.log(
    `embedded: ${results.embedded.idleMb.toFixed(0)} MB idle; ${results.embedded.burstLines} lines in ${results.embedded.burstMs.toFixed(0)} ms, peak ${results.embedded.burstPeakMb.toFixed(0)} MB`,
  );
console.log('');
printTable(results.ratios);
if (repeat > 1) {
  console.log(`\nover ${repeat} interleaved runs, judged on the median:`);
  printRepeated(repeated);
}
for (const e of [...earlierRuns, results].flatMap((r) => r.errors))
  console.log(`error in ${e.section}: ${e.error}`);

const chart = !quick && !values.only && repeat === 1;
if (chart) writeChart(results, 'docs/benchmarks.svg');
console.log(`\nwrote ${resultFile}${chart ? ' and docs/benchmarks.svg' : ''}`);
