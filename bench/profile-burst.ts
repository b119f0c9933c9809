/**
 * `tsx --cpu-prof --cpu-prof-dir=DIR bench/profile-burst.ts [pglite|postgres] [lines] [shape] [seconds]`:
 * one RSD burst with the sink in this process, for a CPU profile of where a burst's time goes
 * (docs/benchmarks.md shows what it found). Prints the burst's e-mails per second and its CPU per
 * e-mail. With `seconds`, the process exits that long after the burst's clock started (writing
 * the profile) and prints the rate so far: a big burst on a slow or shared machine, in part.
 */
import { type BurstShape, measureRsdBurst } from './measure-rsd-burst.js';
import { describeCpu } from './read-cpu-time.js';
import { startCountingSink } from './start-counting-sink.js';

const [store = 'pglite', lines = '5000', shape = 'one-line orders', seconds] = process.argv.slice(2);
const sink = await startCountingSink();
const report = (emails: number, ms: number, partial: string, cpu = '') =>
  console.log(
    `${store}, ${shape}: ${emails} e-mails${partial} in ${ms.toFixed(0)} ms, ${((emails / ms) * 1000).toFixed(0)}/s${cpu}`,
  );
if (seconds) {
  // The burst's clock starts when it resets the sink; stop the process `seconds` later.
  const reset = sink.reset;
  sink.reset = () => {
    reset();
    const t0 = performance.now();
    setTimeout(
      () => {
        report(sink.received(), performance.now() - t0, ` of ${lines} (stopped)`);
        process.exit(0);
      },
      Number(seconds) * 1000,
    ).unref();
  };
}
try {
  const result = await measureRsdBurst(sink, {
    store: store as 'pglite' | 'postgres',
    shape: shape as BurstShape,
    lines: Number(lines),
    adminUrl: process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    timeoutMs: 900_000,
  });
  const emails = result.emails ?? result.lines;
  report(emails, result.ms, '', describeCpu(result.cpu, emails));
} finally {
  await sink.close();
}
