/**
 * The operator's offer catalogue in Chromium: Olga adds an offer, is told what a bad form lacks,
 * changes a policy period and retires an offer through the confirmation dialog (which says
 * existing lines are untouched), then reinstates it in Italian on a phone. Axe-clean; a partner
 * user gets the refusal page.
 */
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
const DESKTOP = { width: 1280, height: 900 };

describe('operator: offer catalogue (Chromium)', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const offer = (code: string) =>
    h.world.store.db
      .selectFrom('offer')
      .select(['name', 'policy_days', 'active'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('adds an offer, changes a period and retires an offer through the dialog (English, desktop)', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'olga');
    await page.goto(`${h.baseUrl}/operator/offers?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Offers');
    await expect(page.getByText('applies to lines ordered from now on').isVisible()).resolves.toBe(true);
    const meet = page.getByRole('row').filter({ hasText: 'MEET-PRO' });
    await expect(meet.getByRole('cell').nth(2).textContent()).resolves.toBe('30 days');
    await expectAccessible(page);
    await screenshot(page, 'offers-desktop-en');

    // A bad form keeps what was typed and says what is wrong next to each field.
    await page.getByLabel('Code', { exact: true }).fill('voice x');
    await page.getByLabel('Name', { exact: true }).fill('Voice X');
    await page.getByLabel('Policy period (days)').fill('0');
    await page.getByRole('button', { name: 'Add offer' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('capital letters');
    await expect(page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Voice X');
    await expectAccessible(page);
    await screenshot(page, 'offers-add-invalid-en');

    await page.getByLabel('Code', { exact: true }).fill('VOICE-X');
    await page.getByLabel('Policy period (days)').fill('14');
    await page.getByRole('button', { name: 'Add offer' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Offer VOICE-X added.');
    const voice = page.getByRole('row').filter({ hasText: 'VOICE-X' });
    await expect(voice.textContent()).resolves.toContain('14 days');
    expect(await offer('VOICE-X')).toEqual({ name: 'Voice X', policy_days: 14, active: true });

    await page.getByRole('link', { name: 'Edit MEET-PRO' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Offer MEET-PRO');
    await expectAccessible(page);
    await page.getByLabel('Policy period (days)').fill('10');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Offer MEET-PRO changed.');
    await expect(meet.getByRole('cell').nth(2).textContent()).resolves.toBe('10 days');
    expect((await offer('MEET-PRO')).policy_days).toBe(10);

    await page.getByRole('button', { name: 'Retire CALL-STD' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Retire CALL-STD?');
    await expect(dialog.textContent()).resolves.toContain('Existing lines are untouched');
    await expect(dialog.textContent()).resolves.toContain('New orders with this offer will be refused');
    await expectAccessible(page);
    await screenshot(page, 'offers-retire-dialog-en');
    await dialog.getByRole('button', { name: 'Retire offer' }).click();
    await page.waitForURL((url) => url.searchParams.get('retired') === 'CALL-STD');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Offer CALL-STD retired');
    const call = page.getByRole('row').filter({ hasText: 'CALL-STD' });
    await expect(call.getByText('Retired', { exact: true }).isVisible()).resolves.toBe(true);
    expect((await offer('CALL-STD')).active).toBe(false);
    await expectAccessible(page);
    await page.close();
  });

  it('in Italian on a phone: the catalogue, the edit page and reinstating through the dialog', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'olga');
    await page.goto(`${h.baseUrl}/operator/offers?lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Offerte');
    await expect(page.getByText('da ora in poi').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'offers-phone-it');

    await page.getByRole('button', { name: 'Ripristina CALL-STD' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Ripristinare CALL-STD?');
    await expectAccessible(page);
    await screenshot(page, 'offers-reinstate-dialog-phone-it');
    await dialog.getByRole('button', { name: 'Ripristina offerta' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Offerta CALL-STD ripristinata.');
    expect((await offer('CALL-STD')).active).toBe(true);

    await page.getByRole('link', { name: 'Modifica VOICE-X' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Offerta VOICE-X');
    await page.getByLabel('Nome').fill('');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Inserisca un nome');
    await expectAccessible(page);
    await screenshot(page, 'offers-edit-invalid-phone-it');
    expect((await offer('VOICE-X')).name).toBe('Voice X');
    await page.close();
  });

  it('refuses everyone but operators', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'paola');
    const res = await page.goto(`${h.baseUrl}/operator/offers?lang=en`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Only Onramp operators manage organizations, offers and support agents.',
    );
    await expect(page.getByRole('link', { name: 'Offers' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.close();
  });
});
