/**
 * Item 2: the SMTP server goes away for a while (time compressed through the outbox settings:
 * backoff from 200 ms doubling to 3.2 s, where production waits 30 s to an hour). A real
 * `onramp worker` sends through a TCP proxy in front of a real SMTP socket; the proxy is cut
 * mid-burst and restored later. Nothing is lost, the retries back off (never more attempts than
 * the schedule allows in the time the outage lasted), and everything is delivered after.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWorld, type World } from '../support/world.js';
import { type CountingInbox, startCountingInbox } from './support/counting-inbox.js';
import { killAll, type OnrampProcess, spawnOnramp, until } from './support/onramp-process.js';
import { outboxState, queueBurst } from './support/queue-burst.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

const BASE_MS = 200;
const MAX_MS = 3200;
const BURST = 200;

let w: World;
let inbox: CountingInbox;
let proxy: TcpProxy;
let worker: OnrampProcess;

beforeAll(async () => {
  w = await createWorld('postgres');
  inbox = await startCountingInbox();
  proxy = await startTcpProxy(inbox.port);
  worker = spawnOnramp('worker', {
    DATABASE_URL: w.store.url!,
    DATABASE_POOL_SIZE: '4',
    PUBLIC_URL: 'http://onramp.test',
    SMTP_URL: `smtp://127.0.0.1:${proxy.port}`,
    OUTBOX_BATCH_SIZE: '20',
    OUTBOX_INTERVAL_MS: '50',
    OUTBOX_BACKOFF_BASE_MS: String(BASE_MS),
    OUTBOX_BACKOFF_MAX_MS: String(MAX_MS),
    OUTBOX_MAX_ATTEMPTS: '100',
    DUE_INTERVAL_MS: '3600000',
  });
});
afterAll(async () => {
  await killAll();
  await proxy?.close();
  await inbox?.close();
  await w?.close();
});

/** Most attempts a row can have made in `elapsedMs` under the backoff schedule (plus the first). */
function scheduleBound(elapsedMs: number): number {
  let attempts = 1;
  let waited = 0;
  for (;;) {
    const delay = Math.min(MAX_MS, BASE_MS * 2 ** (attempts - 1));
    if (waited + delay > elapsedMs) return attempts;
    waited += delay;
    attempts++;
  }
}

it('an SMTP outage mid-burst: retries back off, nothing is lost, all delivered after', async () => {
  const queued = await queueBurst(w, BURST);
  await until('the worker is sending', () => inbox.ids.length >= 20, 90_000);
  await proxy.cut();
  const cutAt = Date.now();
  const failedAttempts = async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from outbox where status = 'pending' and last_error is not null`.execute(
      w.store.db,
    );
    return rows[0]!.n;
  };
  // A message whose last bytes had passed the proxy before the cut still reaches the inbox just
  // after it (its sender never got the answer, so it will also be retried). With two outbox lanes
  // more are in flight at the cut, so "before" is counted once the worker has seen the outage.
  await until('the worker saw the outage', async () => (await failedAttempts()) > 0, 60_000);
  const deliveredBefore = inbox.ids.length;
  // Several rounds of backoff: some row has failed at least four times against the schedule.
  await until(
    'four failed attempts on a row',
    async () => {
      const { rows } = await sql<{ n: number }>`
        select max(attempts)::int as n from outbox where status = 'pending' and last_error is not null`.execute(
        w.store.db,
      );
      return (rows[0]?.n ?? 0) >= 4;
    },
    120_000,
  );
  const outage = await w.store.db
    .selectFrom('outbox')
    .select(['attempts', 'last_error'])
    .where('status', '=', 'pending')
    .execute();
  const outageMs = Date.now() - cutAt;
  const deliveredDuring = inbox.ids.length - deliveredBefore;
  await proxy.restore();
  await until('the outbox drained', async () => (await outboxState(w)).pending === 0, 120_000);
  expect((await worker.kill('SIGTERM')).code).toBe(0);

  const rows = await w.store.db.selectFrom('outbox').select(['message_key', 'status', 'attempts']).execute();
  const counts = inbox.counts();
  const lost = rows.filter((r) => !counts.has(`<${r.message_key}@onramp.test>`));
  const maxAttempts = Math.max(...outage.map((r) => r.attempts));
  const bound = scheduleBound(outageMs) + 1; // +1: a row claimed just before the cut
  console.log(
    `[reliability] SMTP outage: ${queued} e-mails, ${deliveredBefore} delivered before the cut, ` +
      `outage ${(outageMs / 1000).toFixed(1)} s with ${outage.length} waiting, at most ${maxAttempts} attempts on a row ` +
      `(the schedule allows ${bound}), lost ${lost.length}, ${rows.filter((r) => r.status === 'failed').length} failed, ` +
      `${inbox.ids.length} deliveries in all`,
  );
  expect(deliveredDuring).toBe(0);
  expect(outage.length).toBeGreaterThan(0);
  expect(outage.filter((r) => r.last_error !== null).length).toBeGreaterThan(0);
  expect(maxAttempts).toBeGreaterThanOrEqual(4);
  expect(maxAttempts).toBeLessThanOrEqual(bound);
  expect(lost).toEqual([]);
  expect(rows.every((r) => r.status === 'done')).toBe(true);
  expect(rows).toHaveLength(queued);
});
