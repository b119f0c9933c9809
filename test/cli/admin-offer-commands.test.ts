/**
 * `onramp admin offers list|add|set|retire|reinstate` as an operator runs them on a fresh embedded
 * data folder: POLICY_* seed the catalogue on the first open only, each command prints JSON and is
 * audited as "Onramp CLI", bad input exits 4 and an unknown or duplicate code 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { openStore } from '../../src/store/open-store.js';
import { runOnramp } from '../support/run-onramp.js';

const dir = mkdtempSync(join(tmpdir(), 'onramp-offers-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA_DIR = join(dir, 'data');

const onramp = (args: string[], env: Record<string, string> = {}) =>
  runOnramp(['admin', 'offers', ...args], { DATA_DIR, ...env });

interface Offer {
  code: string;
  name: string;
  policyDays: number;
  active: boolean;
}

const json = <T>(stdout: string) => JSON.parse(stdout.trim()) as T;

describe('onramp admin offers (embedded PGlite)', () => {
  it('seeds once, lists, adds, changes, retires and reinstates, audited', { timeout: 300_000 }, async () => {
    const first = await onramp(['list'], {
      POLICY_CLOSE_AFTER_DAYS: 'MEET-PRO=9',
      POLICY_DEFAULT_DAYS: '21',
    });
    expect(first.code).toBe(0);
    const seeded = json<Offer[]>(first.stdout);
    expect(seeded).toContainEqual({ code: 'MEET-PRO', name: 'Meetings Pro', policyDays: 9, active: true });
    expect(seeded).toContainEqual({ code: 'A-FLEX', name: 'Active Flex', policyDays: 7, active: true });
    expect(seeded).toContainEqual({
      code: 'CALL-STD',
      name: 'Calling Standard',
      policyDays: 21,
      active: true,
    });

    // Another environment later changes nothing: the catalogue is the database's now.
    expect(json<Offer[]>((await onramp(['list'], { POLICY_DEFAULT_DAYS: '40' })).stdout)).toEqual(seeded);

    const added = await onramp(['add', '--code', 'VOICE-X', '--name', 'Voice X', '--policy-days', '14']);
    expect(added.code).toBe(0);
    expect(json<Offer>(added.stdout)).toEqual({
      code: 'VOICE-X',
      name: 'Voice X',
      policyDays: 14,
      active: true,
    });

    const bad = await onramp(['add', '--code', 'voice y', '--name', 'Voice Y', '--policy-days', 'ten']);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('INVALID_INPUT');
    expect(bad.stderr).toContain('--code: must be 2 to 32 capital letters');
    expect(bad.stderr).toContain('--policy-days: must be a whole number of days');

    const duplicate = await onramp(['add', '--code', 'VOICE-X', '--name', 'Again', '--policy-days', '3']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('ALREADY_EXISTS');

    const set = await onramp([
      'set',
      '--code',
      'MEET-PRO',
      '--policy-days',
      '12',
      '--name',
      'Meetings Pro Plus',
    ]);
    expect(set.code).toBe(0);
    expect(json<Offer>(set.stdout)).toEqual({
      code: 'MEET-PRO',
      name: 'Meetings Pro Plus',
      policyDays: 12,
      active: true,
    });

    const retired = await onramp(['retire', '--code', 'CALL-STD']);
    expect(retired.code).toBe(0);
    expect(json<Offer>(retired.stdout)).toMatchObject({ code: 'CALL-STD', active: false });
    const reinstated = await onramp(['reinstate', '--code', 'CALL-STD']);
    expect(json<Offer>(reinstated.stdout)).toMatchObject({ code: 'CALL-STD', active: true, policyDays: 21 });

    const unknown = await onramp(['retire', '--code', 'NOPE-1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NOT_FOUND');

    const store = await openStore({ dataDir: DATA_DIR });
    try {
      const events = await store.db
        .selectFrom('audit_event')
        .select(['action', 'actor_user_id', 'actor_label', 'data'])
        .where('action', 'like', 'offer.%')
        .orderBy('id')
        .execute();
      expect(events.map((e) => [e.action, e.actor_label])).toEqual([
        ['offer.seeded', 'Onramp'],
        ['offer.added', 'Onramp CLI'],
        ['offer.changed', 'Onramp CLI'],
        ['offer.retired', 'Onramp CLI'],
        ['offer.reinstated', 'Onramp CLI'],
      ]);
      expect(events.every((e) => e.actor_user_id === null)).toBe(true);
      expect(events[2]!.data).toEqual({
        code: 'MEET-PRO',
        before: { name: 'Meetings Pro', policyDays: 9 },
        after: { name: 'Meetings Pro Plus', policyDays: 12 },
      });
    } finally {
      await store.close();
    }
  });
});
