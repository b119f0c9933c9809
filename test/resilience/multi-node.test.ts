/**
 * Item 5: two `onramp web` and two `onramp worker` processes on one PostgreSQL. Orders arrive
 * through both web processes with today's RSD; both workers look for due lines and drain the
 * outbox at once. Each line gets its first e-mail once (due work not doubled), each e-mail is
 * claimed once and arrives once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { orderBody } from '../http/api-harness.js';
import { createWorld, type World } from '../support/world.js';
import { type CountingInbox, startCountingInbox } from './support/counting-inbox.js';
import { killAll, type OnrampProcess, spawnOnramp, until } from './support/onramp-process.js';
import { outboxDrained } from './support/queue-burst.js';

const ORDERS = 60;
const LINES = 5;

let w: World;
let inbox: CountingInbox;
let webs: OnrampProcess[];
let workers: OnrampProcess[];

beforeAll(async () => {
  w = await createWorld('postgres');
  inbox = await startCountingInbox();
  const env = {
    DATABASE_URL: w.store.url!,
    DATABASE_POOL_SIZE: '5',
    PUBLIC_URL: 'http://onramp.test',
    SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
    PORT: '0',
    DUE_INTERVAL_MS: '100',
    OUTBOX_INTERVAL_MS: '50',
    OUTBOX_BATCH_SIZE: '5',
  };
  webs = [spawnOnramp('web', env), spawnOnramp('web', env)];
  workers = [spawnOnramp('worker', env), spawnOnramp('worker', env)];
  await Promise.all(webs.map((p) => until('web listening', () => p.port(), 90_000)));
});
afterAll(async () => {
  await killAll();
  await inbox?.close();
  await w?.close();
});

it('two web and two worker processes: each e-mail claimed once, due work not doubled', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const subscriptionIds: string[] = [];
  // Both web processes take orders at the same time, while both workers run.
  await Promise.all(
    webs.map(async (web, n) => {
      for (let i = n; i < ORDERS; i += webs.length) {
        const body = orderBody(`WO-NODES-${i}`, {
          rsd: today,
          lines: Array.from({ length: LINES }, (_, l) => ({
            offerCode: 'MEET-PRO',
            quantity: 1,
            provisioningContact: { name: `C ${i}.${l}`, email: `c${i}.${l}@nodes.example`, language: 'en' },
          })),
        });
        const res = await fetch(`http://127.0.0.1:${web.port()}/api/v1/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${w.tokens.alice}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(201);
        subscriptionIds.push(...((await res.json()) as { subscriptionIds: string[] }).subscriptionIds);
      }
    }),
  );
  const lines = ORDERS * LINES;
  await until('every line e-mailed', () => inbox.ids.length >= lines, 180_000);
  await until('the outbox recorded every send', () => outboxDrained(w));
  // Each process counts what it did: the workers' sends on their own /metrics, the webs' orders
  // under the route pattern on theirs.
  const scrape = async (port: number | null, path = '/metrics') => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const sample = (text: string, series: string) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${series} `))
        ?.split(' ')[1] ?? NaN,
    );
  const workerPorts = await Promise.all(workers.map((p) => until('worker probes', () => p.probePort())));
  for (const port of workerPorts)
    expect(JSON.parse(await scrape(port, '/readyz'))).toEqual({ status: 'ready' });
  const sentPerWorker = await Promise.all(
    workerPorts.map(async (port) => sample(await scrape(port), 'onramp_sends_total{status="sent"}')),
  );
  const ordersPerWeb = await Promise.all(
    webs.map(async (web) =>
      sample(
        await scrape(web.port()),
        'onramp_http_request_duration_seconds_count{method="POST",route="/api/v1/orders",status="201"}',
      ),
    ),
  );
  console.log(
    `[reliability] multi-node metrics: sent per worker ${sentPerWorker.join(' / ')}, ` +
      `orders per web ${ordersPerWeb.join(' / ')}`,
  );
  expect(sentPerWorker.reduce((a, b) => a + b, 0)).toBe(ORDERS * LINES);
  expect(ordersPerWeb).toEqual([ORDERS / 2, ORDERS / 2]);
  for (const p of [...webs, ...workers]) expect((await p.kill('SIGTERM')).code).toBe(0);

  const sends = await w.store.db
    .selectFrom('provisioning_email')
    .select(['id', 'subscription_id', 'status'])
    .where('subscription_id', 'in', subscriptionIds)
    .execute();
  const rows = await w.store.db.selectFrom('outbox').select(['message_key', 'attempts', 'status']).execute();
  const perLine = new Map<string, number>();
  for (const s of sends) perLine.set(s.subscription_id, (perLine.get(s.subscription_id) ?? 0) + 1);
  const doubledLines = [...perLine.values()].filter((n) => n > 1).length;
  const claimedTwice = rows.filter((r) => r.attempts !== 1).length;
  const duplicates = [...inbox.counts().values()].filter((n) => n > 1).length;
  const passes = (p: OnrampProcess, msg: string) => p.logs.filter((l) => l['msg'] === msg).length;
  console.log(
    `[reliability] multi-node: 2 web + 2 worker processes, ${ORDERS} orders / ${lines} lines, ` +
      `${sends.length} first e-mails (${doubledLines} lines doubled), ${rows.length} outbox rows ` +
      `(${claimedTwice} claimed more than once), ${inbox.ids.length} deliveries (${duplicates} duplicated); ` +
      `outbox passes per worker ${workers.map((p) => passes(p, 'outbox pass')).join(' / ')}, ` +
      `due passes with work ${workers.map((p) => passes(p, 'due work done')).join(' / ')}`,
  );
  expect(subscriptionIds).toHaveLength(lines);
  expect(perLine.size).toBe(lines);
  expect(doubledLines).toBe(0);
  expect(sends.every((s) => s.status === 'sent')).toBe(true);
  expect(rows).toHaveLength(lines);
  expect(claimedTwice).toBe(0);
  expect(duplicates).toBe(0);
  expect(new Set(inbox.ids)).toEqual(new Set(rows.map((r) => `<${r.message_key}@onramp.test>`)));
});
