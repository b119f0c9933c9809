/**
 * Item 3: the database goes away under load and comes back. `onramp web` and `onramp worker`
 * reach PostgreSQL through a TCP proxy the test cuts (every connection dropped, new ones refused)
 * and restores; the machine's PostgreSQL itself is never touched. During the outage /readyz
 * answers 503 and every API answer is a clean 503 UNAVAILABLE; afterwards both processes work
 * again without a restart.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { orderBody } from '../http/api-harness.js';
import { createWorld, type World } from '../support/world.js';
import { type CountingInbox, startCountingInbox } from './support/counting-inbox.js';
import { killAll, type OnrampProcess, spawnOnramp, until } from './support/onramp-process.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

const OUTAGE_MS = 3000;

let w: World;
let proxy: TcpProxy;
let inbox: CountingInbox;
let web: OnrampProcess;
let worker: OnrampProcess;
let base: string;

beforeAll(async () => {
  w = await createWorld('postgres');
  const url = new URL(w.store.url!);
  proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
  url.port = String(proxy.port);
  inbox = await startCountingInbox();
  const env = {
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: '4',
    PUBLIC_URL: 'http://onramp.test',
    SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
    PORT: '0',
    DUE_INTERVAL_MS: '200',
    OUTBOX_INTERVAL_MS: '100',
  };
  web = spawnOnramp('web', env);
  worker = spawnOnramp('worker', env);
  const port = await until('web listening', () => web.port(), 90_000);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const p of [web, worker])
    if (p && !p.alive())
      console.error(`${p.role} exited:`, p.stderr.join('').slice(-3000), JSON.stringify(p.logs.slice(-5)));
  await killAll();
  await proxy?.close();
  await inbox?.close();
  await w?.close();
});

type Phase = 'before' | 'outage' | 'restoring' | 'after';
interface Answer {
  /** The phase the request started and ended in; 'transition' when they differ. */
  phase: Phase | 'transition';
  status: number;
  code: string | null;
  json: boolean;
}

it('cut and restored under load: 503 on /readyz and clean API errors, then recovery without a restart', async () => {
  const today = new Date().toISOString().slice(0, 10);
  let phase: Phase = 'before';
  let loading = true;
  let orderNo = 0;
  const answers: Answer[] = [];
  const created: string[] = [];
  const auth = { authorization: `Bearer ${w.tokens.alice}` };

  async function request(): Promise<void> {
    const at = phase;
    const place = orderNo % 2 === 0;
    const webOrderId = `WO-OUTAGE-${++orderNo}`;
    const res = place
      ? await fetch(`${base}/api/v1/orders`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(orderBody(webOrderId, { rsd: today })),
        })
      : await fetch(`${base}/api/v1/orders?limit=5`, { headers: auth });
    const text = await res.text();
    let code: string | null = null;
    let json = true;
    try {
      const body = JSON.parse(text) as { error?: { code: string } };
      code = body.error?.code ?? null;
    } catch {
      json = false;
    }
    if (place && res.status === 201) created.push(webOrderId);
    answers.push({ phase: at === phase ? at : 'transition', status: res.status, code, json });
  }
  // Four clients, each one request after another, for the whole test.
  const clients = Array.from({ length: 4 }, async () => {
    while (loading) await request();
  });
  const readyz = async () => (await fetch(`${base}/readyz`)).status;

  await until('answers before the outage', () => answers.filter((a) => a.status < 300).length >= 20);
  expect(await readyz()).toBe(200);

  phase = 'restoring'; // requests started before the cut completes are counted as in transition
  await proxy.cut();
  phase = 'outage';
  const cutAt = Date.now();
  await until('/readyz says 503', async () => (await readyz()) === 503);
  // A restart's worth of downtime: a few seconds, many refused requests, several failed worker passes.
  await until(
    'a few seconds of outage',
    () =>
      Date.now() - cutAt >= OUTAGE_MS &&
      answers.filter((a) => a.phase === 'outage').length >= 40 &&
      worker.logs.filter((l) => l['msg'] === 'worker pass failed; retrying').length >= 3,
  );
  expect(await readyz()).toBe(503);

  phase = 'restoring';
  await proxy.restore();
  const restoredAt = Date.now();
  await until('/readyz says 200 again', async () => (await readyz()) === 200);
  const recoveredAt = Date.now();
  phase = 'after';
  await until(
    'answers after the outage',
    () => answers.filter((a) => a.phase === 'after' && a.status < 300).length >= 20,
  );
  loading = false;
  await Promise.all(clients);

  const during = answers.filter((a) => a.phase === 'outage');
  const after = answers.filter((a) => a.phase === 'after');
  const unclean = answers.filter((a) => !a.json || (a.status >= 500 && a.code !== 'UNAVAILABLE'));
  console.log(
    `[reliability] database outage: ${answers.length} API requests, ${during.length} during the outage ` +
      `(${during.filter((a) => a.status === 503 && a.code === 'UNAVAILABLE').length} × 503 UNAVAILABLE, ` +
      `${answers.filter((a) => a.status === 500).length} × 500, ${unclean.length} unclean), outage ${((restoredAt - cutAt) / 1000).toFixed(1)} s, ` +
      `ready again ${((recoveredAt - restoredAt) / 1000).toFixed(1)} s after the restore, ` +
      `${after.filter((a) => a.status < 300).length} successes after, process restarts 0`,
  );
  expect(unclean).toEqual([]);
  expect(answers.filter((a) => a.status === 500)).toEqual([]);
  expect(during.every((a) => a.status === 503 && a.code === 'UNAVAILABLE')).toBe(true);
  expect(after.every((a) => a.status === 200 || a.status === 201)).toBe(true);
  expect(web.alive() && worker.alive()).toBe(true);

  // Every order acknowledged with 201 is there, and the worker (same process) mails its line.
  const orders = await w.store.db
    .selectFrom('purchase_order')
    .select('web_order_id')
    .where('web_order_id', 'in', created)
    .execute();
  expect(orders).toHaveLength(created.length);
  await until(
    'the worker dispatched after the outage',
    async () => {
      const pending = await w.store.db
        .selectFrom('subscription_line')
        .select('subscription_id')
        .where('status', '=', 'booked')
        .execute();
      return pending.length === 0;
    },
    60_000,
  );
  const workerErrors = worker.logs.filter((l) => l['msg'] === 'worker pass failed; retrying').length;
  expect(workerErrors).toBeGreaterThan(0);
  expect(worker.alive()).toBe(true);
});
