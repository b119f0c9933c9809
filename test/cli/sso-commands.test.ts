/**
 * `onramp sso set`, `show` and `verify-domain --confirm` as an operator runs them (the real
 * command line, in-process) on a fresh embedded data folder: the secret comes from a file and is
 * stored sealed, the domain waits for verification, and everything is audited as the console.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '../../src/store/open-store.js';
import { runOnramp, withStoreAt } from '../support/run-onramp.js';

let root: string;
let DATA_DIR: string;
const onramp = (args: string[]) => runOnramp(args, { DATA_DIR });

const withStore = <T>(fn: (store: Store) => Promise<T>) => withStoreAt(DATA_DIR, fn);

describe('onramp sso (embedded PGlite)', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'onramp-sso-'));
    DATA_DIR = join(root, 'data');
    expect((await onramp(['migrate'])).code).toBe(0);
    await withStore((store) =>
      store.db
        .insertInto('organization')
        .values({ id: 'org_cli', kind: 'partner', name: 'Console Partners', created_at: new Date() })
        .execute(),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('connects an organization with the secret from a file, sealed at rest, and verifies its domain', async () => {
    const secretFile = join(root, 'client-secret');
    writeFileSync(secretFile, 'the-provider-client-secret\n');
    const set = await onramp([
      'sso',
      'set',
      '--org',
      'org_cli',
      '--name',
      'Okta',
      '--issuer',
      'https://console.okta.example',
      '--client-id',
      '0oa1b2c3',
      '--client-secret-file',
      secretFile,
      '--domain',
      'Console.Example',
      '--enforce',
    ]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const shown = JSON.parse(set.stdout) as {
      connection: Record<string, unknown>;
      domains: { domain: string; verifiedAt: string | null; txtRecord: { name: string; value: string } }[];
      redirectUri: string;
    };
    expect(shown.connection).toMatchObject({
      displayName: 'Okta',
      clientId: '0oa1b2c3',
      enforced: true,
      defaultRole: 'partner_user',
    });
    expect(set.stdout).not.toContain('the-provider-client-secret');
    expect(shown.redirectUri).toMatch(/\/sign-in\/sso\/callback$/);
    expect(shown.domains).toEqual([
      expect.objectContaining({
        domain: 'console.example',
        verifiedAt: null,
        txtRecord: {
          name: '_onramp-verification.console.example',
          value: expect.stringMatching(/^onramp-verification=/),
        },
      }),
    ]);

    const verified = await onramp([
      'sso',
      'verify-domain',
      '--org',
      'org_cli',
      '--domain',
      'console.example',
      '--confirm',
    ]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ domain: 'console.example', verifiedBy: 'operator' });

    await withStore(async (store) => {
      const row = await store.db
        .selectFrom('sso_connection')
        .select('client_secret_sealed')
        .executeTakeFirstOrThrow();
      expect(row.client_secret_sealed).toMatch(/^sealed:v1:/);
      const audit = await store.db
        .selectFrom('audit_event')
        .select(['action', 'actor_label'])
        .where('organization_id', '=', 'org_cli')
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'sso.connection_set', actor_label: 'Onramp CLI' },
        { action: 'sso.domain_added', actor_label: 'Onramp CLI' },
        { action: 'sso.domain_verified', actor_label: 'Onramp CLI' },
      ]);
    });
  });

  it('refuses a plain-http issuer off this machine, and an unknown organization', async () => {
    const http = await onramp([
      'sso',
      'set',
      '--org',
      'org_cli',
      '--name',
      'X',
      '--issuer',
      'http://idp.example',
      '--client-id',
      'c',
    ]);
    expect(http.code).not.toBe(0);
    expect(http.stderr).toContain('https');
    const missing = await onramp(['sso', 'show', '--org', 'org_missing']);
    expect(missing.code).not.toBe(0);
  });

  it('disconnects an organization: its connection and domains go, audited', async () => {
    const removed = await onramp(['sso', 'remove', '--org', 'org_cli']);
    expect(removed.code).toBe(0);
    await withStore(async (store) => {
      expect(await store.db.selectFrom('sso_connection').selectAll().execute()).toEqual([]);
      expect(await store.db.selectFrom('sso_domain').selectAll().execute()).toEqual([]);
      const last = await store.db
        .selectFrom('audit_event')
        .select(['action', 'data'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        action: 'sso.connection_removed',
        data: { domains: ['console.example'] },
      });
    });
    expect((await onramp(['sso', 'remove', '--org', 'org_cli'])).code).not.toBe(0);
  });
});
