/**
 * TRUST_PROXY: behind reverse proxies each client keeps its own rate-limit bucket and its own
 * address in the request log; without it, X-Forwarded-For is ignored (a client could otherwise
 * pick any address and dodge every limit), and a forged header never reaches past the proxies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config.js';
import { parseTrustProxy } from '../../src/config-trust-proxy.js';
import { clientAddressOf } from '../../src/http/client-address.js';
import { createLogger, startOnramp } from '../../src/main.js';

describe('client address', () => {
  it('is the socket peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddressOf('10.0.0.5', '203.0.113.9', null)).toBe('10.0.0.5');
    expect(clientAddressOf('::ffff:10.0.0.5', undefined, parseTrustProxy('1'))).toBe('10.0.0.5');
  });

  it('looks through a number of hops, nearest first, and never past them', () => {
    const one = parseTrustProxy('1');
    expect(clientAddressOf('10.0.0.5', '203.0.113.9', one)).toBe('203.0.113.9');
    // The client forged an entry; the proxy appended the address it saw: the forged one is not read.
    expect(clientAddressOf('10.0.0.5', '198.51.100.1, 203.0.113.9', one)).toBe('203.0.113.9');
    const two = parseTrustProxy('2');
    expect(clientAddressOf('10.0.0.5', '203.0.113.9, 10.0.0.7', two)).toBe('203.0.113.9');
    // Fewer hops than trusted: the farthest one there is.
    expect(clientAddressOf('10.0.0.5', '203.0.113.9', two)).toBe('203.0.113.9');
  });

  it('looks through every hop inside the trusted CIDRs, IPv4 and IPv6', () => {
    const cidrs = parseTrustProxy('10.0.0.0/8, fd00::/8, 192.0.2.10');
    expect(clientAddressOf('10.0.0.5', '198.51.100.1, 203.0.113.9, 10.1.2.3', cidrs)).toBe('203.0.113.9');
    expect(clientAddressOf('fd00::1', '2001:db8::7', cidrs)).toBe('2001:db8::7');
    expect(clientAddressOf('192.0.2.10', '[2001:db8::8]', cidrs)).toBe('2001:db8::8');
    // A peer outside the list is the client itself, whatever it forwards.
    expect(clientAddressOf('203.0.113.50', '198.51.100.1', cidrs)).toBe('203.0.113.50');
  });

  it('is configured by TRUST_PROXY, and a bad value stops the start naming the variable', () => {
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toMatchObject({ text: '10.0.0.0/8' });
    for (const bad of ['10.0.0.0/33', 'proxy.example', '99', '10.0.0.0/x']) {
      const error = (() => {
        try {
          loadConfig({ TRUST_PROXY: bad });
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues[0]?.variable).toBe('TRUST_PROXY');
    }
  });
});

describe('a real server behind a proxy', () => {
  /** Starts the web server with `env`, sends one request as a proxy would, returns its log line. */
  async function loggedAddress(env: Record<string, string>): Promise<unknown> {
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-proxy-'));
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false', PORT: '0', ...env });
    const running = await startOnramp(config, { web: true, worker: false, log: createLogger(config, sink) });
    try {
      const res = await fetch(`http://127.0.0.1:${running.port}/healthz`, {
        headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' },
      });
      expect(res.status).toBe(200);
      const line = lines.find((l) => l['msg'] === 'request completed');
      return (line?.['req'] as { remoteAddress?: string } | undefined)?.remoteAddress;
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('logs the socket peer without TRUST_PROXY, and the client behind one trusted hop with it', async () => {
    expect(await loggedAddress({})).toBe('127.0.0.1');
    expect(await loggedAddress({ TRUST_PROXY: '1' })).toBe('203.0.113.9');
    expect(await loggedAddress({ TRUST_PROXY: '127.0.0.0/8' })).toBe('203.0.113.9');
  });
});
