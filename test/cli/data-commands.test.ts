/** `onramp import orders`, `resend`, `export subscriptions` as an operator runs them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { CSV_COLUMNS } from '../../src/app/orders/import-orders.js';
import { runOnramp } from '../support/run-onramp.js';

const dir = mkdtempSync(join(tmpdir(), 'onramp-data-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA_DIR = join(dir, 'data');

const onramp = (...args: string[]) => runOnramp(args, { DATA_DIR });

const row = (webOrderId: string, email: string) =>
  [webOrderId, 'Wayne Enterprises', '2030-01-01', '', 'MEET-PRO', '3', 'Lucius Fox', email, 'en'].join(',');

describe('onramp import / resend / export (embedded PGlite)', () => {
  it(
    'imports all-or-nothing or --partial with exit code 4, then exports CSV',
    { timeout: 180_000 },
    async () => {
      expect((await onramp('seed-demo')).code).toBe(0);
      const file = join(dir, 'orders.csv');
      writeFileSync(
        file,
        [
          CSV_COLUMNS.join(','),
          row('CLI-1', 'lucius@wayne.example'),
          row('CLI-1', 'x@wayne.example'),
          row('CLI-2', 'not-an-email'),
        ].join('\n'),
      );

      const all = await onramp('import', 'orders', file, '--as', 'alice@acme.example');
      expect(all.code).toBe(4);
      expect(all.stderr).toContain('orders.csv:4: CLI-2: email:');
      expect(JSON.parse(all.stdout)).toMatchObject({
        orders: 2,
        lines: 3,
        imported: { orders: 0, lines: 0 },
      });

      const partial = await onramp('import', 'orders', file, '--as', 'alice@acme.example', '--partial');
      expect(partial.code).toBe(4);
      expect(JSON.parse(partial.stdout)).toMatchObject({ imported: { orders: 1, lines: 2 }, errors: 1 });

      const csv = await onramp('export', 'subscriptions', '--status', 'booked');
      expect(csv.code).toBe(0);
      const lines = csv.stdout.trim().split('\n');
      expect(lines[0]).toBe(
        'subscriptionId,webOrderId,endCustomerName,partnerId,offerCode,quantity,rsd,status,pendingProvisioning,contactName,contactEmail,contactLanguage',
      );
      const imported = lines.filter((l) => l.includes(',CLI-1,'));
      expect(imported).toHaveLength(2);
      expect(imported[0]).toContain(',2030-01-01,booked,false,Lucius Fox,lucius@wayne.example,en');

      // Before the RSD a resend is refused, with the reason, and exit code 1.
      const sub = imported[0]!.split(',')[0]!;
      const resend = await onramp('resend', sub, '--as', 'alice@acme.example');
      expect(resend.code).toBe(1);
      expect(resend.stderr).toContain('RSD_NOT_REACHED');
    },
  );

  it('answers bad usage with exit code 2', { timeout: 60_000 }, async () => {
    expect((await onramp('import', 'orders', 'x.csv')).code).toBe(2); // --as is required
    expect((await onramp('export', 'subscriptions', '--status', 'sleeping')).code).toBe(2);
  });
});
