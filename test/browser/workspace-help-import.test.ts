/**
 * In Chromium, English and Italian, on a desktop and a phone: the help page's table of contents
 * and deep links (`/help#send-statuses`), and a large import's progress page, which follows the
 * import by itself with JavaScript and reloads itself without it, then shows the result and the
 * row errors. axe finds nothing serious or critical on any of them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runOrderImportStep } from '../../src/app/orders/run-order-import-step.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const HEADER =
  'webOrderId,endCustomerName,rsd,distributorId,offerCode,quantity,contactName,contactEmail,contactLanguage';

/** 120 orders of two lines (240 rows); the first row of order 7 has a bad e-mail. */
function bigCsv(prefix: string): Buffer {
  const rows = [HEADER];
  for (let i = 1; i <= 120; i++) {
    const email = i === 7 ? 'nora-at-initech' : `nora${i}@initech.example`;
    rows.push(`${prefix}-${i},Initech Srl,2026-12-20,,MEET-PRO,5,Nora Bianchi,${email},it`);
    rows.push(`${prefix}-${i},Initech Srl,2026-12-20,,CALL-STD,2,Ivo Conti,ivo${i}@initech.example,en`);
  }
  return Buffer.from(rows.join('\n') + '\n');
}

describe('workspace: help page and import progress (Chromium)', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Whether the element's top is on screen (true), or where it is. */
  const inView = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      const height = (globalThis as unknown as { innerHeight: number }).innerHeight;
      return top > -2 && top < height ? true : `top ${top} of ${height}`;
    });

  it.each([
    ['en', DESKTOP, 'Send statuses', 'After the point of no return (PONR)', 'Bounced'],
    ['it', PHONE, 'Stati di invio', 'Dopo il punto di non ritorno (PONR)', 'Respinta'],
  ] as const)(
    'help in %s: a deep link opens its section; the contents reach each',
    async (lang, viewport, statuses, ponr, bounced) => {
      const context = await browser.newContext({ viewport }); // signed out: the page is public
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/help?lang=${lang}#send-statuses`);
      await expect(inView(page, '#send-statuses')).resolves.toBe(true);
      await expect(page.locator('#send-statuses').textContent()).resolves.toBe(statuses);
      await expect(page.locator('#send-status-bounced dt').textContent()).resolves.toBe(bounced);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `help-send-statuses-${lang}`);

      await page.goto(`${h.baseUrl}/help?lang=${lang}`);
      await page
        .getByRole('navigation', { name: lang === 'en' ? 'On this page' : 'In questa pagina' })
        .getByRole('link', { name: ponr })
        .click();
      expect(new URL(page.url()).hash).toBe('#ponr');
      await expect(inView(page, '#ponr')).resolves.toBe(true);
      await page.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
      );
      await screenshot(page, `help-${lang}`);
      await context.close();
    },
  );

  it('desktop, English, with JavaScript: the progress follows the steps, then the result', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/import?lang=en`);
    await page.setInputFiles('#import-file', {
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: bigCsv('BRJ'),
    });
    await page.getByLabel('Import the valid orders').check();
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.waitForURL(/\/orders\/import\/imp_/);
    const path = new URL(page.url()).pathname;
    await expect(page.locator('h1').textContent()).resolves.toBe('Importing orders');
    await expect(page.getByRole('status').textContent()).resolves.toBe('0 of 240 rows');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'import-progress-en');

    // The check, then one step of orders: the page follows without reloading.
    const marker = await page.evaluate(() => ((globalThis as unknown as { kept: number }).kept = 42));
    expect(await runOrderImportStep(h.world.deps)).toBe(true);
    expect(await runOrderImportStep(h.world.deps)).toBe(true);
    await page.getByRole('status').filter({ hasText: '102 of 240 rows' }).waitFor();
    await expect(
      page.locator('progress').evaluate((p) => (p as unknown as { value: number }).value),
    ).resolves.toBe(102);
    await expect(page.evaluate(() => (globalThis as unknown as { kept?: number }).kept)).resolves.toBe(
      marker,
    );

    // The rest: the page reloads itself once and shows the result.
    while (await runOrderImportStep(h.world.deps));
    await page.locator('h1', { hasText: 'Import finished' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(path);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Imported — orders: 119, lines: 238.');
    await expect(page.locator('table.import-errors tbody tr').count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'import-result-en');
    await page.close();
  });

  it('phone, Italian, without JavaScript: the page reloads itself until the result', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/import?lang=it`);
    await page.setInputFiles('#import-file', {
      name: 'ordini.csv',
      mimeType: 'text/csv',
      buffer: bigCsv('BRN'),
    });
    await page.getByRole('button', { name: 'Verifica e importa' }).click();
    await page.waitForURL(/\/orders\/import\/imp_/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('0 di 240 righe');
    await expect(page.locator('main').textContent()).resolves.toContain('Tutto o niente');
    await screenshot(page, 'import-progress-it-phone');
    // axe needs JavaScript: the same page, on a phone, in a browser that runs it.
    const withJs = await browser.newContext({ viewport: PHONE });
    const checker = await withJs.newPage();
    await signIn(checker, h, 'alice');
    await checker.goto(`${page.url()}?lang=it`);
    await expect(checker.getByRole('status').textContent()).resolves.toBe('0 di 240 righe');
    expect(await seriousA11yViolations(checker)).toEqual([]);

    // All or nothing with a bad row: the check finishes it, and the next reload shows why.
    while (await runOrderImportStep(h.world.deps));
    await page.locator('h1', { hasText: 'Importazione completata' }).waitFor({ timeout: 20_000 });
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Non è stato importato nulla');
    expect(main).toContain('BRN-7');
    await screenshot(page, 'import-result-it-phone');
    await checker.locator('h1', { hasText: 'Importazione completata' }).waitFor();
    expect(await seriousA11yViolations(checker)).toEqual([]);
    await withJs.close();
    await context.close();
  });
});
