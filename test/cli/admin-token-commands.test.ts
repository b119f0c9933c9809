/**
 * `onramp admin create-token` and `revoke-token` as an operator runs them (the real command line,
 * in-process) on a fresh embedded data folder. The printed token is then used against the real API over the same
 * folder (once the command has released it), and the rows and audit trail are checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashToken, randomIds, systemClock } from '../../src/app/deps.js';
import { buildPolicy } from '../../src/domain/policy.js';
import { createApi } from '../../src/http/create-api.js';
import type { Store } from '../../src/store/open-store.js';
import { countRows } from '../support/queries.js';
import { runOnramp, withStoreAt } from '../support/run-onramp.js';

const DAY = 86_400_000;
let root: string;
let DATA_DIR: string;

const onramp = (args: string[]) => runOnramp(args, { DATA_DIR });

const withStore = <T>(fn: (store: Store) => Promise<T>) => withStoreAt(DATA_DIR, fn);

/** One API request with a bearer token, over the data folder. */
function apiCall(token: string, method: string, path: string, body?: unknown) {
  return withStore(async (store) => {
    const api = createApi(
      {
        db: store.db,
        clock: systemClock,
        ids: randomIds,
        settings: {
          policy: buildPolicy(),
          publicUrl: 'http://onramp.test',
          adminPortalUrl: 'http://onramp.test/admin',
          setupLinkTtlDays: 90,
          mailFrom: 'Onramp <provisioning@onramp.test>',
          brandName: 'Onramp',
        },
        store,
        maxBodyBytes: 100_000,
      },
      { logError: () => {} },
    );
    const res = await api.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; reason?: string } } };
  });
}

describe('onramp admin create-token / revoke-token (embedded PGlite)', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'onramp-tokens-'));
    DATA_DIR = join(root, 'data');
    expect((await onramp(['migrate'])).code).toBe(0);
    await withStore(async (store) => {
      const now = new Date();
      await store.db
        .insertInto('organization')
        .values({ id: 'org_cli', kind: 'partner', name: 'Console Partners', created_at: now })
        .execute();
      await store.db
        .insertInto('app_user')
        .values([
          {
            id: 'usr_cli',
            organization_id: 'org_cli',
            role: 'partner_user',
            name: 'Ivo Integrations',
            email: 'ivo@console.example',
            language: 'en',
            created_at: now,
          },
          {
            id: 'usr_gone',
            organization_id: 'org_cli',
            role: 'partner_user',
            name: 'Gina Gone',
            email: 'gina@console.example',
            language: 'en',
            created_at: now,
            deactivated_at: now,
          },
        ])
        .execute();
    });
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'creates a read-only token that works against the API, audited as the CLI',
    { timeout: 240_000 },
    async () => {
      const before = Date.now();
      const out = await onramp([
        'admin',
        'create-token',
        '--email',
        'IVO@console.example',
        '--name',
        'ERP bridge',
        '--expires-days',
        '30',
        '--read-only',
      ]);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      const printed = JSON.parse(out.stdout) as { tokenId: string; token: string; expiresAt: string };
      expect(Object.keys(printed).sort()).toEqual(['expiresAt', 'token', 'tokenId']);
      expect(printed.token).toMatch(/^onr_[A-Za-z0-9_-]{43}$/);
      const expires = new Date(printed.expiresAt).getTime();
      expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY);
      expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY);

      expect((await apiCall(printed.token, 'GET', '/api/v1/orders')).status).toBe(200);
      const write = await apiCall(printed.token, 'POST', '/api/v1/tokens', { name: 'x', expiresInDays: 7 });
      expect(write).toMatchObject({
        status: 403,
        body: { error: { code: 'NO_ACCESS', reason: 'read_only_token' } },
      });

      await withStore(async (store) => {
        const row = await store.db
          .selectFrom('api_token')
          .selectAll()
          .where('id', '=', printed.tokenId)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          user_id: 'usr_cli',
          label: 'ERP bridge',
          read_only: true,
          hint: printed.token.slice(-4),
        });
        expect(Buffer.from(row.token_hash)).toEqual(hashToken(printed.token));
        const audit = await store.db
          .selectFrom('audit_event')
          .selectAll()
          .where('action', '=', 'api_token.created')
          .executeTakeFirstOrThrow();
        expect(audit).toMatchObject({
          actor_user_id: null,
          actor_label: 'Onramp CLI',
          organization_id: 'org_cli',
        });
        expect(audit.data).toMatchObject({ tokenId: printed.tokenId, userId: 'usr_cli', readOnly: true });
        expect(JSON.stringify(audit.data)).not.toContain(printed.token.slice(4));
      });
    },
  );

  it('defaults to 90 days, read-write; revoke-token stops it at once', { timeout: 240_000 }, async () => {
    const before = Date.now();
    const out = await onramp([
      'admin',
      'create-token',
      '--email',
      'ivo@console.example',
      '--name',
      'Deploys',
    ]);
    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout) as { tokenId: string; token: string; expiresAt: string };
    expect(new Date(printed.expiresAt).getTime()).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(new Date(printed.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 90 * DAY);
    const listed = await apiCall(printed.token, 'GET', '/api/v1/tokens');
    expect(listed.status).toBe(200);

    const revoked = await onramp(['admin', 'revoke-token', '--id', printed.tokenId]);
    expect(revoked.code).toBe(0);
    const body = JSON.parse(revoked.stdout) as { tokenId: string; revokedAt: string };
    expect(body.tokenId).toBe(printed.tokenId);
    expect(Object.keys(body).sort()).toEqual(['revokedAt', 'tokenId']);
    expect((await apiCall(printed.token, 'GET', '/api/v1/orders')).status).toBe(401);
    await withStore(async (store) => {
      const audit = await store.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'api_token.revoked')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_user_id: null,
        actor_label: 'Onramp CLI',
        organization_id: 'org_cli',
      });
      expect(audit.data).toMatchObject({ tokenId: printed.tokenId, name: 'Deploys' });
    });
  });

  it(
    'an unknown e-mail or token id exits 1 with a message; bad arguments exit 2',
    { timeout: 300_000 },
    async () => {
      const count = () => withStore((store) => countRows(store.db, 'api_token'));
      const before = await count();
      const unknownUser = await onramp([
        'admin',
        'create-token',
        '--email',
        'nobody@console.example',
        '--name',
        'x',
      ]);
      expect(unknownUser.code).toBe(1);
      expect(unknownUser.stderr).toContain('No user with e-mail nobody@console.example');
      const unknownToken = await onramp(['admin', 'revoke-token', '--id', 'tok_nosuchtoken']);
      expect(unknownToken.code).toBe(1);
      expect(unknownToken.stderr).toContain('No API token with id tok_nosuchtoken');

      const deactivated = await onramp([
        'admin',
        'create-token',
        '--email',
        'gina@console.example',
        '--name',
        'x',
      ]);
      expect(deactivated.code).not.toBe(0);
      expect(deactivated.stderr).toContain('deactivated');

      for (const args of [
        ['--email', 'ivo@console.example', '--name', 'x', '--expires-days', '366'],
        ['--email', 'ivo@console.example', '--name', 'x', '--expires-days', 'soon'],
        ['--email', 'ivo@console.example', '--name', 'x', '--expires-days', '0'],
        ['--email', 'ivo@console.example', '--name', '  '],
        ['--email', 'ivo@console.example'],
      ]) {
        const bad = await onramp(['admin', 'create-token', ...args]);
        expect(bad.code, args.join(' ')).toBe(2);
        expect(bad.stderr).not.toBe('');
      }
      expect(await count()).toBe(before);
    },
  );
});
