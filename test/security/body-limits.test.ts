/**
 * Issue 18, item 1: bounded bodies. A 100 MB body streamed over a real socket to a started server
 * (a page form, unauthenticated, and the API) is refused with 413 once it passes the limit, and
 * the process grows by less than 50 MB while it arrives. Delivery reports (DSNs) are read in
 * linear time: the parser's own step count grows with the report's length and no faster.
 */
import { connect } from 'node:net';

import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHttpApp } from '../../src/create-http-app.js';
import { MAX_DELIVERY_REPORT_BYTES, readDeliveryReport } from '../../src/email/read-delivery-report.js';
import { eventFromDsn } from '../../src/http/routes/email-event-routes.js';
import { orderBody } from '../http/api-harness.js';
import { createWorld, type World } from '../support/world.js';

const MB = 1024 * 1024;
const ATTACK_BYTES = 100 * MB;
const SECRET = 's'.repeat(40);

interface Attack {
  status: number;
  head: string;
  body: string;
  sentBytes: number;
  peakRssGrowth: number;
}

/**
 * POSTs `total` bytes to `path`, chunked (no length announced: the server must count) or with
 * the length announced up front, as fast as the socket takes them, and samples the RSS meanwhile.
 */
function attack(port: number, path: string, headers: string[], mode: 'chunked' | 'length'): Promise<Attack> {
  return new Promise((resolve, reject) => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const socket = connect(port, '127.0.0.1');
    const piece = Buffer.alloc(64 * 1024, 'a');
    const frame = mode === 'chunked' ? Buffer.from(`${piece.length.toString(16)}\r\n`) : null;
    let sent = 0;
    let reply = Buffer.alloc(0);
    let stopped = false;
    let answered = false;
    const finish = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(sampler);
      socket.destroy();
      const [head = '', body = ''] = reply.toString('utf8').split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body,
        sentBytes: sent,
        peakRssGrowth: Math.max(peak, process.memoryUsage().rss) - before,
      });
    };
    const pump = () => {
      while (!stopped && sent < ATTACK_BYTES) {
        const ok =
          mode === 'chunked'
            ? socket.write(Buffer.concat([frame!, piece, Buffer.from('\r\n')]))
            : socket.write(piece);
        sent += piece.length;
        if (!ok) return void socket.once('drain', pump);
      }
      if (!stopped && mode === 'chunked') socket.write('0\r\n\r\n');
      if (answered) finish();
    };
    socket.on('connect', () => {
      const length = mode === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${ATTACK_BYTES}`;
      socket.write([`POST ${path} HTTP/1.1`, 'Host: onramp.test', length, ...headers, '', ''].join('\r\n'));
      pump();
    });
    socket.on('data', (d: Buffer) => {
      reply = Buffer.concat([reply, d]);
      // The whole answer is in once the body's announced length has arrived.
      const text = reply.toString('latin1');
      const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? -1);
      const split = text.indexOf('\r\n\r\n');
      // The attacker goes on sending after the answer, until all is sent or the server hangs up.
      answered = split >= 0 && length >= 0 && text.length - split - 4 >= length;
      if (answered && sent >= ATTACK_BYTES) finish();
    });
    socket.on('error', () => finish());
    socket.on('close', finish);
    socket.setTimeout(60_000, () => reject(new Error(`no answer from ${path}`)));
  });
}

describe('bounded bodies, on a started server', () => {
  let w: World;
  let server: ServerType;
  let port: number;
  const figures: string[] = [];
  beforeAll(async () => {
    w = await createWorld('pglite');
    const app = createHttpApp(
      {
        ...w.deps,
        store: w.store,
        maxBodyBytes: 1_000_000,
        emailEventsSecret: SECRET,
        secureCookies: false,
      },
      { logError: () => {}, demoMode: true, https: false },
    );
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
    // Warm up (first page render, first refusal): their one-off allocations are not the attack's.
    for (const path of ['/sign-in', '/api/v1/orders'])
      await (
        await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: 'x'.repeat(2_000_000) })
      ).text();
  });
  afterAll(async () => {
    console.log(`[security] body limits: ${figures.join('; ')}`);
    await new Promise((resolve) => server.close(resolve));
    await w.close();
  });

  const cases = [
    {
      name: 'sign-in page, unauthenticated, Italian',
      path: '/sign-in',
      headers: ['Content-Type: application/x-www-form-urlencoded', 'Accept-Language: it'],
      page: 'La richiesta è troppo grande. Invii una richiesta più piccola.',
    },
    {
      name: 'setup confirm page, multipart',
      path: '/setup/not-a-token/confirm',
      headers: ['Content-Type: multipart/form-data; boundary=b', 'Accept-Language: en'],
      page: 'The request is too large. Send a smaller request.',
    },
    {
      name: 'API',
      path: '/api/v1/orders',
      headers: [`Authorization: Bearer ${'tok_alice_' + 'x'.repeat(20)}`, 'Content-Type: application/json'],
      page: null,
    },
  ];
  for (const c of cases)
    for (const mode of ['chunked', 'length'] as const)
      it(`${c.name}, ${mode}: 100 MB → 413, RSS grows < 50 MB`, { timeout: 120_000 }, async () => {
        const result = await attack(port, c.path, c.headers, mode);
        figures.push(
          `${c.path} ${mode}: ${result.status}, ${(result.sentBytes / MB).toFixed(0)} MB written before the server hung up, peak RSS +${(result.peakRssGrowth / MB).toFixed(1)} MB`,
        );
        expect(result.status, result.head).toBe(413);
        expect(result.peakRssGrowth).toBeLessThan(50 * MB);
        if (c.page) {
          expect(result.head).toMatch(/content-type: text\/html/i);
          expect(result.body).toContain(c.page);
        } else {
          expect(JSON.parse(result.body)).toMatchObject({
            error: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 1_000_000 },
          });
        }
      });

  it('a chunked body under the limit arrives whole', async () => {
    const json = JSON.stringify(orderBody('WO-CHUNKED'));
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.alice}`, 'content-type': 'application/json' },
      // A stream has no length: undici sends it chunked, so the limit counts it as it comes.
      body: new Blob([json]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ webOrderId: 'WO-CHUNKED' });
  });

  it('the support form keeps its larger limit, and a delivery report its smaller one', async () => {
    const big = (n: number) => 'x'.repeat(n);
    const report = await fetch(`http://127.0.0.1:${port}/api/v1/email-events`, {
      method: 'POST',
      headers: { 'content-type': 'message/delivery-status', 'x-onramp-webhook-secret': SECRET },
      body: big(MAX_DELIVERY_REPORT_BYTES + 1),
    });
    expect(report.status).toBe(413);
    expect(await report.json()).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_DELIVERY_REPORT_BYTES },
    });
    // 2 MB to the support form passes the page limit (1 MB) and reaches the form's own checks.
    const support = await fetch(`http://127.0.0.1:${port}/support/new`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `description=${big(2 * MB)}`,
    });
    expect(support.status).not.toBe(413);
    expect(support.status).toBeLessThan(500);
  });
});

describe('delivery reports are read in linear time', () => {
  /** Hostile reports of about `bytes`: blanks after a field name, many lines, long folds. */
  const hostile = (bytes: number) => ({
    blanks: `Status:${' '.repeat(bytes)}`,
    tabs: `Original-Message-ID:\t${'\t '.repeat(bytes / 2)}x`,
    lines: 'Action: failed\r\n'.repeat(bytes / 16),
    folds: `Diagnostic-Code: smtp;\r\n${' x\r\n'.repeat(bytes / 4)}`,
    colons: ':'.repeat(bytes),
    noBreaks: `Message-ID: <${'a'.repeat(bytes)}@x>`,
    names: `${'X'.repeat(bytes)}: y`,
  });

  it('a 160 KB report costs at most 3 steps per character, 16 times what a 10 KB one costs', () => {
    const small = hostile(10 * 1024);
    const large = hostile(160 * 1024);
    const rows: string[] = [];
    for (const kind of Object.keys(small) as (keyof typeof small)[]) {
      const counted = (text: string) => {
        const work = { steps: 0 };
        readDeliveryReport(text, work);
        return work.steps;
      };
      const a = counted(small[kind]);
      const b = counted(large[kind]);
      rows.push(`${kind} ${a}→${b}`);
      expect(b, kind).toBeLessThanOrEqual(3 * large[kind].length);
      // Linear: 16 times the input, about 16 times the work (quadratic would be 256 times).
      expect(b / a, kind).toBeLessThan(17);
    }
    console.log(`[security] DSN parser steps, 10 KB → 160 KB: ${rows.join(', ')}`);
  });

  it('what a 160 KB report says is still read right', () => {
    const report = [
      'Reporting-MTA: dns; mx.initech.example',
      `X-Note:${' '.repeat(160 * 1024)}`,
      'Original-Message-ID: <snd_abc@onramp.test>',
      'Action: FAILED',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 ${'y'.repeat(3000)}`,
      '  User unknown',
    ].join('\r\n');
    expect(report.length).toBeGreaterThan(160 * 1024);
    const event = eventFromDsn(report);
    expect(event).toMatchObject({ type: 'bounced', ref: { messageId: '<snd_abc@onramp.test>' } });
    expect(event.detail).toMatch(/^5\.1\.1 smtp; 550 5\.1\.1 y+$/);
    expect(event.detail!.length).toBe(1000);
    // The report's own Message-ID comes first; the returned headers' last one names the original.
    expect(
      readDeliveryReport('Message-ID: <dsn@mx>\nStatus: 2.0.0\n\nMessage-ID:\n  <snd_x@onramp.test>\n'),
    ).toEqual({ messageId: '<snd_x@onramp.test>', status: '2.0.0' });
  });
});
