/**
 * OUTBOX_SECRET_KEY (issue 18, item 5): production refuses to start without it, naming it (exit
 * 2, like every configuration error); embedded mode makes a key in its data folder once, owner-only,
 * and keeps using it, so `npm start` needs no configuration and a restart opens what it sealed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { type ConfigError, loadConfig } from '../../src/config.js';
import { createLogger, openDatabase } from '../../src/main.js';
import { SECRET_KEY_FILE } from '../../src/store/data-dir-secret-key.js';
import { keyRing, seal, unseal } from '../../src/store/secret-box.js';
import { runOnramp } from '../support/run-onramp.js';
import { useTestKeyRing } from '../support/secret-keys.js';

const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  useTestKeyRing();
});

const variablesOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).issues.map((i) => i.variable);
  }
};

it('production without a key, or with a malformed one, is a configuration error naming the variable', async () => {
  const DATABASE_URL = 'postgres://nobody@127.0.0.1:1/never';
  expect(variablesOf({ DATABASE_URL })).toEqual(['OUTBOX_SECRET_KEY']);
  expect(variablesOf({ DATABASE_URL, OUTBOX_SECRET_KEY: 'too-short' })).toEqual(['OUTBOX_SECRET_KEY']);
  expect(
    variablesOf({
      DATABASE_URL,
      OUTBOX_SECRET_KEY: 'a'.repeat(64),
      OUTBOX_SECRET_KEYS_OLD: 'b'.repeat(64) + ',x',
    }),
  ).toEqual(['OUTBOX_SECRET_KEYS_OLD']);
  expect(variablesOf({ DATABASE_URL, OUTBOX_SECRET_KEY: 'a'.repeat(64) })).toEqual([]);
  expect(variablesOf({})).toEqual([]);

  const refused = await runOnramp(['start'], { DATABASE_URL, OUTBOX_SECRET_KEY: '' });
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/Configuration error: OUTBOX_SECRET_KEY: required with DATABASE_URL/);
});

it('embedded mode makes its key once, owner-only, and opens after a restart what it sealed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-secret-key-'));
  dirs.push(dir);
  const config = loadConfig({ DATA_DIR: join(dir, 'data'), DEMO_DATA: 'false' });
  const log = createLogger({ logLevel: 'silent' });
  const open = async () => {
    const db = await openDatabase(config, log);
    await db.store.close();
    db.release();
  };
  await open();
  const file = join(dir, 'data', SECRET_KEY_FILE);
  const key = readFileSync(file, 'utf8');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const sealed = seal('http://onramp.test/setup/tok', 'outbox');
  const firstId = keyRing().current.id;

  await open();
  expect(readFileSync(file, 'utf8')).toBe(key);
  expect(keyRing().current.id).toBe(firstId);
  expect(unseal(sealed, 'outbox')).toBe('http://onramp.test/setup/tok');
});
