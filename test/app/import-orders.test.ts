import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { CSV_COLUMNS, importOrders } from '../../src/app/orders/import-orders.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const ROWS = 10_000;
const LINES_PER_ORDER = 4;
/** File lines (header = line 1) of the three bad rows, and what is wrong with each. */
const BAD: Record<number, (cells: string[]) => void> = {
  1001: (c) => (c[7] = 'not-an-email'),
  5003: (c) => (c[5] = 'ten'),
  9998: (c) => (c[4] = 'NO-SUCH-OFFER'),
};

/** 10,000 rows: 2,500 orders of 4 lines, with three bad rows. */
function generatedCsv(prefix: string): string {
  const out = [CSV_COLUMNS.join(',')];
  for (let row = 0; row < ROWS; row++) {
    const order = Math.floor(row / LINES_PER_ORDER);
    const cells = [
      `${prefix}-${order}`,
      `"Customer ${order}, Srl"`,
      '2026-12-05',
      order % 2 ? 'org_dist' : '',
      'MEET-PRO',
      String(1 + (row % 7)),
      `Contact ${row}`,
      `contact${row}@customer${order}.example`,
      row % 3 ? 'en' : 'it',
    ];
    BAD[row + 2]?.(cells);
    out.push(cells.join(','));
  }
  return `${out.join('\n')}\n`;
}

describeEachStore('import orders from a file', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const count = async (table: 'purchase_order' | 'subscription_line') =>
    Number(
      (
        await w.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('all-or-nothing: imports nothing and names the three bad lines', { timeout: 120_000 }, async () => {
    const report = await importOrders(w.deps, w.actors.alice, generatedCsv('ALL'), {
      format: 'csv',
      partial: false,
    });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [1001, 'email'],
      [5003, 'quantity'],
      [9998, 'offerCode'],
    ]);
    expect(report).toMatchObject({ orders: 2500, lines: ROWS, imported: { orders: 0, lines: 0 } });
    expect(await count('purchase_order')).toBe(0);
    expect(await count('subscription_line')).toBe(0);
  });

  it('--partial: imports every order whose rows are all good', { timeout: 180_000 }, async () => {
    const progress: number[] = [];
    const report = await importOrders(w.deps, w.actors.alice, generatedCsv('PART'), {
      format: 'csv',
      partial: true,
      onProgress: (done) => progress.push(done),
    });
    expect(report.errors.map((e) => e.line)).toEqual([1001, 5003, 9998]);
    // Each bad row keeps its whole order (four lines) out.
    expect(report.imported).toEqual({ orders: 2497, lines: ROWS - 3 * LINES_PER_ORDER });
    expect(progress.at(-1)).toBe(2497);
    expect(await count('purchase_order')).toBe(2497);
    expect(await count('subscription_line')).toBe(ROWS - 12);
    const line = await w.store.db
      .selectFrom('subscription_line as l')
      .innerJoin('purchase_order as o', 'o.id', 'l.order_id')
      .select(['o.end_customer_name', 'o.distributor_id', 'l.contact_language', 'l.status', 'l.quantity'])
      .where('o.web_order_id', '=', 'PART-1')
      .orderBy('l.line_no')
      .executeTakeFirstOrThrow();
    expect(line).toEqual({
      end_customer_name: 'Customer 1, Srl',
      distributor_id: 'org_dist',
      contact_language: 'en',
      status: 'booked',
      quantity: 5,
    });

    // The same file again: every order is now taken.
    const again = await importOrders(w.deps, w.actors.alice, generatedCsv('PART'), {
      format: 'csv',
      partial: false,
    });
    expect(again.errors.filter((e) => e.message === 'already exists')).toHaveLength(2497);
  });

  it('--partial: an order refused at write time keeps only itself out of its chunk', async () => {
    // Taken by someone else between the check and the write: the database refuses it then.
    await sql`create function refuse_race() returns trigger language plpgsql as $$
      begin raise exception 'taken meanwhile' using errcode = '23505'; end $$`.execute(w.store.db);
    await sql`create trigger refuse_race before insert on purchase_order for each row
      when (new.web_order_id = 'RACE-150') execute function refuse_race()`.execute(w.store.db);
    try {
      const report = await importOrders(
        w.deps,
        w.actors.alice,
        generatedCsv('RACE').split('\n').slice(0, 1201).join('\n'),
        {
          format: 'csv',
          partial: true,
        },
      );
      expect(report.errors).toEqual([
        { line: 1001, webOrderId: 'RACE-249', field: 'email', message: 'must be a valid e-mail address' },
        { line: 0, webOrderId: 'RACE-150', field: 'webOrderId', message: 'already exists' },
      ]);
      expect(report.imported).toEqual({ orders: 298, lines: 298 * LINES_PER_ORDER });
      const placed = await w.store.db
        .selectFrom('purchase_order')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('web_order_id', 'like', 'RACE-%')
        .executeTakeFirstOrThrow();
      expect(Number(placed.n)).toBe(298);
    } finally {
      await sql`drop trigger refuse_race on purchase_order`.execute(w.store.db);
      await sql`drop function refuse_race`.execute(w.store.db);
    }
  });

  it('reads JSON orders shaped like the API body, and refuses a non-partner actor', async () => {
    const orders = [
      {
        webOrderId: 'JSON-1',
        endCustomerName: 'Initech',
        rsd: '2026-12-05',
        lines: [
          {
            offerCode: 'MEET-PRO',
            quantity: 2,
            provisioningContact: { name: 'Ira', email: 'ira@initech.example' },
          },
        ],
      },
      { webOrderId: 'JSON-2', endCustomerName: '', rsd: '2026-12-05', lines: [] },
    ];
    const report = await importOrders(w.deps, w.actors.alice, JSON.stringify(orders), {
      format: 'json',
      partial: true,
    });
    expect(report.imported).toEqual({ orders: 1, lines: 1 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'endCustomerName'],
      [2, 'lines'],
    ]);
    await expect(
      importOrders(w.deps, w.actors.sam, JSON.stringify(orders), { format: 'json', partial: true }),
    ).rejects.toMatchObject({ code: 'NO_ACCESS' });
  });
});
