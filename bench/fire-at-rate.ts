/**
 * An open-loop load at a fixed rate: request i is due at t0 + i / rate, whether or not earlier
 * requests have been answered, and its latency is counted from that due instant (the method of
 * wrk2), so a server that falls behind is charged for the wait instead of being offered less load.
 *
 * Written because autocannon's `overallRate` is not a steady rate: each connection sends its
 * whole per-second quota back to back at the start of every second and then pauses (its
 * lib/httpClient.js resets `reqsMadeThisSecond` once a second), so 300 req/s on 10 connections
 * is 10 requests in flight for the first part of each second, i.e. latency under saturation.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface FixedRateResult {
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /**
   * The generator's own event-loop delay (max, ms): when it stalls, requests go out late (their
   * latency still counts from the due instant) and their answers are read late.
   */
  generatorLoopMax: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function fireAtRate(opts: {
  baseUrl: string;
  method: 'GET' | 'POST';
  path: (n: number) => string;
  /** The same for every request, or the n-th request's own (n as `path` gets it). */
  headers: Record<string, string> | ((n: number) => Record<string, string>);
  rate: number;
  seconds: number;
  /** Sockets kept open; requests due while all are busy wait for one (and that wait is counted). */
  sockets?: number;
}): Promise<FixedRateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.sockets ?? 32 });
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let done = 0;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const t0 = performance.now();

  const one = (n: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        `${opts.baseUrl}${opts.path(n)}`,
        {
          method: opts.method,
          headers: typeof opts.headers === 'function' ? opts.headers(n) : opts.headers,
          agent,
        },
        (res) => {
          res.resume();
          res.once('end', () => {
            latencies.push(performance.now() - dueAt);
            if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.once('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });

  await new Promise<void>((resolve) => {
    const finish = () => {
      if (++done === total) resolve();
    };
    // A 1 ms tick starts every request that has come due; each keeps its own due instant.
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) * opts.rate) / 1000) + 1);
      while (sent < due) {
        const n = sent++;
        void one(n, t0 + (n * 1000) / opts.rate).then(finish);
      }
      if (sent === total) clearInterval(tick);
    }, 1);
  });
  agent.destroy();
  loop.disable();
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: latencies.length,
    non2xx,
    errors,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? 0),
    generatorLoopMax: round(loop.max / 1e6),
  };
}
