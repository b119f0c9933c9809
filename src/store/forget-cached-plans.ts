/**
 * Makes the next statements of this connection plan for the tables as they are now (`DISCARD
 * PLANS`). A connection keeps each foreign-key check's plan, and each prepared statement's generic
 * plan, from its first use until the table is analyzed again. A table whose statistics say it is
 * empty (vacuumed or analyzed while empty) gets plans that read it whole; an RSD burst grows the
 * send table from nothing to thousands of rows in seconds, before the tend loop or autovacuum
 * analyze it, and each line's check then read every send queued before it (docs/benchmarks.md,
 * ninth round). Prepared statements stay prepared: only their plans are made again.
 */
import { type Kysely, sql } from 'kysely';

import type { Database } from './schema.js';

export async function forgetCachedPlans(db: Kysely<Database>): Promise<void> {
  await sql`discard plans`.execute(db);
}
