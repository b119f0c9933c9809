import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
  TEST_PASSWORD,
} from './support/browser-harness.js';

const IRENE = 'irene@initech.example';

describe('workspace: orders, order page and Resend (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let webOrderId: string;
  let first: string;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const contact = { name: 'Irene Conti', email: IRENE, language: 'en' as const };
    const placed = await h.world.order({
      endCustomerName: 'Initech Srl',
      lines: [
        { offerCode: 'MEET-PRO', quantity: 25, provisioningContact: contact },
        { offerCode: 'CALL-STD', quantity: 10, provisioningContact: contact },
      ],
    });
    webOrderId = placed.webOrderId;
    first = placed.subscriptionIds[0]!;
    await h.deliverMail(); // the RSD is today: the first e-mails go out
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('sends a signed-out visitor to sign-in and back to the page they asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${h.baseUrl}/orders/${webOrderId}`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('E-mail').fill(h.world.actors.alice.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/orders/${webOrderId}`);
    await page.close();
  });

  it('lists, searches and opens orders; resends with both confirmations; the e-mail arrives', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'alice');
    expect(new URL(page.url()).pathname).toBe('/orders');
    await page.getByLabel('Search').fill(first);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row').filter({ hasText: webOrderId });
    await expect(row.textContent()).resolves.toContain('Alice Rossi');
    await expect(row.textContent()).resolves.toContain('Awaiting Provisioning Details (2)');
    await expectAccessible(page);
    await screenshot(page, 'workspace-orders');

    await page.getByRole('link', { name: webOrderId }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe(`Order ${webOrderId}`);
    await expectAccessible(page);
    await screenshot(page, 'workspace-order');

    const before = (await h.mailbox(IRENE)).length;
    await page.getByRole('link', { name: `Resend ${first}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Resend Confirmation' });
    await expect(dialog.textContent()).resolves.toContain(
      `Are you sure you want to resend the provisioning e-mail to ${IRENE}?`,
    );
    await expectAccessible(page);
    await screenshot(page, 'workspace-resend-dialog');

    await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('sent'));
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `The provisioning e-mail is queued for ${IRENE}: it will be sent shortly.`,
    );
    await expectAccessible(page);
    await screenshot(page, 'workspace-resent');

    await h.deliverMail();
    // Once the e-mail has gone, the same notice says so.
    await page.reload();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `The provisioning e-mail was sent to ${IRENE}.`,
    );
    const mail = await h.mailbox(IRENE);
    expect(mail).toHaveLength(before + 1);
    expect(mail[0]!.links.some((l) => l.startsWith(`${h.baseUrl}/setup/`))).toBe(true);

    // The send is on the line's timeline with its delivery status.
    await page.reload();
    const history = page.locator(`#line-${first} + tr details`);
    await expect(history.getAttribute('open')).resolves.not.toBeNull();
    const resent = history.locator('li').filter({ hasText: `Provisioning e-mail resent to ${IRENE}` });
    await expect(resent.textContent()).resolves.toContain('Sent');
    await expect(resent.textContent()).resolves.toContain('by Alice Rossi <alice@acme.example>');

    // And on the line's own page, in the table of sends.
    await page.getByRole('link', { name: first, exact: true }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe(`Subscription ${first}`);
    const sends = page.getByRole('table').first();
    await expect(sends.textContent()).resolves.toContain('Resend');
    await expectAccessible(page);
    await screenshot(page, 'workspace-subscription-detail');
    await page.close();
  });

  it('asks for confirmation on a page of its own without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/${webOrderId}`);
    await page.getByRole('link', { name: `Resend ${first}` }).click();
    expect(new URL(page.url()).pathname).toBe(`/subscriptions/${first}/resend`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Resend Confirmation');
    await expect(page.locator('main').textContent()).resolves.toContain(
      `Are you sure you want to resend the provisioning e-mail to ${IRENE}?`,
    );
    await screenshot(page, 'workspace-resend-nojs');
    // axe needs scripts: check the same confirmation page in a page that runs them.
    const checker = await browser.newPage();
    await signIn(checker, h, 'alice');
    await checker.goto(page.url());
    await expectAccessible(checker);
    await checker.close();

    await page.getByRole('link', { name: 'No', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`/orders/${webOrderId}`);
    expect(new URL(page.url()).searchParams.has('sent')).toBe(false);

    await page.getByRole('link', { name: `Resend ${first}` }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`/orders/${webOrderId}`);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `The provisioning e-mail is queued for ${IRENE}: it will be sent shortly.`,
    );
    await context.close();
  });

  it('reads well on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, h, 'alice');
    await expectAccessible(page);
    await screenshot(page, 'workspace-orders-phone');
    await page.goto(`${h.baseUrl}/orders/${webOrderId}`);
    await expectAccessible(page);
    await screenshot(page, 'workspace-order-phone');
    // Nothing wider than the screen.
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    await page.close();
  });
});
