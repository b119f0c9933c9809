/**
 * `tsx --cpu-prof --cpu-prof-dir=DIR bench/profile-burst.ts [pglite|postgres] [lines] [shape]`:
 * one RSD burst with the sink in this process, for a CPU profile of where a burst's time goes
 * (docs/benchmarks.md shows what it found). Prints the burst's e-mails per second.
 */
import { type BurstShape, measureRsdBurst } from './measure-rsd-burst.js';
import { startCountingSink } from './start-counting-sink.js';

const [store = 'pglite', lines = '5000', shape = 'one-line orders'] = process.argv.slice(2);
const sink = await startCountingSink();
try {
  const result = await measureRsdBurst(sink, {
    store: store as 'pglite' | 'postgres',
    shape: shape as BurstShape,
    lines: Number(lines),
    adminUrl: process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    timeoutMs: 900_000,
  });
  const emails = result.emails ?? result.lines;
  console.log(
    `${store}, ${shape}: ${emails} e-mails in ${result.ms.toFixed(0)} ms, ${((emails / result.ms) * 1000).toFixed(0)}/s`,
  );
} finally {
  await sink.close();
}
