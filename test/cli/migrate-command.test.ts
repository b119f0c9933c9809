/**
 * `onramp migrate` tells the operator what it did: each migration it applied on an empty
 * PostgreSQL database, then nothing the second time, with the count and the latest name.
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { listMigrations } from '../../src/store/migrate.js';
import { runOnramp } from '../support/run-onramp.js';

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

const name = `onramp_m_${randomBytes(6).toString('hex')}`;

describe.runIf(inject('pgTemplate'))('onramp migrate [postgres]', () => {
  afterAll(() => adminQuery(`drop database if exists ${name} with (force)`));

  it('prints every migration it applies, then that the database is up to date', async () => {
    await adminQuery(`create database ${name} template template0`);
    const DATABASE_URL = inject('pgAdminUrl').replace(/\/[^/]*$/, `/${name}`);
    const all = listMigrations().map((m) => `${String(m.version).padStart(3, '0')}-${m.name}`);

    const first = await runOnramp(['migrate'], { DATABASE_URL });
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(all.map((m) => `applied ${m}`));
    expect(lines.at(-1)).toBe(`database is up to date: ${all.length} migrations, latest ${all.at(-1)}`);

    const again = await runOnramp(['migrate'], { DATABASE_URL });
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(
      `database is up to date: ${all.length} migrations, latest ${all.at(-1)}`,
    );
  });
});
