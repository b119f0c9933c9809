/**
 * The new-order page places an order through the API's use case: a filled form (empty rows
 * ignored) redirects to the new order; bad input comes back (400) with each problem next to its
 * field, in the page's language, with what was typed kept and nothing written; only partner
 * users and admins get the page and its link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import { rowCounts } from '../http/api-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';

/** A valid order in form fields: rows 0 and 2 filled, the others empty. */
function form(webOrderId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    webOrderId,
    endCustomerName: 'Initech Srl',
    rsd: '2026-12-10',
    distributorId: 'org_dist',
    'lines.0.offerCode': 'MEET-PRO',
    'lines.0.quantity': '25',
    'lines.0.name': 'Nora Bianchi',
    'lines.0.email': 'nora@initech.example',
    'lines.0.language': 'it',
    'lines.1.language': 'en',
    'lines.2.offerCode': 'CALL-STD',
    'lines.2.quantity': '3',
    'lines.2.name': 'Ivo Conti',
    'lines.2.email': 'ivo@initech.example',
    'lines.2.language': 'en',
    ...overrides,
  };
}

describeEachStore('pages: the new-order form', (kind) => {
  let w: World;
  const clients = new Map<string, WebClient>();
  const as = async (who: 'alice' | 'paola' | 'dana' | 'sam'): Promise<WebClient> => {
    const existing = clients.get(who);
    if (existing) return existing;
    const client = new WebClient(
      createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }),
    );
    expect((await client.signIn(w.actors[who].email, PASSWORD)).status).toBe(303);
    clients.set(who, client);
    return client;
  };
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
  });
  afterAll(() => w.close());

  it('places the order with its filled rows and redirects to it', async () => {
    const alice = await as('alice');
    const page = await alice.get('/orders/new?lang=en');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Meetings Pro (MEET-PRO)');
    expect(page.html).toContain('Northwind Distribution');
    const placed = await alice.post('/orders/new', form('WEB-NEW-1'));
    expect(placed.status).toBe(303);
    const location = placed.headers.get('location')!;
    expect(location).toMatch(/^\/orders\/ord_/);
    const order = await alice.get(location);
    expect(order.status).toBe(200);
    expect(order.html).toContain('WEB-NEW-1');
    expect(order.html).toContain('Initech Srl');
    const row = await w.store.db
      .selectFrom('purchase_order')
      .select(['id', 'distributor_id', 'placed_by_user_id'])
      .where('web_order_id', '=', 'WEB-NEW-1')
      .executeTakeFirstOrThrow();
    expect(location).toBe(`/orders/${row.id}`);
    expect(row).toMatchObject({ distributor_id: 'org_dist', placed_by_user_id: w.actors.alice.userId });
    const lines = await w.store.db
      .selectFrom('subscription_line')
      .select(['line_no', 'offer_code', 'quantity', 'contact_email', 'contact_language', 'status'])
      .where('order_id', '=', row.id)
      .orderBy('line_no')
      .execute();
    expect(lines).toEqual([
      {
        line_no: 1,
        offer_code: 'MEET-PRO',
        quantity: 25,
        contact_email: 'nora@initech.example',
        contact_language: 'it',
        status: 'booked',
      },
      {
        line_no: 2,
        offer_code: 'CALL-STD',
        quantity: 3,
        contact_email: 'ivo@initech.example',
        contact_language: 'en',
        status: 'booked',
      },
    ]);
  });

  it.each([
    [
      'en',
      {
        customer: 'End customer is required.',
        email: 'Enter a valid e-mail address, like name@example.com.',
        quantity: 'Quantity must be a whole number.',
        contactName: 'Contact name is required.',
      },
    ],
    [
      'it',
      {
        customer: 'Il campo «Cliente finale» è obbligatorio.',
        email: 'Inserisca un indirizzo e-mail valido, ad esempio nome@esempio.it.',
        quantity: 'Il campo «Quantità» deve essere un numero intero.',
        contactName: 'Il campo «Nome del contatto» è obbligatorio.',
      },
    ],
  ] as const)(
    'in %s: schema errors next to their fields, typed values kept, nothing written',
    async (lang, words) => {
      const alice = await as('alice');
      await alice.get(`/orders/new?lang=${lang}`);
      const before = await rowCounts(w);
      const page = await alice.post(
        `/orders/new?lang=${lang}`,
        form('WEB-BAD-1', {
          endCustomerName: '  ',
          'lines.0.email': 'nora-at-initech',
          'lines.2.quantity': '2.5',
          'lines.2.name': '',
        }),
      );
      expect(page.status).toBe(400);
      for (const message of Object.values(words)) expect(page.html).toContain(message.replace(/</g, '&lt;'));
      // Each message sits next to its field: the row the user typed in, not the order's line index.
      expect(page.html).toContain('id="f-lines-0-email-error"');
      expect(page.html).toContain('id="f-lines-2-quantity-error"');
      expect(page.html).toContain('id="f-lines-2-name-error"');
      expect(page.html).toMatch(/id="f-lines-0-email"[^>]*aria-invalid="true"/);
      expect(page.html).toContain('value="nora-at-initech"');
      expect(page.html).toContain('value="WEB-BAD-1"');
      expect(page.html).toMatch(/<option value="CALL-STD" selected/);
      expect(await rowCounts(w)).toEqual(before);
    },
  );

  it('the use case refuses a past date and no lines, and a duplicate id, on the form', async () => {
    const alice = await as('alice');
    await alice.get('/orders/new?lang=en');
    const before = await rowCounts(w);
    const past = await alice.post('/orders/new', form('WEB-PAST-1', { rsd: '2026-11-30' }));
    expect(past.status).toBe(400);
    expect(past.html).toContain('Requested start date must not be in the past (today is 2026-12-01).');
    const empty = await alice.post('/orders/new', {
      webOrderId: 'WEB-EMPTY',
      endCustomerName: 'Initech Srl',
      rsd: '2026-12-10',
    });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('An order needs at least one line: fill in a row below.');
    const unknown = await alice.post('/orders/new', form('WEB-UNK-1', { 'lines.2.offerCode': 'NOPE' }));
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('id="f-lines-2-offerCode-error"');
    expect(unknown.html).toContain('Choose an offer from the catalogue.');
    expect(await rowCounts(w)).toEqual(before);
    expect((await alice.post('/orders/new', form('WEB-DUP-1'))).status).toBe(303);
    const again = await alice.post('/orders/new?lang=it', form('WEB-DUP-1'));
    expect(again.status).toBe(409);
    expect(again.html).toContain('Esiste già un ordine con web order id WEB-DUP-1.');
    expect(again.html).toContain('id="f-webOrderId-error"');
  });

  describe('access', () => {
    it('partner admins get the page and the Orders link; distributors and support do not', async () => {
      const paola = await as('paola');
      expect((await paola.get('/orders/new')).status).toBe(200);
      expect((await paola.get('/orders')).html).toContain('href="/orders/new"');
      for (const who of ['dana', 'sam'] as const) {
        const client = await as(who);
        expect((await client.get('/orders')).html).not.toContain('href="/orders/new"');
        expect((await client.get('/orders/new')).status).toBe(403);
        const before = await rowCounts(w);
        expect((await client.post('/orders/new', form(`WEB-${who}`))).status).toBe(403);
        expect(await rowCounts(w)).toEqual(before);
      }
    });

    it('signed out: off to sign-in', async () => {
      const anon = new WebClient(
        createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }),
      );
      const page = await anon.get('/orders/new');
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/sign-in?next=%2Forders%2Fnew');
    });
  });
});
