/**
 * The import page runs the CLI's importer on an uploaded file: a good file imports and says so;
 * a file with bad rows lists each problem by row (in the page's language) and imports nothing,
 * or only the valid orders when asked; only partner users and admins get the page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import { rowCounts } from '../http/api-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const HEADER =
  'webOrderId,endCustomerName,rsd,distributorId,offerCode,quantity,contactName,contactEmail,contactLanguage';

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describeEachStore('pages: import orders from a file', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  const signedIn = async (who: 'alice' | 'dana'): Promise<WebClient> => {
    const client = new WebClient(web);
    expect((await client.signIn(w.actors[who].email, PASSWORD)).status).toBe(303);
    return client;
  };
  /** A multipart upload as the page's form sends it. */
  const upload = async (client: WebClient, lang: string, name: string, text: string, mode = 'all') => {
    await client.get(`/orders/import?lang=${lang}`);
    const body = new FormData();
    body.set('_csrf', client.csrf);
    body.set('mode', mode);
    body.set('file', new File([text], name, { type: 'text/csv' }));
    const res = await web.request('/orders/import', {
      method: 'POST',
      body,
      headers: { cookie: client.cookieHeader, 'sec-fetch-site': 'same-origin' },
    });
    return { status: res.status, html: await res.text() };
  };
  const orderCount = async (prefix: string) =>
    (
      await w.store.db
        .selectFrom('purchase_order')
        .select('web_order_id')
        .where('web_order_id', 'like', `${prefix}%`)
        .execute()
    ).length;

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  it('imports a good CSV file: two orders, three lines', async () => {
    const alice = await signedIn('alice');
    const page = await upload(
      alice,
      'en',
      'orders.csv',
      csv(
        'IMP-1,Initech Srl,2026-12-10,org_dist,MEET-PRO,5,Nora Bianchi,nora@initech.example,it',
        'IMP-1,Initech Srl,2026-12-10,org_dist,CALL-STD,2,Ivo Conti,ivo@initech.example,en',
        'IMP-2,Globex Spa,2026-12-12,,MSG-ENT,1,Ada Neri,ada@globex.example,en',
      ),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('In the file — orders: 2, lines: 3.');
    expect(page.html).toContain('Imported — orders: 2, lines: 3.');
    expect(await orderCount('IMP-')).toBe(2);
  });

  it.each([
    [
      'en',
      'Contact e-mail',
      'Enter a valid e-mail address, like name@example.com.',
      'Choose an offer from the catalogue.',
    ],
    [
      'it',
      'E-mail del contatto',
      'Inserisca un indirizzo e-mail valido, ad esempio nome@esempio.it.',
      'Scelga un’offerta dal catalogo.',
    ],
  ] as const)(
    'in %s: bad rows listed by row; nothing imported unless asked',
    async (lang, field, email, offer) => {
      const alice = await signedIn('alice');
      const file = csv(
        `BAD-${lang}-1,Initech Srl,2026-12-10,,MEET-PRO,5,Nora Bianchi,nora-at-initech,it`,
        `BAD-${lang}-2,Globex Spa,2026-12-12,,NOPE,1,Ada Neri,ada@globex.example,en`,
        `BAD-${lang}-3,Hooli Srl,2026-12-12,,MSG-ENT,1,Leo Gatti,leo@hooli.example,en`,
      );
      const before = await rowCounts(w);
      const refused = await upload(alice, lang, 'orders.csv', file);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('class="data stack import-errors"');
      expect(refused.html).toMatch(
        new RegExp(`<td[^>]*>2</td><td[^>]*>BAD-${lang}-1</td><td[^>]*>${field}</td><td[^>]*>${email}</td>`),
      );
      expect(refused.html).toMatch(new RegExp(`<td[^>]*>3</td><td[^>]*>BAD-${lang}-2</td>`));
      expect(refused.html).toContain(offer);
      expect(await rowCounts(w)).toEqual(before);

      const partial = await upload(alice, lang, 'orders.csv', file, 'partial');
      expect(partial.status).toBe(200);
      expect(partial.html).toMatch(/Imported — orders: 1, lines: 1\.|Importati — ordini: 1, righe: 1\./);
      expect(await orderCount(`BAD-${lang}-`)).toBe(1);
    },
  );

  it('a file that is not an import is refused whole, saying why', async () => {
    const alice = await signedIn('alice');
    const page = await upload(alice, 'en', 'orders.json', '{"not": "an array"}');
    expect(page.status).toBe(400);
    expect(page.html).toContain('expected an array of orders');
    const none = await upload(alice, 'en', 'empty.csv', '');
    expect(none.status).toBe(400);
    expect(none.html).toContain('Choose a CSV or JSON file.');
  });

  it('distributors get no page and import nothing', async () => {
    const dana = await signedIn('dana');
    expect((await dana.get('/orders/import')).status).toBe(403);
    const before = await rowCounts(w);
    const page = await upload(
      dana,
      'en',
      'orders.csv',
      csv('DANA-1,Initech Srl,2026-12-10,,MEET-PRO,5,Nora Bianchi,nora@initech.example,it'),
    );
    expect(page.status).toBe(403);
    expect(await rowCounts(w)).toEqual(before);
  });
});
