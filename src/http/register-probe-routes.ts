/**
 * What a process manager and Prometheus ask every Onramp process, web or worker: /healthz (the
 * process answers), /readyz (its database answers and is migrated, within a bound) and /metrics.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';

import type { Clock } from '../app/deps.js';
import type { OnrampMetrics } from '../observability/metrics.js';
import { pendingMigrations } from '../store/migrate.js';
import type { Store } from '../store/open-store.js';
import type { Database } from '../store/schema.js';

/** /readyz answers within this, whatever the database does. */
export const READY_TIMEOUT_MS = 2_000;

export interface ProbeDeps {
  db: Kysely<Database>;
  clock: Clock;
  store: Pick<Store, 'ping'>;
  /** How long /readyz waits for the database before answering 503; READY_TIMEOUT_MS when absent. */
  readyTimeoutMs?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app, API or worker
export function registerProbeRoutes(app: Hono<any>, deps: ProbeDeps, metrics: OnrampMetrics): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // A probe must answer in time whatever the database does (a blackhole answers nothing): the
  // check races a timer, and a late one is a 503 while the check runs out under the pool's timeouts.
  app.get('/readyz', async (c) => {
    const check = (async () => {
      await deps.store.ping();
      return pendingMigrations(deps.db);
    })();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deps.readyTimeoutMs ?? READY_TIMEOUT_MS);
    });
    try {
      const pending = await Promise.race([check, late]);
      if (pending === 'late') return c.json({ status: 'database not answering' }, 503);
      if (pending > 0) return c.json({ status: 'migrations pending', pending }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database unreachable' }, 503);
    } finally {
      clearTimeout(timer);
      check.catch(() => {}); // a late check's failure is already answered
    }
  });

  app.get('/metrics', async (c) => {
    const text = await metrics.scrape(deps.db, deps.clock.now());
    return c.text(text, 200, { 'content-type': metrics.registry.contentType });
  });
}
