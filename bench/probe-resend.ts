/**
 * `tsx bench/probe-resend.ts [ADMIN_URL]`: the resend use case alone, in this process, on the
 * latency measurement's PostgreSQL data (one 1,000-line order and 1,000 ten-line orders, every line
 * awaiting details): milliseconds per resend, one after the other, and each statement's count and
 * time (Kysely's query log). How the 25 ms statement behind the resend tail was found
 * (docs/benchmarks.md, "The resend tail").
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

import { resendProvisioningEmail } from '../src/app/lines/resend-provisioning-email.js';
import type { Database } from '../src/store/schema.js';
import { BENCH_ACTOR, openBenchStore } from './bench-store.js';
import { loadLatencyData, resendTarget } from './measure-api-latency.js';

const RESENDS = 300;
const adminUrl = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/test';
const bench = await openBenchStore('postgres', adminUrl);
const statements = new Map<string, { count: number; ms: number }>();
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: bench.url!, max: 4 }) }),
  log: (event) => {
    const key = event.query.sql.replace(/\s+/g, ' ').trim().slice(0, 110);
    const seen = statements.get(key) ?? { count: 0, ms: 0 };
    seen.count++;
    seen.ms += event.queryDurationMillis;
    statements.set(key, seen);
  },
});
try {
  await loadLatencyData(bench);
  // The first round warms V8 and the prepared statements up; the second is the one reported.
  for (const round of [1, 2]) {
    statements.clear();
    const t0 = performance.now();
    for (let n = 0; n < RESENDS; n++) {
      await resendProvisioningEmail({ ...bench.deps, db }, BENCH_ACTOR, {
        subscriptionId: resendTarget(n + round * RESENDS),
      });
    }
    console.log(`round ${round}: ${((performance.now() - t0) / RESENDS).toFixed(2)} ms per resend`);
  }
  console.log('\n| statements | ms in all | ms each | statement |\n| --: | --: | --: | --- |');
  for (const [key, { count, ms }] of [...statements].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`| ${count} | ${ms.toFixed(0)} | ${(ms / count).toFixed(2)} | \`${key}…\` |`);
} finally {
  await db.destroy();
  await bench.close();
}
