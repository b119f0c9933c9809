/**
 * 4. Sweep scaling: one runDue pass (reminders + auto-close) over `due` due lines in a table of
 * `total` lines, plus the plan of the due claim, to show the cost follows the due lines (index on
 * next_action_at), not the table size.
 */
import { sql } from 'kysely';

import { runDue } from '../src/jobs/run-due.js';
import type { BenchStore } from './bench-store.js';

export interface SweepResult {
  total: number;
  due: number;
  ms: number;
  reminders: number;
  closed: number;
  /** The due claim's plan uses the next_action_at index. */
  claimUsesIndex: boolean;
  claimPlan: string;
}

export async function measureSweep(
  bench: BenchStore,
  opts: { total: number; due: number },
): Promise<SweepResult> {
  const now = bench.clock.now();
  const { rows } = await sql<{ 'QUERY PLAN': string }>`
    explain select * from subscription_line where next_action_at <= ${now}
    order by next_action_at limit 500 for update skip locked`.execute(bench.store.db);
  const claimPlan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const t0 = performance.now();
  const summary = await runDue(bench.deps);
  const ms = performance.now() - t0;
  return {
    total: opts.total,
    due: opts.due,
    ms,
    reminders: summary.reminders,
    closed: summary.closed,
    claimUsesIndex: claimPlan.includes('subscription_line_due'),
    claimPlan,
  };
}
