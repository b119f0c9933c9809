/**
 * A large import (more than LARGE_IMPORT_ROWS rows) uploaded on the Import orders page runs in the
 * background: the upload answers with a redirect to a progress page ("N of M rows", reloading
 * itself without JavaScript), each worker step moves it on, and the page then shows the result and
 * the row errors. All-or-nothing writes nothing unless every row is good, also when an order is
 * refused while writing; "import the valid orders" writes the others. Only the uploader sees it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { IMPORT_STEP_ORDERS, runOrderImportStep } from '../../src/app/orders/run-order-import-step.js';
import { LARGE_IMPORT_ROWS } from '../../src/app/orders/upload-order-import.js';
import { createWeb } from '../../src/web/create-web.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const HEADER =
  'webOrderId,endCustomerName,rsd,distributorId,offerCode,quantity,contactName,contactEmail,contactLanguage';

/** `orders` orders of two lines each; `bad` maps an order number to what spoils its first row. */
function bigCsv(prefix: string, orders: number, bad: Record<number, 'email' | 'offer'> = {}): string {
  const rows = [HEADER];
  for (let i = 1; i <= orders; i++) {
    const email = bad[i] === 'email' ? 'nora-at-initech' : `nora${i}@initech.example`;
    const offer = bad[i] === 'offer' ? 'NOPE' : 'MEET-PRO';
    rows.push(`${prefix}-${i},Initech Srl,2026-12-20,,${offer},5,Nora Bianchi,${email},it`);
    rows.push(`${prefix}-${i},Initech Srl,2026-12-20,,CALL-STD,2,Ivo Conti,ivo${i}@initech.example,en`);
  }
  return rows.join('\n') + '\n';
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replaceAll('&amp;', '&');

describeEachStore('pages: a large import, in the background', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  const signedIn = async (who: 'alice' | 'marco' | 'bob'): Promise<WebClient> => {
    const client = new WebClient(web);
    expect((await client.signIn(w.actors[who].email, PASSWORD)).status).toBe(303);
    return client;
  };
  const upload = async (client: WebClient, text: string, mode: 'all' | 'partial') => {
    await client.get('/orders/import');
    const body = new FormData();
    body.set('_csrf', client.csrf);
    body.set('mode', mode);
    body.set('file', new File([text], 'orders.csv', { type: 'text/csv' }));
    return web.request('/orders/import', {
      method: 'POST',
      body,
      headers: { cookie: client.cookieHeader, 'sec-fetch-site': 'same-origin' },
    });
  };
  const orderCount = async (prefix: string) =>
    (
      await w.store.db
        .selectFrom('purchase_order')
        .select('web_order_id')
        .where('web_order_id', 'like', `${prefix}-%`)
        .execute()
    ).length;
  /** Runs steps until none is left; returns how many ran. */
  const drain = async () => {
    let steps = 0;
    while (await runOrderImportStep(w.deps)) steps++;
    return steps;
  };

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  it('valid orders: progress "N of M rows" step by step, then the result with the row errors', async () => {
    const alice = await signedIn('alice');
    const file = bigCsv('BIGP', 120, { 7: 'email', 50: 'offer' });
    const res = await upload(alice, file, 'partial');
    expect(res.status).toBe(303);
    const path = res.headers.get('location')!;
    expect(path).toMatch(/^\/orders\/import\/imp_[a-z0-9]+$/);

    // Nothing is written in the request; the page reloads itself without JavaScript.
    const queued = await alice.get(path);
    expect(queued.status).toBe(200);
    expect(textOf(queued.html)).toContain('0 of 240 rows');
    expect(queued.html).toContain('<noscript><meta http-equiv="refresh" content="5"/></noscript>');
    expect(queued.html).toMatch(/<progress id="import-progress-bar" max="240" value="0">/);
    expect(textOf(queued.html)).toContain('Checking every row first');
    expect(await orderCount('BIGP')).toBe(0);

    // Step 1 checks the file: the four rows of the two bad orders are done (refused).
    expect(await runOrderImportStep(w.deps)).toBe(true);
    expect(await orderCount('BIGP')).toBe(0);
    const checked = await alice.get(`${path}/progress`);
    expect(JSON.parse(checked.html)).toEqual({
      status: 'importing',
      doneRows: 4,
      totalRows: 240,
      rows: '4 of 240 rows',
    });
    // Step 2 writes the first IMPORT_STEP_ORDERS good orders.
    expect(await runOrderImportStep(w.deps)).toBe(true);
    expect(await orderCount('BIGP')).toBe(IMPORT_STEP_ORDERS);
    const it = await alice.get(`${path}?lang=it`);
    expect(textOf(it.html)).toContain(`${4 + 2 * IMPORT_STEP_ORDERS} di 240 righe`);
    expect(textOf(it.html)).toContain('Importazione degli ordini validi');

    expect(await drain()).toBe(Math.ceil(118 / IMPORT_STEP_ORDERS) - 1);
    expect(await orderCount('BIGP')).toBe(118);
    const done = await alice.get(`${path}?lang=en`);
    const text = textOf(done.html);
    expect(done.html).not.toContain('http-equiv="refresh"');
    expect(text).toContain('Import finished');
    expect(text).toContain('In the file — orders: 120, lines: 240.');
    expect(text).toContain('Imported — orders: 118, lines: 236.');
    expect(done.html).toMatch(
      /<td[^>]*>14<\/td><td[^>]*>BIGP-7<\/td><td[^>]*>Contact e-mail<\/td><td[^>]*>Enter a valid e-mail address/,
    );
    expect(done.html).toMatch(/<td[^>]*>100<\/td><td[^>]*>BIGP-50<\/td><td[^>]*>Offer<\/td>/);
    // The upload is not kept once it is done.
    const row = await w.store.db.selectFrom('order_import').select('file_text').executeTakeFirstOrThrow();
    expect(row.file_text).toBe('');
  });

  it('all or nothing: one bad row and nothing at all is written', async () => {
    const alice = await signedIn('alice');
    const res = await upload(alice, bigCsv('BIGA', 110, { 99: 'offer' }), 'all');
    const path = res.headers.get('location')!;
    expect(await drain()).toBe(1);
    expect(await orderCount('BIGA')).toBe(0);
    const done = await alice.get(`${path}?lang=it`);
    const text = textOf(done.html);
    expect(text).toContain('Importazione completata');
    expect(text).toContain('Non è stato importato nulla');
    expect(done.html).toMatch(/<td[^>]*>198<\/td><td[^>]*>BIGA-99<\/td>/);
  });

  it('all or nothing: checked, then written in one step; an order placed meanwhile undoes it all', async () => {
    const alice = await signedIn('alice');
    const good = await upload(alice, bigCsv('BIGG', 101), 'all');
    expect(await runOrderImportStep(w.deps)).toBe(true); // the check
    expect(JSON.parse((await alice.get(`${good.headers.get('location')!}/progress`)).html)).toMatchObject({
      status: 'importing',
      doneRows: 0,
      totalRows: 202,
    });
    expect(await orderCount('BIGG')).toBe(0);
    expect(await drain()).toBe(1);
    expect(await orderCount('BIGG')).toBe(101);

    const raced = await upload(alice, bigCsv('BIGR', 101), 'all');
    expect(await runOrderImportStep(w.deps)).toBe(true); // checked: all good
    await w.order({ webOrderId: 'BIGR-80' }); // placed by the API meanwhile
    expect(await drain()).toBe(1);
    expect(await orderCount('BIGR')).toBe(1); // only the API's
    const text = textOf((await alice.get(`${raced.headers.get('location')!}?lang=en`)).html);
    expect(text).toContain('Nothing was imported');
    expect(text).toContain('An order with this web order id already exists.');
  });

  it('valid orders: an order placed meanwhile becomes a row error; the others go in', async () => {
    const alice = await signedIn('alice');
    const res = await upload(alice, bigCsv('BIGS', 105), 'partial');
    expect(await runOrderImportStep(w.deps)).toBe(true);
    await w.order({ webOrderId: 'BIGS-20' });
    await drain();
    expect(await orderCount('BIGS')).toBe(105); // 104 imported + the API's
    const text = textOf((await alice.get(`${res.headers.get('location')!}?lang=en`)).html);
    expect(text).toContain('Imported — orders: 104, lines: 208.');
    expect(text).toContain('BIGS-20 Web order id An order with this web order id already exists.');
  });

  it('only the uploader sees it; a small file is still imported in the request', async () => {
    const alice = await signedIn('alice');
    const res = await upload(alice, bigCsv('BIGX', 101), 'partial');
    const path = res.headers.get('location')!;
    for (const who of ['marco', 'bob'] as const) {
      const other = await signedIn(who);
      expect((await other.get(path)).status).toBe(404);
      expect((await other.get(`${path}/progress`)).status).toBe(404);
    }
    await drain();

    const small = await upload(alice, bigCsv('SMALL', LARGE_IMPORT_ROWS / 2), 'all');
    expect(small.status).toBe(200);
    expect(await small.text()).toContain(`Imported — orders: ${LARGE_IMPORT_ROWS / 2}`);
  });
});
