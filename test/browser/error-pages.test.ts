/**
 * The pages' error path in a real browser, on a phone and in Italian: the 404 page and the 500
 * page (a real fault: the lines' table renamed away) sit in the layout, fit the screen without
 * sideways scrolling, and are accessible.
 */
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { width: 390, height: 844 };

async function expectFitsAndAccessible(page: Page) {
  expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('error pages (Chromium, phone)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('an unknown address and a fault of ours answer pages in the layout, in Italian', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    try {
      await signIn(page, h, 'alice');
      const missing = await page.goto(`${h.baseUrl}/no/such/page?lang=it`);
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pagina non trovata');
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Ordini' }).count()).resolves.toBe(
        1,
      );
      await expectFitsAndAccessible(page);
      await screenshot(page, 'error-404-phone-it');

      await sql`alter table subscription_line rename to subscription_line_gone`.execute(h.world.store.db);
      try {
        const failed = await page.goto(`${h.baseUrl}/orders`);
        expect(failed?.status()).toBe(500);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Si è verificato un errore',
        );
        await expect(page.getByRole('alert').textContent()).resolves.toContain('errore è stato registrato');
        await expect(page.getByRole('link', { name: 'Riprovi' }).getAttribute('href')).resolves.toBe(
          '/orders',
        );
        await expectFitsAndAccessible(page);
        await screenshot(page, 'error-500-phone-it');
      } finally {
        await sql`alter table subscription_line_gone rename to subscription_line`.execute(h.world.store.db);
      }
      await page.getByRole('link', { name: 'Riprovi' }).click();
      await page.waitForURL((url) => url.pathname === '/orders');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ordini');
    } finally {
      await page.close();
    }
  });
});
