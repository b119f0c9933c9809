/**
 * Partner-led setup in Chromium: partner staff opening the setup link set the order up on the
 * customer's behalf (en on a desktop, it on a phone); a customer contact never sees the option.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('setup wizard: partner-led setup (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function orderFor(contact: { name: string; email: string; language: 'en' | 'it' }) {
    const placed = await h.world.order({
      lines: [{ offerCode: 'MEET-PRO', quantity: 12, provisioningContact: contact }],
    });
    await h.deliverMail();
    const [mail] = await h.mailbox(contact.email);
    const link = mail?.links.find((l) => l.includes('/setup/'));
    if (!link) throw new Error(`no setup link to ${contact.email}`);
    return { ...placed, link };
  }

  async function check(page: Page, name: string) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('partner staff set it up for the customer (en, desktop); the admin is invited', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const marco = h.world.actors.marco;
    const { link, webOrderId } = await orderFor({ name: marco.name, email: marco.email, language: 'en' });
    await page.goto(link);
    await check(page, 'setup-partner-1-who');
    await page
      .getByRole('link', { name: 'This order is for a customer — set it up on the customer’s behalf' })
      .click();
    await page.getByLabel('Organization name').fill('');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByLabel('Organization name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('main').textContent()).resolves.toContain('Choose a country.');
    await check(page, 'setup-partner-2-errors');

    await page.getByLabel('Organization name').fill('Initech Torino');
    await page.getByLabel('Country').selectOption('IT');
    await page.getByLabel('Name', { exact: true }).fill('Nadia Ferri');
    await page.getByLabel('E-mail address').fill('nadia@initech.example');
    await page.getByLabel('Language of the invitation').selectOption('it');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = (await page.locator('main').textContent()) ?? '';
    expect(review).toContain('nadia@initech.example');
    expect(review).toContain('Marco Bianchi, Acme Reseller');
    await check(page, 'setup-partner-3-review');

    await page.getByRole('button', { name: 'Confirm and invite the administrator' }).click();
    await page.waitForURL(/\/for-customer\/done$/);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'We sent an invitation to nadia@initech.example',
    );
    await check(page, 'setup-partner-4-done');

    await h.deliverMail();
    const [invitation] = await h.mailbox('nadia@initech.example');
    expect(invitation?.subject).toContain('Initech Torino');
    expect(invitation?.text).toContain('Marco Bianchi (Acme Reseller)');
    // The order's page for the partner: mapped.
    expect(webOrderId).toBeTruthy();
    await page.close();
  });

  it('speaks Italian on a phone; a customer contact does not see the option', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const paola = h.world.actors.paola;
    const { link } = await orderFor({ name: paola.name, email: paola.email, language: 'it' });
    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    await check(page, 'setup-partner-it-phone-1-who');
    await page
      .getByRole('link', { name: 'Quest’ordine è per un cliente: lo configuri per conto del cliente' })
      .click();
    await check(page, 'setup-partner-it-phone-2-form');
    await page.getByLabel('Nome dell’organizzazione').fill('Initech Napoli');
    await page.getByLabel('Paese').selectOption('IT');
    await page.getByLabel('Nome', { exact: true }).fill('Ugo Bassi');
    await page.getByLabel('Indirizzo e-mail').fill('ugo@initech.example');
    await page.getByRole('button', { name: 'Riepilogo' }).click();
    await check(page, 'setup-partner-it-phone-3-review');
    await page.getByRole('button', { name: 'Conferma e invita l’amministratore' }).click();
    await page.waitForURL(/\/for-customer\/done$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('L’ordine è configurato');
    await check(page, 'setup-partner-it-phone-4-done');

    // A customer contact: no such option, and its address answers like a page that is not there.
    const customer = await orderFor({
      name: 'Irene Conti',
      email: 'irene.pl@initech.example',
      language: 'it',
    });
    await page.goto(customer.link);
    await expect(page.locator('main').textContent()).resolves.not.toContain('per conto del cliente');
    const direct = await page.goto(`${customer.link}/for-customer`);
    expect(direct?.status()).toBe(404);
    await page.close();
  });
});
