/**
 * The Orders list's "provisioning still pending" count and filter; send statuses that explain
 * themselves on hover and keyboard focus and link to the help page; the bulk resend confirmation
 * listing refusals before Yes, and its results page that a reload and the language switch show
 * again without acting again. English and Italian, desktop and phone, axe 0 serious/critical.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlacedOrder } from '../../src/app/orders/place-order.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const DAY_MS = 86_400_000;
const IRENE = 'irene@initech.example';
const PIETRO = 'pietro@initech.example';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

describe('workspace: pending count, send statuses, bulk refusals and results (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  /** An A-FLEX line that closes unprovisioned (Irene) and a MEET-PRO line still awaiting (Pietro). */
  let pending: PlacedOrder;
  let flex: string;
  let meet: string;
  /** Booked: its RSD is far away. */
  let later: string;
  /** Mapped: past the point of no return. */
  let onboarded: string;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    pending = await h.world.order({
      endCustomerName: 'Initech Srl',
      lines: [
        {
          offerCode: 'A-FLEX',
          quantity: 50,
          provisioningContact: { name: 'Irene Conti', email: IRENE, language: 'en' },
        },
        {
          offerCode: 'MEET-PRO',
          quantity: 5,
          provisioningContact: { name: 'Pietro Neri', email: PIETRO, language: 'it' },
        },
      ],
    });
    [flex, meet] = pending.subscriptionIds as [string, string];
    const mapped = await h.world.order({ endCustomerName: 'Globex Italia' });
    onboarded = mapped.subscriptionIds[0]!;
    later = (await h.world.order({ endCustomerName: 'Hooli Srl', rsd: '2026-12-30' })).subscriptionIds[0]!;
    await h.deliverMail();
    await mapOrderToOrganization(h.world.deps, {
      orderId: mapped.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    // The A-FLEX period (7 days from the first e-mail) runs out: that line closes, pending.
    h.world.clock.advance(4 * DAY_MS);
    await h.deliverMail();
    h.world.clock.advance(3 * DAY_MS);
    await h.deliverMail();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function alicePage(options: Parameters<Browser['newPage']>[0]): Promise<Page> {
    const page = await browser.newPage(options);
    await signIn(page, h, 'alice');
    return page;
  }
  const expectAccessible = async (page: Page) => expect(await seriousA11yViolations(page)).toEqual([]);
  const orderRows = (page: Page) =>
    page.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('a')?.textContent));
  const sendCount = async () =>
    Number(
      (
        await h.world.deps.db
          .selectFrom('provisioning_email')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('counts the lines with provisioning still pending and filters the orders to them', async () => {
    const page = await alicePage(DESKTOP);
    await page.goto(`${h.baseUrl}/orders?lang=en`);
    const row = page.getByRole('row').filter({ hasText: pending.webOrderId });
    await expect(row.locator('.badge.closed').textContent()).resolves.toBe('Closed (1)');
    await expect(row.locator('.badge.pending').textContent()).resolves.toBe('Provisioning still pending (1)');
    expect((await orderRows(page)).length).toBe(3);

    await page.getByLabel('Status').selectOption({ label: 'Closed — provisioning still pending' });
    await page.getByRole('button', { name: 'Search' }).click();
    // The URL changes when the new page commits; its rows are there once it has loaded.
    await page.waitForURL((url) => url.searchParams.get('status') === 'pendingProvisioning');
    expect(await orderRows(page)).toEqual([pending.webOrderId]);
    await expectAccessible(page);
    await screenshot(page, 'orders-pending-filter');
    await page.close();
  });

  it('explains each send status on hover and on keyboard focus, with a link to the help page', async () => {
    const page = await alicePage(DESKTOP);
    await page.goto(`${h.baseUrl}/subscriptions/${meet}?lang=en`);
    const status = page.locator('table .send-status').first();
    const badge = status.locator('a');
    await expect(badge.getAttribute('href')).resolves.toBe('/help#send-statuses');
    const tip = status.locator('.tip');
    // Hidden until asked for, but always in the link's name for screen readers.
    await expect(tip.isVisible()).resolves.toBe(false);
    await expect(
      page.getByRole('link', { name: /^Sent ?: The recipient’s mail server accepted it/ }).count(),
    ).resolves.toBeGreaterThan(0);

    await badge.hover();
    expect((await tip.boundingBox())!.width).toBeGreaterThan(100);
    await expect(tip.textContent()).resolves.toContain('The recipient’s mail server accepted it');
    await page.mouse.move(0, 0);
    await expect(tip.isVisible()).resolves.toBe(false);

    // From the keyboard: Tab reaches the badge and its explanation shows.
    await page.locator('h1').click();
    const focused = page.locator('.send-status:focus-within');
    for (let i = 0; i < 40 && (await focused.count()) === 0; i++) await page.keyboard.press('Tab');
    expect(await focused.count()).toBe(1);
    const shown = page.locator('.send-status:focus-within .tip');
    expect((await shown.boundingBox())!.width).toBeGreaterThan(100);
    await expectAccessible(page);
    await screenshot(page, 'send-status-explained');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/help');
    expect(new URL(page.url()).hash).toBe('#send-statuses');
    await page.close();
  });

  it('lists the refused lines first, then asks; the results survive a reload and a language switch', async () => {
    const page = await alicePage(DESKTOP);
    await page.goto(`${h.baseUrl}/subscriptions?lang=en`);
    for (const id of [later, onboarded, meet, flex]) await page.getByLabel(`Select ${id}`).check();
    await page.getByRole('button', { name: 'Resend selected' }).click();
    const refused = page.locator('section.bulk-refused');
    await expect(refused.getByRole('heading').textContent()).resolves.toBe(
      '2 selected lines will be refused',
    );
    await expect(refused.getByRole('row').filter({ hasText: later }).textContent()).resolves.toContain(
      'The requested start date has not arrived yet',
    );
    await expect(refused.getByRole('row').filter({ hasText: onboarded }).textContent()).resolves.toContain(
      'This order is already onboarded',
    );
    const going = page.locator('section.bulk-going');
    await expect(going.getByRole('heading').textContent()).resolves.toBe('2 lines will go');
    // Refusals come before the lines that go, and both before Yes.
    const order = await page
      .locator('main section.bulk-refused, main section.bulk-going, main button[type="submit"]')
      .evaluateAll((els) => els.map((e) => e.className || e.textContent));
    expect(order).toEqual(['notice warn bulk-refused', 'bulk-going', 'Yes']);
    await expectAccessible(page);
    await screenshot(page, 'bulk-resend-refusals');

    const before = await sendCount();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/subscriptions/bulk/results');
    const status = page.getByRole('status');
    await expect(status.textContent()).resolves.toContain('2 done, 2 refused.');
    await expect(status.textContent()).resolves.toContain(
      `The 2 provisioning e-mails were queued for ${PIETRO} and ${IRENE}: they will be sent shortly.`,
    );
    expect(await sendCount()).toBe(before + 2);

    await page.reload();
    await expect(status.textContent()).resolves.toContain('2 done, 2 refused.');
    expect(await sendCount()).toBe(before + 2);
    await page.getByRole('link', { name: 'Italiano' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Nuovo invio delle selezionate: risultati');
    await expect(status.textContent()).resolves.toContain('2 eseguite, 2 rifiutate.');
    await expect(status.textContent()).resolves.toContain(
      `Le 2 e-mail di provisioning sono state messe in coda per ${PIETRO} e ${IRENE}`,
    );
    expect(await sendCount()).toBe(before + 2);
    await expectAccessible(page);
    await screenshot(page, 'bulk-resend-results-it');

    await h.deliverMail();
    await page.reload();
    await expect(status.textContent()).resolves.toContain(
      `Le 2 e-mail di provisioning sono state inviate a ${PIETRO} e ${IRENE}.`,
    );
    await page.goto(`${h.baseUrl}/subscriptions?lang=en`);
    await page.close();
  });

  it('reads well on a phone, in Italian and in English', async () => {
    const it = await alicePage(PHONE);
    await it.goto(`${h.baseUrl}/orders?status=pendingProvisioning&lang=it`);
    const row = it.getByRole('row').filter({ hasText: pending.webOrderId });
    await expect(row.locator('.badge.pending').textContent()).resolves.toBe(
      'Provisioning ancora in sospeso (1)',
    );
    await expect(it.getByLabel('Stato').locator('option:checked').textContent()).resolves.toBe(
      'Chiusa — provisioning ancora in sospeso',
    );
    await expectAccessible(it);
    await screenshot(it, 'orders-pending-filter-it-phone');
    await it.goto(`${h.baseUrl}/subscriptions/bulk?action=contact&line=${onboarded}&line=${meet}`);
    await expect(it.locator('section.bulk-refused').getByRole('heading').textContent()).resolves.toBe(
      '1 riga selezionata sarà rifiutata',
    );
    await expectAccessible(it);
    await screenshot(it, 'bulk-contact-refusals-it-phone');
    await it.close();

    const en = await alicePage(PHONE);
    await en.goto(`${h.baseUrl}/subscriptions/${meet}?lang=en`);
    await en.locator('table .send-status a').first().focus();
    expect((await en.locator('.send-status:focus-within .tip').boundingBox())!.width).toBeGreaterThan(100);
    await expectAccessible(en);
    await screenshot(en, 'send-status-explained-phone');
    await en.close();
  });
});
