/**
 * The start's own database work (migrations, then seeding the offer catalogue's periods into every
 * older line) is not bound by the statement timeout that bounds requests: on a large database the
 * seed is one long statement, and a start that times out on it never starts at all. Here the seed
 * is made to wait on a lock held by another session for longer than the statement timeout, then
 * let go; the start must finish and seed. No time is asserted: the lock is released once
 * PostgreSQL itself shows the seed waiting past the timeout.
 */
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { expect, inject, it } from 'vitest';

import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/main.js';
import { TEST_SECRET_KEY } from '../support/secret-keys.js';
import { openTestStore } from '../support/test-store.js';

const STATEMENT_TIMEOUT_MS = 100;

it.runIf(inject('pgTemplate'))(
  'a first start whose seed outlasts DATABASE_STATEMENT_TIMEOUT_MS still seeds and starts',
  async () => {
    const store = await openTestStore('postgres');
    const locker = new pg.Client({ connectionString: store.url! });
    await locker.connect();
    try {
      // A database from before the catalogue had periods: the offer and its line have none yet.
      await store.db.updateTable('offer').set({ policy_days: null }).where('code', '=', 'MEET-PRO').execute();
      await locker.query('begin');
      await locker.query('lock table offer in access exclusive mode');

      const config = loadConfig({
        DATABASE_URL: store.url!,
        OUTBOX_SECRET_KEY: TEST_SECRET_KEY,
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DATABASE_QUERY_TIMEOUT_MS: String(2 * STATEMENT_TIMEOUT_MS),
      });
      let settled = false;
      const started = openDatabase(config, pino({ level: 'silent' })).then(
        (opened) => ((settled = true), { opened, error: null }),
        (error: unknown) => ((settled = true), { opened: null, error }),
      );
      // Wait (on PostgreSQL's clock) until the seed has been blocked for three statement timeouts.
      // Asked from another session: one inside a transaction sees a frozen pg_stat_activity.
      while (!settled) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'
            and clock_timestamp() - query_start > ${`${3 * STATEMENT_TIMEOUT_MS} milliseconds`}::interval`.execute(
          store.db,
        );
        if (rows[0]!.n > 0) break;
      }
      await locker.query('commit');

      const { opened, error } = await started;
      expect(error).toBeNull();
      try {
        const offer = await store.db
          .selectFrom('offer')
          .select('policy_days')
          .where('code', '=', 'MEET-PRO')
          .executeTakeFirstOrThrow();
        expect(offer.policy_days).toBe(30);
      } finally {
        await opened!.store.close();
        opened!.release();
      }
    } finally {
      await locker.end();
      await store.close();
    }
  },
  60_000,
);
