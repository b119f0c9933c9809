/**
 * Item 1: kill -9 mid-dispatch, again and again, while a burst drains. Three `onramp worker`
 * processes share the real PostgreSQL and send to a real SMTP socket; a hundred times, one that is
 * sending is killed with SIGKILL at a random moment and replaced. Afterwards every queued e-mail
 * arrived at least once; the only duplicates are messages that were leased (in flight) at a kill,
 * and a duplicate carries the same Message-ID.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWorld, type World } from '../support/world.js';
import { compileOnramp, removeCompiled } from './support/compile-onramp.js';
import { type CountingInbox, startCountingInbox } from './support/counting-inbox.js';
import { killAll, type OnrampProcess, spawnOnramp, until } from './support/onramp-process.js';
import { outboxState, queueBurst } from './support/queue-burst.js';

const KILLS = Number(process.env.RESILIENCE_KILLS ?? 100);
const WORKERS = 3;
const FIRST_BURST = 1500;
const TOP_UP = 750;

let w: World;
let inbox: CountingInbox;
let entry: string;
beforeAll(async () => {
  w = await createWorld('postgres');
  inbox = await startCountingInbox();
  entry = compileOnramp();
});
afterAll(async () => {
  await killAll();
  removeCompiled();
  await inbox?.close();
  await w?.close();
});

const workerEnv = () => ({
  DATABASE_URL: w.store.url!,
  DATABASE_POOL_SIZE: '4',
  SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
  SMTP_POOL_SIZE: '3',
  PUBLIC_URL: 'http://onramp.test',
  OUTBOX_BATCH_SIZE: '10',
  OUTBOX_INTERVAL_MS: '50',
  OUTBOX_LEASE_MS: '5000',
  WEBHOOKS_TIMEOUT_MS: '2000', // must stay below the lease (the config refuses otherwise)
  DUE_INTERVAL_MS: '3600000',
});

const sending = (p: OnrampProcess) => p.alive() && p.logs.some((l) => l['msg'] === 'outbox pass');

it(`${KILLS} kill -9 at random moments while a burst drains: nothing lost, duplicates only from kills`, async () => {
  let queued = await queueBurst(w, FIRST_BURST);
  let workers: OnrampProcess[] = [];
  const inFlightAtKills = new Set<string>();
  let kills = 0;
  let leasedAtKills = 0;
  const started = Date.now();

  while (kills < KILLS) {
    while (workers.length < WORKERS) workers.push(spawnOnramp('worker', workerEnv(), entry));
    const { pending } = await outboxState(w);
    if (pending < TOP_UP / 2) queued += await queueBurst(w, TOP_UP);

    const victim = await until(
      'a worker that is sending',
      () => {
        const dead = workers.find((p) => !p.alive() && p.stderr.length > 0);
        if (dead) throw new Error(`a worker died on its own: ${dead.stderr.join('')}`);
        return workers.find(sending);
      },
      120_000,
    );
    // A random moment of its sending: anywhere in the next few claim-and-send passes.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    const exit = await victim.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    kills++;
    // Whatever is leased now was claimed and not recorded: in flight at this kill (the dead
    // worker's, and possibly a live worker's too).
    const { leased } = await outboxState(w);
    leasedAtKills += leased.length;
    for (const key of leased) inFlightAtKills.add(key);
    workers = workers.filter((p) => p.alive());
  }
  const killPhaseSeconds = (Date.now() - started) / 1000;

  // The survivors drain the rest, including the rows dead workers held (after their lease).
  await until('the outbox drained', async () => (await outboxState(w)).pending === 0, 120_000);
  for (const p of workers) expect((await p.kill('SIGTERM')).code).toBe(0);

  const rows = await w.store.db
    .selectFrom('outbox')
    .select(['message_key', 'status', 'attempts'])
    .where('topic', '=', 'email')
    .execute();
  const expected = new Set(rows.map((r) => `<${r.message_key}@onramp.test>`));
  const counts = inbox.counts();
  const lost = [...expected].filter((id) => !counts.has(id));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  const stray = [...counts.keys()].filter((id) => !expected.has(id));
  const keyOf = (id: string) => id.slice(1, id.indexOf('@'));
  const duplicatedNotInFlight = duplicated.filter((id) => !inFlightAtKills.has(keyOf(id)));

  console.log(
    `[reliability] kill -9: ${kills} kills in ${killPhaseSeconds.toFixed(0)} s, ${queued} e-mails queued, ` +
      `${inbox.ids.length} deliveries, lost ${lost.length}, duplicated ${duplicated.length} ` +
      `(${inFlightAtKills.size} in flight at kills, ${duplicatedNotInFlight.length} duplicates not in flight)`,
  );
  expect(rows).toHaveLength(queued);
  expect(rows.every((r) => r.status === 'done')).toBe(true);
  expect(lost).toEqual([]);
  expect(stray).toEqual([]);
  expect(duplicatedNotInFlight).toEqual([]);
  // A duplicate is the same message again: its row was claimed more than once.
  const attempts = new Map(rows.map((r) => [r.message_key, r.attempts]));
  for (const id of duplicated) expect(attempts.get(keyOf(id))).toBeGreaterThan(1);
  expect(leasedAtKills).toBeGreaterThan(0);
  const { rows: unsent } = await sql<{ n: number }>`
    select count(*)::int as n from provisioning_email where status <> 'sent'`.execute(w.store.db);
  expect(unsent[0]!.n).toBe(0);
}, 900_000);
