/**
 * One worker process of the multi-worker measurement: `tsx bench/run-bench-worker.ts DB_URL SMTP_URL`.
 * Prints "ready" once started; stops on SIGTERM.
 */
import { openStore } from '../src/store/open-store.js';
import { needsTending } from '../src/store/tend-tables.js';
import { benchDeps } from './bench-store.js';
import { startBenchWorker } from './start-bench-worker.js';

const [databaseUrl, smtpUrl] = process.argv.slice(2);
const store = await openStore({ databaseUrl, poolSize: 10 });
const worker = startBenchWorker(benchDeps(store), smtpUrl!, {
  dueIntervalMs: 100,
  tendTables: await needsTending(store.kind, store.db),
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
