/**
 * 5. API latency: autocannon at fixed request rates against an `onramp web` process on
 * PostgreSQL holding one order of 1,000 lines and 1,000 orders of 10 lines, every line awaiting
 * provisioning details. Resends go to a different 10-line order each time (a resend locks its
 * order and its lines, so resends of one order queue behind each other by design). p50/p99 of
 * each route and their ratio to GET /healthz measured on the same server in the same run.
 */
import autocannon from 'autocannon';
import { runDue } from '../src/jobs/run-due.js';
import { BENCH_TOKEN, openBenchStore } from './bench-store.js';
import { loadLines } from './load-lines.js';
import { spawnOnramp } from './spawn-onramp.js';

export interface LatencyResult {
  route: string;
  rate: number;
  requests: number;
  non2xx: number;
  p50: number;
  p99: number;
}

const LINES_IN_ORDER = 1_000;

function fire(
  baseUrl: string,
  route: { method: 'GET' | 'POST'; path: (n: number) => string },
  rate: number,
  seconds: number,
) {
  let n = 0;
  return autocannon({
    url: baseUrl,
    connections: 10,
    overallRate: rate,
    duration: seconds,
    headers: { authorization: `Bearer ${BENCH_TOKEN}` },
    requests: [{ method: route.method, setupRequest: (req) => ({ ...req, path: route.path(n++) }) }],
  });
}

export async function measureApiLatency(opts: {
  adminUrl: string;
  smtpUrl: string;
  seconds: number;
}): Promise<LatencyResult[]> {
  const bench = await openBenchStore('postgres', opts.adminUrl);
  try {
    await loadLines(bench.store.db, {
      total: LINES_IN_ORDER,
      due: LINES_IN_ORDER,
      kind: 'rsd',
      perOrder: LINES_IN_ORDER,
      orderPrefix: 'ord_big',
    });
    await loadLines(bench.store.db, { total: 10_000, due: 10_000, kind: 'rsd', first: LINES_IN_ORDER + 1 });
    await runDue(bench.deps); // every line now awaits provisioning details, so it may be resent
    const server = await spawnOnramp({
      argv: ['web'],
      // The per-user resend limit (RESEND_RATE_LIMIT, default 120 an hour) would turn the load into
      // 429s: the benchmark measures the resend itself, so the limit is lifted here.
      env: {
        DATABASE_URL: bench.url!,
        SMTP_URL: opts.smtpUrl,
        LOG_LEVEL: 'info',
        RESEND_RATE_LIMIT: '999999/60',
      },
    });
    try {
      await server.ready;
      const routes = [
        { name: 'GET /healthz', rate: 300, method: 'GET' as const, path: () => '/healthz' },
        {
          name: 'POST /api/v1/subscriptions/{id}/resend',
          rate: 300,
          method: 'POST' as const,
          path: (n: number) =>
            `/api/v1/subscriptions/Sub${100000001 + LINES_IN_ORDER + 10 * (n % 1000)}/resend`,
        },
        {
          name: 'GET /api/v1/subscriptions?orderId=…&status=…',
          rate: 100,
          method: 'GET' as const,
          path: () => '/api/v1/subscriptions?orderId=ord_big0&status=awaiting_provisioning_details&limit=50',
        },
        {
          name: `GET /api/v1/orders/{id} (${LINES_IN_ORDER} lines)`,
          rate: 20,
          method: 'GET' as const,
          path: () => '/api/v1/orders/ord_big0',
        },
      ];
      const results: LatencyResult[] = [];
      for (const route of routes) {
        const r = await fire(server.baseUrl, route, route.rate, opts.seconds);
        results.push({
          route: route.name,
          rate: route.rate,
          requests: r.requests.total,
          non2xx: r.non2xx,
          p50: r.latency.p50,
          p99: r.latency.p99,
        });
      }
      return results;
    } finally {
      await server.stop();
    }
  } finally {
    await bench.close();
  }
}
