/**
 * The new-order page in Chromium: reached from the Orders page, field errors inline (en), then
 * placed and shown as the new order; in Italian on a phone the same form, and axe finds nothing
 * serious on any of them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

describe('workspace: New order (Chromium)', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('on a desktop, in English: errors next to their fields, then the placed order', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders?lang=en`);
    await page.getByRole('link', { name: 'New order' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('New order');

    await page.getByLabel('Web order id').fill('WEB-7001');
    await page.getByLabel('End customer').fill('Initech Srl');
    await page.getByLabel('Requested start date').fill('2026-12-15');
    await page.getByLabel('Distributor').selectOption({ label: 'Northwind Distribution' });
    const line1 = page.getByRole('group', { name: 'Line 1' });
    await line1.getByLabel('Offer').selectOption({ label: 'Meetings Pro (MEET-PRO)' });
    await line1.getByLabel('Quantity').fill('25');
    await line1.getByLabel('Contact name').fill('Nora Bianchi');
    await line1.getByLabel('Contact e-mail').fill('nora at initech');
    const line2 = page.getByRole('group', { name: 'Line 2' });
    await line2.getByLabel('Offer').selectOption({ label: 'Calling Standard (CALL-STD)' });
    await line2.getByLabel('Quantity').fill('ten');
    await line2.getByLabel('Contact name').fill('Ivo Conti');
    await line2.getByLabel('Contact e-mail').fill('ivo@initech.example');
    await line2.getByLabel('Language of the e-mails').selectOption('it');
    await page.getByRole('button', { name: 'Place order' }).click();

    await expect(page.getByRole('alert').textContent()).resolves.toContain('Some of the input is not valid');
    await expect(page.locator('#f-lines-0-email-error').textContent()).resolves.toBe(
      'Enter a valid e-mail address, like name@example.com.',
    );
    await expect(page.locator('#f-lines-1-quantity-error').textContent()).resolves.toBe(
      'Quantity must be a whole number.',
    );
    await expect(line1.getByLabel('Contact e-mail').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(line2.getByLabel('Contact name').inputValue()).resolves.toBe('Ivo Conti');
    await expect(page.getByLabel('End customer').inputValue()).resolves.toBe('Initech Srl');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-new-order-errors');

    await line1.getByLabel('Contact e-mail').fill('nora@initech.example');
    await line2.getByLabel('Quantity').fill('10');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-new-order');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL((url) => /^\/orders\/ord_/.test(url.pathname));
    await expect(page.locator('h1').textContent()).resolves.toContain('WEB-7001');
    await expect(page.locator('main').textContent()).resolves.toContain('Initech Srl');
    const lines = await h.world.store.db
      .selectFrom('subscription_line')
      .innerJoin('purchase_order', 'purchase_order.id', 'subscription_line.order_id')
      .select(['offer_code', 'quantity', 'contact_language'])
      .where('purchase_order.web_order_id', '=', 'WEB-7001')
      .orderBy('line_no')
      .execute();
    expect(lines).toEqual([
      { offer_code: 'MEET-PRO', quantity: 25, contact_language: 'en' },
      { offer_code: 'CALL-STD', quantity: 10, contact_language: 'it' },
    ]);
    await page.close();
  });

  it('on a phone, in Italian: the same form and messages', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, h, 'paola');
    await page.goto(`${h.baseUrl}/orders/new?lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Nuovo ordine');
    await page.getByLabel('Web order id').fill('WEB-7002');
    await page.getByLabel('Data di inizio richiesta').fill('2026-11-01');
    await page.getByRole('button', { name: 'Invia l’ordine' }).click();
    await expect(page.locator('#f-endCustomerName-error').textContent()).resolves.toBe(
      'Il campo «Cliente finale» è obbligatorio.',
    );
    await expect(page.locator('#f-lines-error').textContent()).resolves.toBe(
      'Un ordine richiede almeno una riga: compili una riga qui sotto.',
    );
    await expect(page.getByLabel('Web order id').inputValue()).resolves.toBe('WEB-7002');
    // Nothing fits wider than the phone.
    const overflow = await page.evaluate(() => {
      const g = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return g.document.documentElement.scrollWidth > g.innerWidth;
    });
    expect(overflow).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-new-order-phone-it');
    await page.close();
  });

  const IMPORT = [
    'webOrderId,endCustomerName,rsd,distributorId,offerCode,quantity,contactName,contactEmail,contactLanguage',
    'IMP-9001,Initech Srl,2026-12-10,org_dist,MEET-PRO,5,Nora Bianchi,nora-at-initech,it',
    'IMP-9002,Globex Spa,2026-12-12,,NOPE,1,Ada Neri,ada@globex.example,en',
    'IMP-9003,Hooli Srl,2026-12-12,,MSG-ENT,2,Leo Gatti,leo@hooli.example,en',
  ].join('\n');

  for (const [lang, viewport, labels] of [
    [
      'en',
      { width: 1280, height: 900 },
      { file: 'File (CSV or JSON)', go: 'Check and import', partial: 'Import the valid orders' },
    ],
    [
      'it',
      { width: 390, height: 844 },
      { file: 'File (CSV o JSON)', go: 'Verifica e importa', partial: 'Importa gli ordini validi' },
    ],
  ] as const) {
    it(`import in ${lang} (${viewport.width}px): row errors in a table, then the valid orders`, async () => {
      const page = await browser.newPage({ viewport, isMobile: viewport.width < 500 });
      await signIn(page, h, 'alice');
      await page.goto(`${h.baseUrl}/orders?lang=${lang}`);
      await page.getByRole('link', { name: lang === 'en' ? 'Import orders' : 'Importa ordini' }).click();
      const file = {
        name: 'orders.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(IMPORT.replaceAll('IMP-', `IMP-${lang}-`)),
      };
      await page.getByLabel(labels.file).setInputFiles(file);
      await page.getByRole('button', { name: labels.go }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        lang === 'en' ? 'Nothing was imported' : 'Non è stato importato nulla',
      );
      await expect(page.locator('table.import-errors tbody tr').count()).resolves.toBe(2);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, lang === 'en' ? 'workspace-import-errors' : 'workspace-import-errors-phone-it');

      await page.getByLabel(labels.file).setInputFiles(file);
      await page.getByLabel(labels.partial).check();
      await page.getByRole('button', { name: labels.go }).click();
      await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
        /Imported — orders: 1|Importati — ordini: 1/,
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
