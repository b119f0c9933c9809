/**
 * Issue 18, item 11: the demo mailbox (every captured setup and password link, no sign-in) is
 * served only while the server listens on loopback, unless MAILBOX_PUBLIC=1; and every page,
 * /api/docs, the API's JSON and the mailbox carry the security headers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config.js';
import { isLoopbackHost, mailboxDecision } from '../../src/config-mailbox.js';
import { createHttpApp } from '../../src/create-http-app.js';
import { createLogger, startOnramp } from '../../src/main.js';
import { createWorld, type World } from '../support/world.js';

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(/script-src ([^;]*)/.exec(csp)?.[1], `${what}: script-src`).toBe("'self'");
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
}

describe('the demo mailbox listens on loopback only', () => {
  it('knows a loopback host when it sees one', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      '0.0.0.0',
      '::',
      '[::]',
      '10.0.0.5',
      '192.168.1.2',
      'onramp.example',
      '128.0.0.1',
      '',
    ])
      expect(isLoopbackHost(host), host).toBe(false);
    expect(mailboxDecision({ demoMode: true, host: '0.0.0.0', mailboxPublic: false })).toBe(
      'refused: not loopback',
    );
    expect(mailboxDecision({ demoMode: true, host: '0.0.0.0', mailboxPublic: true })).toBe('served');
    expect(mailboxDecision({ demoMode: true, host: '127.0.0.1', mailboxPublic: false })).toBe('served');
    expect(mailboxDecision({ demoMode: false, host: '127.0.0.1', mailboxPublic: true })).toBe(
      'not demo mode',
    );
  });

  it(
    'a demo server on 0.0.0.0 answers 404 at /dev/mailbox and says why; the flag opens it',
    {
      timeout: 240_000,
    },
    async () => {
      const start = async (env: Record<string, string>) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'onramp-mailbox-'));
        let logged = '';
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            logged += chunk.toString();
            done();
          },
        });
        const config = loadConfig({
          DATA_DIR: dataDir,
          DEMO_DATA: 'false',
          PORT: '0',
          LOG_LEVEL: 'warn',
          ...env,
        });
        const running = await startOnramp(config, {
          web: true,
          worker: false,
          log: createLogger(config, sink),
        });
        try {
          const res = await fetch(`http://127.0.0.1:${running.port}/dev/mailbox.json`);
          return { status: res.status, logged };
        } finally {
          await running.stop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      };
      const refused = await start({ HOST: '0.0.0.0' });
      expect(refused.status).toBe(404);
      expect(refused.logged).toContain('/dev/mailbox is off');
      expect(refused.logged).toContain('MAILBOX_PUBLIC=1');
      const opened = await start({ HOST: '0.0.0.0', MAILBOX_PUBLIC: '1' });
      expect(opened.status).toBe(200);
      expect(opened.logged).not.toContain('/dev/mailbox is off');
    },
  );
});

describe('security headers on every page, the API docs and the mailbox', () => {
  let w: World;
  let app: Hono;
  beforeAll(async () => {
    w = await createWorld('pglite');
    app = createHttpApp(
      { ...w.deps, store: w.store, maxBodyBytes: 10_000, emailEventsSecret: undefined, secureCookies: false },
      { logError: () => {}, demoMode: true, https: false },
    );
  });
  afterAll(() => w.close());

  it('every GET page, refusal and error page, /api/docs, the API JSON and /dev/mailbox', async () => {
    const pages = [
      ...new Set(
        app.routes
          // Probes for machines (/healthz, /readyz, /metrics) are not pages.
          .filter(
            (r) =>
              r.method === 'GET' && !r.path.includes('*') && !/^\/(healthz|readyz|metrics)$/.test(r.path),
          )
          .map((r) => r.path.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, 'x')),
      ),
    ];
    expect(pages).toEqual(
      expect.arrayContaining(['/api/docs', '/dev/mailbox', '/dev/mailbox.json', '/sign-in']),
    );
    const extra = [
      '/no-such-page',
      '/static/app.css',
      '/dev/mailbox/1',
      '/api/v1/orders',
      '/api/v1/no-such-thing',
      '/orders?cursor=%00',
    ];
    for (const path of [...pages, ...extra]) {
      const res = await app.request(path);
      expectSecurityHeaders(res, `GET ${path} (${res.status})`);
    }
    const tooLarge = await app.request('/sign-in', { method: 'POST', body: 'x'.repeat(2_000_000) });
    expect(tooLarge.status).toBe(413);
    expectSecurityHeaders(tooLarge, 'the 413 page');
    console.log(`[security] headers checked on ${pages.length + extra.length + 1} answers`);
  });
});
