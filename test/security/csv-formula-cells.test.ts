/**
 * CSV formula injection (issue 18, item 6): `onramp export subscriptions` writes a cell a
 * spreadsheet would run (`=`, `+`, `-`, `@`, tab, CR first) with a leading `'`, and an import
 * refuses such a cell, naming its row and field, and imports nothing of that order.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { exportSubscriptions } from '../../src/app/orders/export-subscriptions.js';
import { CSV_COLUMNS, importOrders } from '../../src/app/orders/import-orders.js';
import type { PlacedOrder } from '../../src/app/orders/place-order.js';
import { isFormulaCell, neutralizeCell } from '../../src/domain/spreadsheet-cell.js';
import { countRows } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3+cmd|x'];

it('neutralizes exactly the cells a spreadsheet runs', () => {
  for (const cell of [...HOSTILE, '\t=1', '\r=1']) expect(neutralizeCell(cell)).toBe(`'${cell}`);
  for (const cell of ['Initech', 'irene@initech.example', '2026-12-05', '-5', '+39', '3.5', 'a=b', ''])
    expect(isFormulaCell(cell), cell).toBe(false);
});

describeEachStore('CSV formula cells', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  it('the export prefixes formula cells with a quote and leaves the rest as it is', async () => {
    const placed: PlacedOrder[] = [];
    for (const [i, name] of HOSTILE.entries())
      placed.push(
        await w.order({
          endCustomerName: name,
          lines: [
            {
              offerCode: 'MEET-PRO',
              quantity: 1,
              provisioningContact: { name: `${HOSTILE[(i + 1) % HOSTILE.length]}`, email: `c${i}@x.example` },
            },
          ],
        }),
      );
    let text = '';
    for await (const chunk of exportSubscriptions(w.deps, { statuses: [], pendingOnly: false }))
      text += chunk;
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const ours = rows.filter((r) => placed.some((p) => p.subscriptionIds.includes(r.subscriptionId!)));
    expect(ours).toHaveLength(HOSTILE.length);
    for (const row of ours) {
      expect(HOSTILE.map((h) => `'${h}`)).toContain(row.endCustomerName);
      expect(HOSTILE.map((h) => `'${h}`)).toContain(row.contactName);
      expect(row.contactEmail).toMatch(/^c\d@x\.example$/);
    }
    // No cell of the whole file starts a formula.
    for (const row of rows)
      for (const cell of Object.values(row)) expect(isFormulaCell(cell), cell).toBe(false);
  });

  it('an import refuses a formula cell with its line and field, and imports nothing of that order', async () => {
    const row = (id: string, customer: string, contact: string) =>
      [id, customer, '2026-12-05', '', 'MEET-PRO', '1', contact, `${id.toLowerCase()}@x.example`, 'en']
        .map((c) => `"${c.replace(/"/g, '""')}"`)
        .join(',');
    const csv = [
      CSV_COLUMNS.join(','),
      row('CSV-OK', 'Initech', 'Irene Conti'),
      row('CSV-BAD', HOSTILE[0]!, 'Irene Conti'),
      row('CSV-BAD2', 'Globex', HOSTILE[2]!),
    ].join('\n');
    const before = await countRows(w.store.db, 'purchase_order');
    const report = await importOrders(w.deps, w.actors.alice, csv, { format: 'csv', partial: true });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 3, webOrderId: 'CSV-BAD', field: 'endCustomerName' }),
      expect.objectContaining({ line: 4, webOrderId: 'CSV-BAD2', field: 'contactName' }),
    ]);
    expect(report.errors[0]!.message).toMatch(/formula/);
    expect(report.imported).toEqual({ orders: 1, lines: 1 });
    expect(await countRows(w.store.db, 'purchase_order')).toBe(before + 1);
  });
});
