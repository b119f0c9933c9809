/**
 * A throwaway database for one measurement: in-memory PGlite, or a fresh PostgreSQL database
 * (`onramp_bench_<random>`) created from the admin URL and dropped at the end. Migrated and seeded
 * with one partner, one user and an API token, nothing else: the lines are bulk-loaded in SQL.
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { type AppDeps, hashToken, ManualClock, randomIds } from '../src/app/deps.js';
import { buildPolicy } from '../src/domain/policy.js';
import type { Actor } from '../src/domain/types.js';
import { migrate } from '../src/store/migrate.js';
import { openStore, type Store, type StoreKind } from '../src/store/open-store.js';

export const BENCH_NOW = new Date('2026-12-01T00:00:00Z');
export const BENCH_TOKEN = 'bench_partner_user_token';
export const BENCH_PUBLIC_URL = 'http://localhost:3000';
/** The one user of a bench database (BENCH_TOKEN is theirs), as a use case's actor. */
export const BENCH_ACTOR: Actor = {
  userId: 'usr_p',
  name: 'Paola Bench',
  email: 'p@acme.example',
  role: 'partner_user',
  organizationId: 'org_p',
  language: 'en',
};

export interface BenchStore {
  store: Store;
  /** Connection string for other processes (PostgreSQL only). */
  url: string | null;
  clock: ManualClock;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Onramp's dependencies on a bench store, the clock fixed at BENCH_NOW. */
export function benchDeps(store: Store): AppDeps {
  return {
    db: store.db,
    clock: new ManualClock(BENCH_NOW),
    ids: randomIds,
    settings: {
      policy: buildPolicy(),
      publicUrl: BENCH_PUBLIC_URL,
      adminPortalUrl: `${BENCH_PUBLIC_URL}/admin`,
      setupLinkTtlDays: 90,
      mailFrom: 'provisioning@onramp.localhost',
      brandName: 'Onramp',
    },
  };
}

async function admin(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function openBenchStore(
  kind: StoreKind,
  adminUrl: string,
  /** `dataDir`: a PGlite folder (default in memory), for a server started on it afterwards. */
  opts: { poolSize?: number; dataDir?: string } = {},
): Promise<BenchStore> {
  let url: string | null = null;
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    const name = `onramp_bench_${randomBytes(5).toString('hex')}`;
    await admin(adminUrl, `create database ${name}`);
    url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    dropDatabase = () => admin(adminUrl, `drop database if exists ${name} with (force)`);
  }
  const store = await openStore({
    databaseUrl: url ?? undefined,
    dataDir: opts.dataDir ?? ':memory:',
    poolSize: opts.poolSize ?? 10,
    // The bulk loads (a million lines for the sweep) are single statements of minutes; the
    // product's 15 s statement timeout is for requests, and no burst statement comes near it.
    timeouts: { statementMs: 0, queryMs: 0 },
  });
  await migrate(store.db);
  const deps = benchDeps(store);
  await store.db
    .insertInto('organization')
    .values({ id: 'org_p', kind: 'partner', name: 'Acme Reseller', created_at: BENCH_NOW })
    .execute();
  await store.db
    .insertInto('app_user')
    .values({
      id: BENCH_ACTOR.userId,
      organization_id: BENCH_ACTOR.organizationId,
      role: BENCH_ACTOR.role,
      name: BENCH_ACTOR.name,
      email: BENCH_ACTOR.email,
      language: BENCH_ACTOR.language,
      created_at: BENCH_NOW,
    })
    .execute();
  await store.db
    .insertInto('api_token')
    .values({
      id: 'tok_bench',
      token_hash: hashToken(BENCH_TOKEN),
      user_id: 'usr_p',
      label: 'bench',
      created_at: BENCH_NOW,
    })
    .execute();
  return {
    store,
    url,
    clock: deps.clock as ManualClock,
    deps,
    close: async () => {
      await store.close();
      await dropDatabase();
    },
  };
}
