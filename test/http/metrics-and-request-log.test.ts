import { Writable } from 'node:stream';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApi } from '../../src/http/create-api.js';
import { redactUrl } from '../../src/http/observe-requests.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, MAX_BODY_BYTES, orderBody, placeViaApi } from './api-harness.js';

/** `name{labels} value` lines of the exposition text, for one series name. */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
}

function valueOf(text: string, name: string): number {
  const line = samples(text, name)[0];
  if (!line) throw new Error(`no ${name} in:\n${text}`);
  return Number(line.split(' ').at(-1));
}

describeEachStore('GET /metrics', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const scrape = async () => {
    const res = await api.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('exposes every named series, with request durations by route pattern', async () => {
    await call(api, w, 'GET', '/api/v1/orders');
    await call(api, w, 'GET', '/api/v1/subscriptions/Sub999');
    const text = await scrape();
    for (const name of [
      'onramp_http_request_duration_seconds_bucket',
      'onramp_outbox_depth',
      'onramp_outbox_oldest_age_seconds',
      'onramp_sends_total',
      'onramp_due_lag_seconds',
      'onramp_auto_closes_total',
    ])
      expect(samples(text, name).length, name).toBeGreaterThan(0);
    expect(text).toContain(
      'onramp_http_request_duration_seconds_count{method="GET",route="/api/v1/orders",status="200"} 1',
    );
    // The pattern, never the id: one series however many lines exist.
    expect(text).toContain('route="/api/v1/subscriptions/:subscriptionId",status="404"');
    expect(text).toContain('onramp_sends_total{status="sent"} 0');
  });

  it('computes the queue gauges from the database at scrape time', async () => {
    await placeViaApi(api, w, orderBody('WO-METRICS-1', { rsd: '2026-12-01' }));
    // The world's clock is 09:00 on the RSD, due at 00:00: nine hours late.
    expect(valueOf(await scrape(), 'onramp_due_lag_seconds')).toBe(9 * 3600);
    expect(valueOf(await scrape(), 'onramp_outbox_depth')).toBe(0);

    await runDue(w.deps);
    w.clock.advance(60_000);
    const text = await scrape();
    expect(valueOf(text, 'onramp_due_lag_seconds')).toBe(0);
    expect(valueOf(text, 'onramp_outbox_depth')).toBe(1);
    expect(valueOf(text, 'onramp_outbox_oldest_age_seconds')).toBe(60);
  });
});

describe('request log', () => {
  it('logs each request with its request id, and never a setup token or credential', async () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    const fakeDb = {} as never;
    const api = createApi(
      {
        db: fakeDb,
        clock: { now: () => new Date() },
        ids: { newId: () => 'x', newToken: () => 'x' },
        settings: {} as never,
        store: { ping: async () => {} },
        maxBodyBytes: MAX_BODY_BYTES,
      },
      { logError: () => {}, log, metrics: createMetrics() },
    );
    await api.request('/setup/s3cr3t-setup-token?step=2', { headers: { 'x-request-id': 'req-42' } });
    await api.request('/set-password/pw-token-77');
    await api.request('/healthz', { headers: { authorization: 'Bearer top-secret-token-xyz' } });
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { reqId: string; req: { url: string }; res: { statusCode: number } });
    expect(lines.map((l) => l.req.url)).toEqual([
      '/setup/[redacted]?step=2',
      '/set-password/[redacted]',
      '/healthz',
    ]);
    expect(lines[0]!.reqId).toBe('req-42');
    expect(lines[2]!.res.statusCode).toBe(200);
    expect(out).not.toMatch(/s3cr3t|pw-token|top-secret/);
  });

  it('redacts both kinds of secret path', () => {
    expect(redactUrl('/en/setup/abc/confirm')).toBe('/en/setup/[redacted]/confirm');
    expect(redactUrl('/set-password/abc')).toBe('/set-password/[redacted]');
    expect(redactUrl('/subscriptions')).toBe('/subscriptions');
  });
});
