/**
 * Time travel with `onramp run-due --now <future instant>`: the lines move on the simulated
 * clock, but the e-mails they queue (first e-mails, reminders, closed-line notices) are due at
 * once on the real clock, so the worker delivers them now and not in weeks. The command runs
 * in-process on the demo world; the worker's outbox pass then delivers into a real SMTP sink.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { systemClock } from '../../src/app/deps.js';
import { loadConfig } from '../../src/config.js';
import { appDepsOf } from '../../src/main.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { dispatcher, type Inbox, startInbox } from '../jobs/mail-harness.js';
import { runOnramp } from '../support/run-onramp.js';
import { TEST_SECRET_KEY } from '../support/secret-keys.js';
import { describeEachStore, openTestStore } from '../support/test-store.js';

const DAY = 86_400_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Where the command line and this process meet: a data folder (PGlite) or a database URL. */
async function database(kind: 'pglite' | 'postgres') {
  if (kind === 'postgres') {
    const store = await openTestStore('postgres');
    return { env: { DATABASE_URL: store.url! }, open: async (): Promise<Store> => store, close: store.close };
  }
  const dir = mkdtempSync(join(tmpdir(), 'onramp-time-travel-'));
  dirs.push(dir);
  const env = { DATABASE_URL: '', DATA_DIR: join(dir, 'data') };
  let opened: Store | null = null;
  return {
    env,
    // Only once the commands are done: they hold the data folder while they run.
    open: async () => (opened = await openStore({ dataDir: env.DATA_DIR })),
    close: async () => opened?.close(),
  };
}

describeEachStore('run-due --now in the future', (kind) => {
  let inbox: Inbox | undefined;
  afterAll(() => inbox?.close());

  it(
    'queues e-mails due now on the real clock, and the worker delivers them',
    { timeout: 180_000 },
    async () => {
      const db = await database(kind);
      try {
        const env = { ...db.env, DEMO_DATA: '', PUBLIC_URL: 'https://onramp.example.org' };
        const seed = await runOnramp(['seed-demo', '--demo-data-in-production'], env);
        expect(seed.code).toBe(0);

        const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
        const travel = async (days: number) => {
          const run = await runOnramp(['run-due', '--now', at(days)], env);
          expect(run.code).toBe(0);
          return JSON.parse(run.stdout) as { dispatched: number; reminders: number; closed: number };
        };
        // A week on: WO-3001's RSD has come. Then a reminder for WO-2001, then every open line closes.
        expect((await travel(8)).dispatched).toBeGreaterThanOrEqual(1);
        expect((await travel(25)).reminders).toBeGreaterThanOrEqual(1);
        expect((await travel(60)).closed).toBeGreaterThanOrEqual(1);

        const store = await db.open();
        const queued = await store.db
          .selectFrom('outbox')
          .select(['available_at', 'created_at'])
          .where('topic', '=', 'email')
          .where('status', '=', 'pending')
          .execute();
        expect(queued.length).toBeGreaterThanOrEqual(3);
        // Not one of them waits for the simulated instant.
        for (const row of queued) {
          expect(row.available_at.getTime()).toBeLessThanOrEqual(Date.now());
          expect(row.created_at.getTime()).toBeLessThanOrEqual(Date.now());
        }

        inbox = await startInbox();
        const deps = appDepsOf(
          loadConfig({ OUTBOX_SECRET_KEY: TEST_SECRET_KEY, ...env }),
          store,
          systemClock,
        );
        const worker = dispatcher(deps, inbox.port);
        try {
          expect((await worker.drain()).sent).toBe(queued.length);
        } finally {
          worker.close();
        }
        const subjects = (address: string) => inbox!.to(address).map((m) => m.subject);
        // WO-3001's first e-mail, WO-2001's reminder, and the closed-line notices to the placers.
        expect(subjects('gavin@hooli.example').some((s) => s.includes('WO-3001'))).toBe(true);
        expect(inbox.to('ursula@umbrella.example').length).toBeGreaterThanOrEqual(1);
        expect(
          [...subjects('alice@acme.example'), ...subjects('bob@brightlink.example')].filter((s) =>
            s.includes('closed'),
          ).length,
        ).toBeGreaterThanOrEqual(1);
        const left = await store.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('topic', '=', 'email')
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow();
        expect(Number(left.n)).toBe(0);
      } finally {
        await db.close();
      }
    },
  );
});
