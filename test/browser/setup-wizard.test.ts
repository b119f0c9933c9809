/**
 * The setup wizard in Chromium, from the provisioning e-mail in the sink to the admin portal
 * through the welcome e-mail's set-password link; a resend that does not interrupt the wizard and
 * an expired link; the wizard in Italian on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { expireSetupLinks } from '../app/setup-fixtures.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('setup wizard (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  let seq = 0;
  /** Places an order for a new contact and delivers its provisioning e-mail; returns the link in it. */
  async function orderAndMail(language: 'en' | 'it' = 'en', lines = 2) {
    const email = `contact${++seq}@initech.example`;
    const placed = await h.world.order({
      endCustomerName: 'Initech Srl',
      lines: Array.from({ length: lines }, (_, i) => ({
        offerCode: i % 2 ? 'A-FLEX' : 'MEET-PRO',
        quantity: 10 + i * 15,
        provisioningContact: { name: 'Irene Conti', email, language },
      })),
    });
    await h.deliverMail();
    return { ...placed, email, link: await linkIn(email, '/setup/') };
  }

  async function linkIn(to: string, part: string): Promise<string> {
    const [mail] = await h.mailbox(to);
    const link = mail?.links.find((l) => l.includes(part));
    if (!link) throw new Error(`no ${part} link in the newest e-mail to ${to}`);
    return link;
  }

  async function check(page: Page, name: string) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('sets up from the e-mail, then the welcome e-mail leads to the admin portal', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const { link, email, subscriptionIds, webOrderId } = await orderAndMail('en', 2);

    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Set up your service');
    await expect(page.locator('main').textContent()).resolves.toContain(subscriptionIds[1]);
    await check(page, 'setup-1-who');

    await page.getByRole('link', { name: 'I will set up the service' }).click();
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Which organization will use the service?',
    );
    expect(await page.getByRole('radio', { name: 'Create a new organization' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Name of the new organization').inputValue()).toBe('Initech Srl');
    await check(page, 'setup-2-organization');
    await page.getByLabel('Name of the new organization').fill('Initech Milano');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Where should the data of Initech Milano be stored?',
    );
    await page.getByLabel('Country').selectOption('IT');
    await check(page, 'setup-3-country');
    await page.getByRole('button', { name: 'Continue' }).click();

    const review = page.locator('.setup-review');
    await expect(review.textContent()).resolves.toContain('Initech Milano (new organization)');
    await expect(review.textContent()).resolves.toContain('Europe');
    await expect(page.locator('table').textContent()).resolves.toContain('Active Flex');
    await check(page, 'setup-4-review');
    await page.getByRole('button', { name: 'Confirm and set up' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm the setup?' });
    await expect(dialog.textContent()).resolves.toContain(`The 2 subscriptions of order ${webOrderId}`);
    await check(page, 'setup-5-confirm');
    await dialog.getByRole('button', { name: 'Yes, set up' }).click();

    await page.waitForURL(/\/done$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Thank you. Your order has been mapped correctly.',
    );
    await expect(page.locator('main').textContent()).resolves.toContain(`welcome e-mail to ${email}`);
    await check(page, 'setup-6-done');

    // The link now leads to the same outcome; the order is mapped once.
    await page.goto(link);
    expect(new URL(page.url()).pathname).toMatch(/\/done$/);

    await h.deliverMail();
    const [welcome] = await h.mailbox(email);
    expect(welcome?.subject).toContain('Initech Milano');
    await page.goto(await linkIn(email, '/set-password/'));
    await check(page, 'setup-7-set-password');
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toContain(
      'at least 12 characters',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('New password').fill('a long and unguessable phrase');
    await page.getByLabel('Repeat the password').fill('a long and unguessable phrase');
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();

    await page.waitForURL(/\/admin$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Initech Milano');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Europe');
    expect(main).toContain('Acme Reseller');
    expect(main).toContain('Alice Rossi');
    for (const sub of subscriptionIds) expect(main).toContain(sub);
    await check(page, 'setup-8-admin-portal');
    await page.setViewportSize(PHONE);
    await check(page, 'setup-8-admin-portal-phone');
  });

  it('a resend while the contact is in the wizard does not stop them; an expired link offers a new one', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const { link, subscriptionIds } = await orderAndMail('en', 1);
    await page.goto(link);
    await page.getByRole('link', { name: 'I will set up the service' }).click();
    await page.waitForURL(/\/organization/);
    // The partner resends meanwhile: a new e-mail; the page the contact is on still works.
    await resendProvisioningEmail(h.world.deps, h.world.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
    });
    await h.deliverMail();
    expect((await page.reload())?.status()).toBe(200);
    await expect(page.getByRole('radio', { name: 'Create a new organization' }).isVisible()).resolves.toBe(
      true,
    );

    await expireSetupLinks(h.world, subscriptionIds[0]!);
    const response = await page.goto(link);
    expect(response?.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toBe('This setup link no longer works');
    await expect(page.locator('#dead-reason').textContent()).resolves.toContain('This link has expired.');
    await expect(page.getByRole('button', { name: 'Send me a new link' }).isVisible()).resolves.toBe(true);
    await check(page, 'setup-dead-expired');
  });

  it('speaks the contact language (Italian) on a phone, through to the confirmation', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const { link } = await orderAndMail('it', 2);
    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    await expect(page.locator('h1').textContent()).resolves.toBe('Configuri il servizio');
    await check(page, 'setup-it-phone-1-who');
    await page.getByRole('link', { name: 'Configurerò io il servizio' }).click();
    // The organization the first test created shares the name and the e-mail domain: it is offered.
    await expect(page.getByRole('radio', { name: /Initech Milano/ }).isChecked()).resolves.toBe(false);
    await check(page, 'setup-it-phone-2-organization');
    await page.getByRole('radio', { name: 'Crea una nuova organizzazione' }).check();
    await page.getByRole('button', { name: 'Continua' }).click();
    await page.waitForURL(/\/country\?/);
    // The browser asks for the country before going on (the select is required).
    await page.getByRole('button', { name: 'Continua' }).click();
    expect(
      await page
        .getByLabel('Paese')
        .evaluate((el) => (el as { validity: { valid: boolean } }).validity.valid),
    ).toBe(false);
    expect(new URL(page.url()).pathname).toMatch(/\/country$/);
    await page.getByLabel('Paese').selectOption('DE');
    await check(page, 'setup-it-phone-3-country');
    await page.getByRole('button', { name: 'Continua' }).click();
    await expect(page.locator('.setup-review').textContent()).resolves.toContain('Europa');
    await check(page, 'setup-it-phone-4-review');
    await page.getByRole('button', { name: 'Conferma e configura' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sì, configura' }).click();
    await page.waitForURL(/\/done$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      "Grazie. L'ordine è stato configurato correttamente.",
    );
    await check(page, 'setup-it-phone-5-done');
  });
});
