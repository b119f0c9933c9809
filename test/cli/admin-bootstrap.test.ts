/**
 * `onramp admin bootstrap` and the demo-data guard as an operator runs them (the real command
 * line, in-process; two real processes for the race), on a fresh embedded data folder and on a
 * fresh PostgreSQL database. The printed link then sets the
 * operator's password through the real page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';

import { systemClock } from '../../src/app/deps.js';
import { verifyPassword } from '../../src/app/identity/hash-password.js';
import { loadConfig } from '../../src/config.js';
import { appDepsOf, createLogger, startOnramp } from '../../src/main.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { createWeb } from '../../src/web/create-web.js';
import { openedEmailInput } from '../support/queries.js';
import { runOnramp, spawnOnramp } from '../support/run-onramp.js';
import { TEST_SECRET_KEY, useTestKeyRing } from '../support/secret-keys.js';
import { openTestStore, storeKinds, type TestStore } from '../support/test-store.js';

const PUBLIC_URL = 'https://onramp.example.org';
const PASSWORD = 'the operator chose this phrase';
const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'onramp-bootstrap-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
// The commands seal the e-mail's link with the tests' key; this process opens it with the same.
useTestKeyRing();

const ENV = { LOG_LEVEL: 'warn', PUBLIC_URL, DEMO_DATA: '', DATABASE_URL: '' };

const onramp = (args: string[], env: Record<string, string>) => runOnramp(args, { ...ENV, ...env });

const onrampProcess = (args: string[], env: Record<string, string>) =>
  spawnOnramp(args, { ...process.env, ...ENV, ...env });

interface Printed {
  userId: string;
  email: string;
  setPasswordUrl: string;
}

/** What bootstrap wrote: the operator in the platform organization, the e-mail queued, the audit row. */
async function expectBootstrapped(store: Store, printed: Printed) {
  const user = await store.db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.role', 'u.email', 'u.password_hash', 'o.kind', 'o.name', 'o.id as orgId'])
    .where('u.id', '=', printed.userId)
    .executeTakeFirstOrThrow();
  expect(user).toMatchObject({
    role: 'operator',
    kind: 'operator',
    name: 'Onramp operators',
    password_hash: null,
  });
  const mails = await store.db.selectFrom('outbox').select('payload').where('topic', '=', 'email').execute();
  const inputs = mails.map((m) => openedEmailInput<Record<string, unknown>>(m.payload));
  expect(inputs).toEqual([
    expect.objectContaining({
      template: 'password-link',
      purpose: 'bootstrap',
      to: expect.objectContaining({ email: printed.email }) as unknown,
      secrets: { setPasswordUrl: printed.setPasswordUrl },
    }),
  ]);
  const audit = await store.db
    .selectFrom('audit_event')
    .select(['action', 'organization_id'])
    .where('action', '=', 'operator.bootstrapped')
    .execute();
  expect(audit).toEqual([{ action: 'operator.bootstrapped', organization_id: user.orgId }]);
  const link = await store.db.selectFrom('password_token').selectAll().executeTakeFirstOrThrow();
  expect(link.purpose).toBe('bootstrap');
  expect(link.expires_at.getTime() - link.created_at.getTime()).toBe(7 * 86_400_000);
}

/** Opens the printed link on the real pages, chooses a password, and lands on /operator. */
async function setPasswordThroughPage(store: Store, printed: Printed) {
  const cfg = loadConfig({ PUBLIC_URL });
  const app = new Hono();
  app.route(
    '/',
    createWeb(
      { ...appDepsOf(cfg, store, systemClock), secureCookies: false },
      { demoMode: false, https: false },
    ),
  );
  const path = new URL(printed.setPasswordUrl).pathname;
  const page = await app.request(path);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Choose the password of the first operator account of Onramp.');
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const post = () =>
    app.request(path, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ _csrf: csrf, password: PASSWORD, repeat: PASSWORD }).toString(),
    });
  const done = await post();
  expect(done.status).toBe(303);
  expect(done.headers.get('location')).toBe('/operator');
  expect((await post()).status).toBe(410);
  const user = await store.db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', printed.userId)
    .executeTakeFirstOrThrow();
  expect(await verifyPassword(PASSWORD, user.password_hash!)).toBe(true);
}

describe('onramp admin bootstrap (embedded PGlite)', () => {
  it(
    'prints the first operator and its link, refuses a second, and the link sets the password',
    { timeout: 240_000 },
    async () => {
      const DATA_DIR = join(freshDir(), 'data');
      const bad = await onramp(['admin', 'bootstrap', '--email', 'not-an-address'], { DATA_DIR });
      expect(bad.code).toBe(4);
      expect(bad.stderr).toContain('INVALID_INPUT');
      expect(bad.stderr).toContain('email');

      const first = await onramp(['admin', 'bootstrap', '--email', 'ops@example.org', '--name', 'Ops One'], {
        DATA_DIR,
      });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const printed = JSON.parse(first.stdout.trim()) as Printed;
      expect(Object.keys(printed).sort()).toEqual(['email', 'setPasswordUrl', 'userId']);
      expect(printed.email).toBe('ops@example.org');
      expect(printed.setPasswordUrl).toMatch(new RegExp(`^${PUBLIC_URL}/set-password/[A-Za-z0-9_-]{43}$`));

      const second = await onramp(['admin', 'bootstrap', '--email', 'other@example.org'], { DATA_DIR });
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr).toContain('an operator account already exists');

      const store = await openStore({ dataDir: DATA_DIR });
      try {
        await expectBootstrapped(store, printed);
        await setPasswordThroughPage(store, printed);
      } finally {
        await store.close();
      }
    },
  );
});

describe.runIf(storeKinds().includes('postgres'))('onramp on a real PostgreSQL (DATABASE_URL)', () => {
  const stores: TestStore[] = [];
  const fresh = async () => {
    const s = await openTestStore('postgres');
    stores.push(s);
    return s;
  };
  afterAll(() => Promise.all(stores.map((s) => s.close())));

  it(
    'two concurrent bootstraps make one operator; the link sets the password',
    { timeout: 240_000 },
    async () => {
      const store = await fresh();
      const runs = await Promise.all(
        ['one@example.org', 'two@example.org'].map((email) =>
          onrampProcess(['admin', 'bootstrap', '--email', email], { DATABASE_URL: store.url! }),
        ),
      );
      expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
      const winner = runs.find((r) => r.code === 0)!;
      expect(runs.find((r) => r.code === 1)!.stderr).toContain('an operator account already exists');
      const printed = JSON.parse(winner.stdout.trim()) as Printed;
      expect(printed.setPasswordUrl.startsWith(`${PUBLIC_URL}/set-password/`)).toBe(true);
      const operators = await store.db
        .selectFrom('app_user')
        .select('id')
        .where('role', '=', 'operator')
        .execute();
      expect(operators).toEqual([{ id: printed.userId }]);
      await expectBootstrapped(store, printed);
      await setPasswordThroughPage(store, printed);
    },
  );

  it(
    'seed-demo refuses a DATABASE_URL (exit 2) unless told --demo-data-in-production',
    { timeout: 240_000 },
    async () => {
      const store = await fresh();
      const refused = await onramp(['seed-demo'], { DATABASE_URL: store.url! });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--demo-data-in-production');
      expect(await store.db.selectFrom('app_user').select('id').execute()).toEqual([]);

      const seeded = await onramp(['seed-demo', '--demo-data-in-production'], { DATABASE_URL: store.url! });
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toContain('demo_olga_operator');
      const olga = await store.db
        .selectFrom('app_user')
        .select(['role', 'organization_id'])
        .where('email', '=', 'olga@onramp.example')
        .executeTakeFirstOrThrow();
      expect(olga).toEqual({ role: 'operator', organization_id: 'org_onramp' });
    },
  );

  it('the server seeds demo users and tokens only when DEMO_DATA is on', { timeout: 120_000 }, async () => {
    const store = await fresh();
    const start = async (env: Record<string, string>) => {
      const cfg = loadConfig({ DATABASE_URL: store.url!, OUTBOX_SECRET_KEY: TEST_SECRET_KEY, ...env });
      const running = await startOnramp(cfg, {
        web: false,
        worker: false,
        log: createLogger({ logLevel: 'silent' }),
      });
      await running.stop();
    };
    await start({});
    expect(await store.db.selectFrom('app_user').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('api_token').select('id').execute()).toEqual([]);
    await start({ DEMO_DATA: 'true' });
    const tokens = await store.db.selectFrom('api_token').select('id').execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(
      await store.db.selectFrom('app_user').select('id').where('id', '=', 'usr_olga').execute(),
    ).toHaveLength(1);
  });
});
