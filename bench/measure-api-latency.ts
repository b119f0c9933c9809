/**
 * 5. API latency: autocannon at fixed request rates against an `onramp web` process on
 * PostgreSQL holding one order of 1,000 lines and 1,000 orders of 10 lines, every line awaiting
 * provisioning details. Resends go to a different 10-line order each time (a resend locks its
 * order and its lines, so resends of one order queue behind each other by design), sent by 200
 * partner admins in turn under the default rate limit (see RESEND_USERS). p50/p99 of each route and their ratio to GET /healthz measured on the same server in the same run.
 *
 * Each route is loaded twice after a short warm-up (the server starts cold, and V8 optimizes the
 * hot paths within the first seconds): at a fixed rate, open loop (`fire-at-rate.ts`: the load the
 * goals are stated for), then with autocannon at the same nominal rate, which sends each second's
 * quota in a burst over 10 connections: latency under saturation, kept for comparison.
 */
import { loadavg } from 'node:os';

import autocannon from 'autocannon';

import { hashToken } from '../src/app/deps.js';
import { runDue } from '../src/jobs/run-due.js';
import { BENCH_NOW, BENCH_TOKEN, type BenchStore, openBenchStore } from './bench-store.js';
import { fireAtRate } from './fire-at-rate.js';
import { loadLines } from './load-lines.js';
import { markServerPauses, type ServerPauses, serverPausesBetween } from './read-server-pauses.js';
import { spawnOnramp } from './spawn-onramp.js';

export interface LatencyResult {
  route: string;
  /** `fixed rate`: open loop, evenly spaced; `autocannon`: each second's quota in a burst. */
  load: 'fixed rate' | 'autocannon';
  rate: number;
  requests: number;
  non2xx: number;
  p50: number;
  p99: number;
  /** Fixed rate only: the server's event-loop delay and GC pauses during the run (its /metrics). */
  server?: ServerPauses;
  /** Fixed rate only: the load generator's own event-loop delay, max (ms). */
  generatorLoopMax?: number;
  /** Fixed rate only: the 1-minute load average after the run (the machine is shared). */
  loadAverage?: number;
}

const LINES_IN_ORDER = 1_000;

/**
 * The measurement's data: one order of 1,000 lines and 1,000 orders of 10 lines, every line
 * awaiting provisioning details (so it may be resent). Also `bench/probe-resend.ts`'s.
 */
export async function loadLatencyData(bench: BenchStore): Promise<void> {
  await loadLines(bench.store.db, {
    total: LINES_IN_ORDER,
    due: LINES_IN_ORDER,
    kind: 'rsd',
    perOrder: LINES_IN_ORDER,
    orderPrefix: 'ord_big',
  });
  await loadLines(bench.store.db, { total: 10_000, due: 10_000, kind: 'rsd', first: LINES_IN_ORDER + 1 });
  await runDue(bench.deps);
}

/**
 * Partner admins of the bench partner who send the resends, in turn. 300 resends a second from one
 * user is what the default limit forbids (120 an hour), and lifting it for one user made every
 * resend update that user's one rate-limit row: a hot row all resends queued on, which at 300/s
 * cost PostgreSQL ~1 ms more per resend (docs/benchmarks.md). 200 users stay under their limit
 * for the longest run (23 s at 300/s: ~35 resends each).
 */
const RESEND_USERS = 200;

const resendTokenOf = (n: number) => `bench_resend_admin_${n % RESEND_USERS}_token`;

async function addResendUsers(bench: BenchStore): Promise<void> {
  const users = Array.from({ length: RESEND_USERS }, (_, i) => ({
    id: `usr_resend_${i}`,
    organization_id: 'org_p',
    role: 'partner_admin' as const,
    name: `Resend Admin ${i}`,
    email: `resend${i}@acme.example`,
    language: 'en' as const,
    created_at: BENCH_NOW,
  }));
  await bench.store.db.insertInto('app_user').values(users).execute();
  await bench.store.db
    .insertInto('api_token')
    .values(
      users.map((u, i) => ({
        id: `tok_resend_${i}`,
        token_hash: hashToken(resendTokenOf(i)),
        user_id: u.id,
        label: 'bench resends',
        created_at: BENCH_NOW,
      })),
    )
    .execute();
}

/** The line the n-th resend names: the first line of a different ten-line order each time. */
export const resendTarget = (n: number) => `Sub${100_000_001 + LINES_IN_ORDER + 10 * (n % 1000)}`;

function fire(
  baseUrl: string,
  route: { method: 'GET' | 'POST'; path: () => string; headers: () => Record<string, string> },
  rate: number,
  seconds: number,
) {
  return autocannon({
    url: baseUrl,
    connections: 10,
    overallRate: rate,
    duration: seconds,
    requests: [
      {
        method: route.method,
        setupRequest: (req) => ({ ...req, path: route.path(), headers: route.headers() }),
      },
    ],
  });
}

export async function measureApiLatency(opts: {
  adminUrl: string;
  smtpUrl: string;
  seconds: number;
}): Promise<LatencyResult[]> {
  const bench = await openBenchStore('postgres', opts.adminUrl);
  try {
    await loadLatencyData(bench);
    await addResendUsers(bench);
    const server = await spawnOnramp({
      argv: ['web'],
      // Resends run under the product's default per-user limit (RESEND_RATE_LIMIT, 120 an hour):
      // they come from RESEND_USERS partner admins in turn, as a partner's staff would send them,
      // none near the limit (see resendTokenOf).
      env: { DATABASE_URL: bench.url!, SMTP_URL: opts.smtpUrl, LOG_LEVEL: 'info' },
    });
    try {
      await server.ready;
      const routes: {
        name: string;
        rate: number;
        method: 'GET' | 'POST';
        path: (n: number) => string;
        /** The n-th request's bearer token; BENCH_TOKEN when absent. */
        token?: (n: number) => string;
      }[] = [
        { name: 'GET /healthz', rate: 300, method: 'GET' as const, path: () => '/healthz' },
        {
          name: 'POST /api/v1/subscriptions/{id}/resend',
          rate: 300,
          method: 'POST' as const,
          path: (n: number) => `/api/v1/subscriptions/${resendTarget(n)}/resend`,
          token: resendTokenOf,
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
      let n = 0; // resends go to a different order each time, across all three loads
      for (const route of routes) {
        // The generators ask for a request's path, then at once for its headers.
        let current = 0;
        const path = () => route.path((current = n++));
        const headers = () => ({ authorization: `Bearer ${route.token?.(current) ?? BENCH_TOKEN}` });
        const at = (seconds: number) =>
          fireAtRate({
            baseUrl: server.baseUrl,
            method: route.method,
            path,
            headers,
            rate: route.rate,
            seconds,
          });
        await at(Math.min(3, opts.seconds)); // warm-up, not recorded
        const before = await markServerPauses(server.baseUrl);
        const fixed = await at(opts.seconds);
        const pauses = serverPausesBetween(before, await markServerPauses(server.baseUrl));
        results.push({
          route: route.name,
          load: 'fixed rate',
          rate: route.rate,
          ...fixed,
          server: pauses,
          loadAverage: Math.round(loadavg()[0]! * 10) / 10,
        });
        const burst = await fire(server.baseUrl, { ...route, path, headers }, route.rate, opts.seconds);
        results.push({
          route: route.name,
          load: 'autocannon',
          rate: route.rate,
          requests: burst.requests.total,
          non2xx: burst.non2xx,
          p50: burst.latency.p50,
          p99: burst.latency.p99,
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
