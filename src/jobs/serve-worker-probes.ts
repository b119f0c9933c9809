/**
 * A worker started alone (`onramp worker`) serves /healthz, /readyz and /metrics on WORKER_PORT,
 * so its own counters (sends, retries, closes, reminders, webhooks) can be scraped: the web
 * process's /metrics only counts what the web process did.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';

import { type ProbeDeps, registerProbeRoutes } from '../http/register-probe-routes.js';
import type { OnrampMetrics } from '../observability/metrics.js';

export interface WorkerProbes {
  port: number;
  close(): Promise<void>;
}

export async function serveWorkerProbes(
  listen: { host: string; port: number },
  deps: ProbeDeps,
  metrics: OnrampMetrics,
): Promise<WorkerProbes> {
  const app = new Hono();
  registerProbeRoutes(app, deps, metrics);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: listen.host, port: listen.port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : listen.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
