/**
 * The shipped alert rules (docs/ops/prometheus-rules.yml) as Prometheus itself reads them: Debian's
 * `promtool` checks their syntax and runs their unit tests (each alert fires when it should and
 * only then). Every Onramp series a rule names is one the processes export, and the database
 * alert's gauge really drops to 0 when the database is gone.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { createMetrics } from '../../src/observability/metrics.js';
import { openTestStore } from '../support/test-store.js';

const run = promisify(execFile);
const OPS = join(import.meta.dirname, '../../docs/ops');
const PROMTOOL = '/usr/bin/promtool';
// CI installs Debian's prometheus package; elsewhere the promtool checks are skipped, not faked.
const hasPromtool = existsSync(PROMTOOL) || process.env.CI === 'true';

describe('Prometheus alert rules', () => {
  it.runIf(hasPromtool)('pass promtool check rules and promtool test rules', async () => {
    const check = await run(PROMTOOL, ['check', 'rules', 'prometheus-rules.yml'], { cwd: OPS });
    expect(check.stdout).toContain('SUCCESS: 7 rules found');
    const tested = await run(PROMTOOL, ['test', 'rules', 'prometheus-rules.test.yml'], { cwd: OPS });
    expect(tested.stdout).toContain('SUCCESS');
  });

  it('name only series the processes export', async () => {
    const store = await openTestStore('pglite');
    try {
      const exported = await createMetrics({ processMetrics: true }).scrape(store.db, new Date());
      const rules = readFileSync(join(OPS, 'prometheus-rules.yml'), 'utf8');
      const named = new Set(rules.match(/onramp_[a-z_]+/g));
      expect(named.size).toBe(6);
      // A histogram's _count is declared under its base name (no sample before a first request).
      for (const series of named)
        expect(exported, series).toContain(`# TYPE ${series.replace(/_(count|sum|bucket)$/, '')} `);
    } finally {
      await store.close();
    }
  });

  it('the Grafana dashboard charts only series the processes export', async () => {
    const store = await openTestStore('pglite');
    try {
      const exported = await createMetrics({ processMetrics: true }).scrape(store.db, new Date());
      const dashboard = JSON.parse(readFileSync(join(OPS, 'grafana-dashboard.json'), 'utf8')) as {
        panels: { title: string; targets: { expr: string }[] }[];
      };
      const charted = new Set(
        dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/onramp_[a-z_]+/g) ?? [])),
      );
      expect(charted.size).toBe(12);
      for (const series of charted)
        expect(exported, series).toContain(`# TYPE ${series.replace(/_(count|sum|bucket)$/, '')} `);
    } finally {
      await store.close();
    }
  });

  it('see the database go: onramp_database_up is 1, then 0 once it is closed', async () => {
    const store = await openTestStore('pglite');
    const metrics = createMetrics();
    expect(await metrics.scrape(store.db, new Date())).toMatch(/^onramp_database_up 1$/m);
    await store.close();
    expect(await metrics.scrape(store.db, new Date())).toMatch(/^onramp_database_up 0$/m);
  });
});
