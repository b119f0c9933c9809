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

const LUCA = 'luca@initech.example';

describe('workspace: Edit provisioning contact (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let webOrderId: string;
  let lines: string[];

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
    const placed = await h.world.order({
      lines: [
        { offerCode: 'MEET-PRO', quantity: 25, provisioningContact: irene },
        { offerCode: 'CALL-STD', quantity: 10, provisioningContact: irene },
        {
          offerCode: 'MSG-ENT',
          quantity: 5,
          provisioningContact: { name: 'Piero Sala', email: 'piero@initech.example', language: 'en' },
        },
      ],
    });
    webOrderId = placed.webOrderId;
    lines = placed.subscriptionIds;
    await h.deliverMail();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const contactsInDb = async () =>
    (
      await h.world.store.db
        .selectFrom('subscription_line')
        .select(['contact_name', 'contact_email', 'contact_language'])
        .where('subscription_id', 'in', lines)
        .orderBy('line_no')
        .execute()
    ).map((l) => `${l.contact_name} <${l.contact_email}> ${l.contact_language}`);

  it('shows field errors inline and saves nothing, then applies the new contact to all lines', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/${webOrderId}`);
    await page.getByRole('link', { name: `Edit ${lines[0]}` }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Edit provisioning contact');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Irene Conti');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-contact-edit');

    const before = await contactsInDb();
    await page.getByLabel('Name', { exact: true }).fill('   ');
    await page.getByLabel('E-mail', { exact: true }).fill('luca at initech');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Some of the input is not valid');
    await expect(page.locator('#contact-name-error').textContent()).resolves.toBe('Name is required.');
    await expect(page.locator('#contact-email-error').textContent()).resolves.toContain(
      'Enter a valid e-mail address',
    );
    await expect(page.getByLabel('E-mail', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(page.getByLabel('E-mail', { exact: true }).inputValue()).resolves.toBe('luca at initech');
    expect(await contactsInDb()).toEqual(before);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-contact-errors');

    await page.getByLabel('Name', { exact: true }).fill('Luca Ferri');
    await page.getByLabel('E-mail', { exact: true }).fill(LUCA);
    await page.getByLabel('Language of the e-mails').selectOption('it');
    await page.getByLabel('Apply to all lines').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(
      (url) => url.pathname === `/orders/${webOrderId}` && url.searchParams.has('changed'),
    );
    const notice = page.getByRole('status').first();
    await expect(notice.textContent()).resolves.toContain(
      'the provisioning contact of the lines of this order is now Luca Ferri <luca@initech.example>',
    );
    await expect(notice.textContent()).resolves.toContain(
      `The provisioning e-mail is queued for ${LUCA}: it will be sent shortly.`,
    );
    for (const id of lines)
      await expect(page.locator(`#line-${id} .contact-email`).textContent()).resolves.toBe(LUCA);
    expect(await contactsInDb()).toEqual(lines.map(() => `Luca Ferri <${LUCA}> it`));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-contact-saved');

    // After the RSD a new contact gets a fresh link at once, in their language.
    await h.deliverMail();
    const mail = await h.mailbox(LUCA);
    expect(mail.length).toBeGreaterThanOrEqual(1);
    expect(mail.every((m) => m.links.some((l) => l.startsWith(`${h.baseUrl}/setup/`)))).toBe(true);

    // The change is on the line's timeline, in words.
    const history = page.locator(`#line-${lines[0]} + tr details`);
    await history.locator('summary').click();
    await expect(history.textContent()).resolves.toContain(
      'Provisioning contact changed from Irene Conti <irene@initech.example> to Luca Ferri <luca@initech.example> (applied to all lines)',
    );
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/subscriptions/${lines[2]}/contact?back=/orders/${webOrderId}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-contact-phone');
    await page.getByRole('link', { name: 'Cancel' }).click();
    expect(new URL(page.url()).pathname).toBe(`/orders/${webOrderId}`);
    await page.close();
  });
});
