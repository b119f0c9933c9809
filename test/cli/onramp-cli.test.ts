/**
 * The `onramp` command and `npm start` as an operator runs them on a fresh embedded data folder:
 * the command line in-process, then bin/onramp.js as a real process (the smoke test).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { lockDataDir } from '../../src/store/lock-data-dir.js';
import { BIN, runOnramp as onramp } from '../support/run-onramp.js';

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'onramp-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('onramp CLI (embedded PGlite)', () => {
  it('migrates, seeds the demo world, and moves time with run-due --now', { timeout: 180_000 }, async () => {
    const DATA_DIR = join(freshDir(), 'data');
    const migrate = await onramp(['migrate'], { DATA_DIR });
    expect(migrate).toMatchObject({ code: 0 });
    expect(migrate.stdout).toContain('database is up to date');

    const seed = await onramp(['seed-demo'], { DATA_DIR });
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('demo_alice_partner_user');

    // Far in the future: the booked demo order's RSD has come and every open line has closed.
    const due = await onramp(['run-due', '--now', '2030-01-01T00:00:00Z'], { DATA_DIR });
    expect(due.code).toBe(0);
    const summary = JSON.parse(due.stdout.trim()) as { now: string; dispatched: number; closed: number };
    expect(summary.now).toBe('2030-01-01T00:00:00.000Z');
    expect(summary.dispatched).toBeGreaterThanOrEqual(1);
    expect(summary.closed).toBeGreaterThanOrEqual(1);
    // Running the same instant again finds nothing left to do.
    expect(
      JSON.parse((await onramp(['run-due', '--now', '2030-01-01T00:00:00Z'], { DATA_DIR })).stdout),
    ).toMatchObject({ dispatched: 0, reminders: 0, closed: 0 });
  });

  it(
    'refuses a data folder held by a running server with exit code 3, and bad input with 2',
    { timeout: 120_000 },
    async () => {
      const DATA_DIR = freshDir();
      // The command runs in this process; the lock is per open file, so this hold counts too.
      const release = lockDataDir(DATA_DIR);
      const locked = await onramp(['migrate'], { DATA_DIR }).finally(release);
      expect(locked.code).toBe(3);
      expect(locked.stderr).toContain('held by a running Onramp server');

      const badTime = await onramp(['run-due', '--now', 'tomorrow'], { DATA_DIR: freshDir() });
      expect(badTime.code).toBe(2);
      expect(badTime.stderr).toContain('ISO-8601');

      const badEnv = await onramp(['migrate'], {
        DATA_DIR: freshDir(),
        POLICY_CLOSE_AFTER_DAYS: 'A-FLEX:seven',
      });
      expect(badEnv.code).toBe(2);
      expect(badEnv.stderr).toContain('POLICY_CLOSE_AFTER_DAYS');
    },
  );
});

describe('npm start on a fresh data folder', () => {
  it(
    'serves the API with demo data, and an order due today reaches the mailbox',
    { timeout: 120_000 },
    async () => {
      const DATA_DIR = join(freshDir(), 'data');
      const child = spawn(process.execPath, [BIN, 'start'], {
        env: {
          ...process.env,
          DATA_DIR,
          PORT: '0',
          MAIL_SINK_PORT: '0',
          LOG_LEVEL: 'info',
          DUE_INTERVAL_MS: '200',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let log = '';
          child.stdout.on('data', (chunk: Buffer) => {
            log += chunk.toString();
            const m = /"url":"(http:\/\/[^"]+)".*Onramp is listening/.exec(log);
            if (m) resolve(m[1]!);
          });
          child.on('exit', (code) => reject(new Error(`onramp exited with ${code}: ${log}`)));
        });
        const auth = { authorization: 'Bearer demo_alice_partner_user' };
        const orders = (await (await fetch(`${url}/api/v1/orders`, { headers: auth })).json()) as {
          items: { webOrderId: string }[];
        };
        expect(orders.items.map((o) => o.webOrderId)).toEqual(
          expect.arrayContaining(['WO-1001', 'WO-1002', 'WO-3001', 'WO-3002']),
        );

        const today = new Date().toISOString().slice(0, 10);
        const placed = await fetch(`${url}/api/v1/orders`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            webOrderId: 'WO-CLI-1',
            endCustomerName: 'Wayne Enterprises',
            rsd: today,
            lines: [
              {
                offerCode: 'MEET-PRO',
                quantity: 3,
                provisioningContact: { name: 'Lucius Fox', email: 'lucius@wayne.example', language: 'en' },
              },
            ],
          }),
        });
        expect(placed.status).toBe(201);

        // The worker runs on its own schedule: poll the mailbox until the e-mail shows (a busy
        // machine only makes it later; the test's timeout is the bound).
        let found: { subject: string; links: string[] } | undefined;
        while (!found) {
          const box = (await (await fetch(`${url}/dev/mailbox.json?to=lucius@wayne.example`)).json()) as {
            messages: { subject: string; links: string[] }[];
          };
          found = box.messages[0];
          if (!found) await new Promise((r) => setTimeout(r, 200));
        }
        expect(found?.subject).toBe('Provisioning information required for order WO-CLI-1');
        expect(
          found?.links.some(
            (l) => l.startsWith(`${url.replace('127.0.0.1', 'localhost')}/setup/`) || l.includes('/setup/'),
          ),
        ).toBe(true);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  );
});
