/**
 * Issue 18, item 7: a slow or silent database costs seconds, not minutes. A "blackhole" is a TCP
 * server that accepts and never answers (packets dropped, no reset), or a proxy to the real
 * PostgreSQL that stops forwarding. Timeouts are injected small; nothing asserts wall-clock time:
 * each test shows which timer cut the wait (its status, its error).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config.js';
import { createApi } from '../../src/http/create-api.js';
import { toAppError } from '../../src/http/render-error.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { storeKinds } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

interface Blackhole {
  port: number;
  accepted(): number;
  /** Resolves once `n` connections have been accepted. */
  reached(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Accepts every connection and never sends a byte: PostgreSQL's startup answer never comes. */
async function startBlackhole(): Promise<Blackhole> {
  const sockets = new Set<Socket>();
  const waiting: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    for (const w of waiting) if (sockets.size >= w.n) w.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    accepted: () => sockets.size,
    reached: (n) =>
      new Promise<void>((resolve) => (sockets.size >= n ? resolve() : waiting.push({ n, resolve }))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards to PostgreSQL until silenced; then swallows every byte both ways and closes nothing. */
async function startSilencingProxy(target: URL) {
  let silent = false;
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    accepted++;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('error', () => {});
      from.on('data', (chunk) => void (silent || to.write(chunk)));
      from.once('close', () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    accepted: () => accepted,
    silence: (on: boolean) => void (silent = on),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const HOUR = 3_600_000;

describe('database timeout configuration', () => {
  it('has defaults, and reads DATABASE_*_TIMEOUT_MS', () => {
    expect(loadConfig({}).databaseTimeouts).toEqual({
      connectMs: 5_000,
      statementMs: 15_000,
      queryMs: 17_000,
      idleInTransactionMs: 60_000,
    });
    const env = {
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_QUERY_TIMEOUT_MS: '0',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
    };
    expect(loadConfig(env).databaseTimeouts).toEqual({
      connectMs: 2_000,
      statementMs: 0,
      queryMs: 0,
      idleInTransactionMs: 30_000,
    });
  });

  it.each([
    [{ DATABASE_CONNECT_TIMEOUT_MS: '0' }, 'DATABASE_CONNECT_TIMEOUT_MS'],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: 'soon' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '20000' }, 'DATABASE_QUERY_TIMEOUT_MS'],
  ])('refuses %o naming %s', (env, variable) => {
    const error = (() => {
      try {
        loadConfig(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.variable)).toEqual([variable]);
  });
});

describe('/readyz and the pool against a blackholed database', () => {
  let w: World;
  let hole: Blackhole;
  let store: Store;
  beforeAll(async () => {
    w = await createWorld(storeKinds()[0]!);
    hole = await startBlackhole();
    // The pool's own timers are an hour away: whatever cuts a wait below is the one under test.
    store = await openStore({
      databaseUrl: `postgres://onramp@127.0.0.1:${hole.port}/onramp`,
      poolSize: 2,
      timeouts: { connectMs: HOUR, statementMs: 0, queryMs: 2 * HOUR },
    });
  });
  afterAll(async () => {
    await hole?.close();
    await store?.close().catch(() => {});
    await w?.close();
  });

  it('answers 503 "database not answering" when its timer runs out, while /healthz stays 200', async () => {
    const api = createApi(
      { ...w.deps, db: store.db, store, maxBodyBytes: 100_000, readyTimeoutMs: 20 },
      { logError: () => {} },
    );
    const ready = await api.request('/readyz');
    expect(ready.status).toBe(503);
    // Cut by the readiness timer: the pool (an hour away) has not given up, the connection is open.
    expect(await ready.json()).toEqual({ status: 'database not answering' });
    await hole.reached(1); // the probe did reach the database, which never answered
    expect((await api.request('/healthz')).status).toBe(200);
  });

  it('gives up connecting after DATABASE_CONNECT_TIMEOUT_MS, an error the API answers with 503', async () => {
    const quick = await openStore({
      databaseUrl: `postgres://onramp@127.0.0.1:${hole.port}/onramp`,
      poolSize: 1,
      timeouts: { connectMs: 30 },
    });
    try {
      const before = hole.accepted();
      const error = await quick.ping().then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/connection timeout|timeout exceeded when trying to connect/);
      expect(toAppError(error)?.code).toBe('UNAVAILABLE');
      await hole.reached(before + 1);
    } finally {
      await quick.close();
    }
  });
});

describe.runIf(storeKinds().includes('postgres'))('timeouts on a real PostgreSQL [postgres]', () => {
  let w: World;
  let proxy: Awaited<ReturnType<typeof startSilencingProxy>>;
  beforeAll(async () => {
    w = await createWorld('postgres');
    proxy = await startSilencingProxy(new URL(w.store.url!));
  });
  afterAll(async () => {
    await proxy?.close();
    await w?.close();
  });

  it('sets statement_timeout on every connection: a slow statement is cancelled by the server (57014 → 503)', async () => {
    const store = await openStore({ databaseUrl: w.store.url!, poolSize: 1, timeouts: { statementMs: 25 } });
    try {
      const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(store.db);
      expect(rows[0]?.statement_timeout).toBe('25ms');
      const error = await sql`select pg_sleep(30)`.execute(store.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as { code?: string }).code).toBe('57014');
      expect(toAppError(error)?.code).toBe('UNAVAILABLE');
      // The connection survives a server-side cancel: the next statement runs on it.
      await store.ping();
    } finally {
      await store.close();
    }
  });

  it('a connection the network stops answering is cut by the query timeout, dropped, and replaced', async () => {
    // statement_timeout cannot help here: the server never hears from the client again.
    // queryMs also bounds the pings that must succeed, one of them on a fresh connection: on a
    // loaded CI machine 40 ms was not always enough for that one, so the bound is a second.
    const store = await openStore({
      databaseUrl: proxy.url,
      poolSize: 1,
      timeouts: { statementMs: 0, queryMs: 1000 },
    });
    try {
      await store.ping();
      const opened = proxy.accepted();
      proxy.silence(true); // the connection stays open; nothing comes back
      const error = await store.ping().then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/Query read timeout/);
      expect(toAppError(error)?.code).toBe('UNAVAILABLE');
      proxy.silence(false);
      // The pool opens a fresh connection rather than queueing behind the dead one.
      await store.ping();
      expect(proxy.accepted()).toBe(opened + 1);
    } finally {
      await store.close();
    }
  });
});
