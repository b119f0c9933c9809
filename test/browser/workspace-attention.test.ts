/**
 * What needs a partner, in Chromium: the Subscriptions page filtered to lines closing within 3
 * days with "closes in N days", sorted by close; a bounced e-mail's banner on its order, and the
 * Resend dialog's warning that offers Edit contact instead. English and Italian, desktop and phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordEmailEvent } from '../../src/app/lines/record-email-event.js';
import type { PlacedOrder } from '../../src/app/orders/place-order.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const DAY_MS = 86_400_000;
const PIETRO = 'pietro@initech.example';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

describe('workspace: closing soon and delivery problems (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let open: PlacedOrder;
  /** A-FLEX (7 days) for Irene, MEET-PRO (30 days) for Pietro, whose e-mail bounces. */
  let flex: string;
  let meet: string;
  let booked: string;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    open = await h.world.order({
      endCustomerName: 'Initech Srl',
      lines: [
        {
          offerCode: 'A-FLEX',
          quantity: 50,
          provisioningContact: { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' },
        },
        {
          offerCode: 'MEET-PRO',
          quantity: 5,
          provisioningContact: { name: 'Pietro Neri', email: PIETRO, language: 'it' },
        },
      ],
    });
    [flex, meet] = open.subscriptionIds as [string, string];
    booked = (await h.world.order({ endCustomerName: 'Hooli Srl', rsd: '2026-12-30' })).subscriptionIds[0]!;
    await h.deliverMail(); // 1 December: the RSD e-mails
    const send = await h.world.deps.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('subscription_id', '=', meet)
      .executeTakeFirstOrThrow();
    await recordEmailEvent(h.world.deps, {
      type: 'bounced',
      ref: { sendId: send.id },
      detail: '550 5.1.1 mailbox unknown',
    });
    // 6 December: the A-FLEX line closes in 2 days, the MEET-PRO line in 25.
    h.world.clock.advance(5 * DAY_MS);
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
  const rowIds = (page: Page) =>
    page.locator('table.lines tbody tr[id^="line-"]').evaluateAll((rows) => rows.map((r) => r.id.slice(5)));

  it('filters to the lines closing within 3 days and says how many days are left', async () => {
    const page = await alicePage(DESKTOP);
    await page.goto(`${h.baseUrl}/subscriptions`);
    await page.getByLabel('Closing').selectOption({ label: 'Within 3 days' });
    await page.getByRole('button', { name: 'Search' }).click();
    expect(new URL(page.url()).searchParams.get('closingWithinDays')).toBe('3');
    expect(await rowIds(page)).toEqual([flex]);
    await expect(page.locator(`#line-${flex}`).textContent()).resolves.toContain('closes in 2 days');
    await expectAccessible(page);
    await screenshot(page, 'subscriptions-closing-soon');

    await page.getByLabel('Closing').selectOption({ label: 'Within 7 days' });
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await rowIds(page)).toEqual([flex]);

    // Soonest close first; the Booked line, which does not close yet, last.
    await page.goto(`${h.baseUrl}/subscriptions?sort=closesAt`);
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('closesAt');
    expect(await rowIds(page)).toEqual([flex, meet, booked]);
    await expect(page.locator(`#line-${meet}`).textContent()).resolves.toContain('closes in 25 days');

    await page.getByLabel('Delivery problems only').check();
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await rowIds(page)).toEqual([meet]);
    await expect(page.locator(`#line-${meet}`).textContent()).resolves.toContain('Delivery problem');
    await expectAccessible(page);
    await page.close();
  });

  it('says "1 day", singular, on the last day', async () => {
    h.world.clock.advance(1.5 * DAY_MS);
    try {
      const page = await alicePage(DESKTOP);
      await page.goto(`${h.baseUrl}/subscriptions?closingWithinDays=3`);
      await expect(page.locator(`#line-${flex}`).textContent()).resolves.toMatch(/closes in 1 day(?!s)/);
      await page.close();
    } finally {
      h.world.clock.advance(-1.5 * DAY_MS);
    }
  });

  it('shows the bounce on the order and warns before a resend to the same address', async () => {
    const page = await alicePage(DESKTOP);
    const row = page.getByRole('row').filter({ hasText: open.webOrderId });
    await expect(row.textContent()).resolves.toContain('Delivery problem (1)');
    await expect(row.textContent()).resolves.toContain('Earliest close: 8 December 2026, 09:00 UTC');
    await expectAccessible(page);
    await screenshot(page, 'orders-attention');
    await page.goto(`${h.baseUrl}/orders/${open.webOrderId}`);
    const banner = page.locator('.delivery-problems');
    await expect(banner.textContent()).resolves.toContain(`The e-mail to ${PIETRO} bounced`);
    await expect(banner.textContent()).resolves.toContain(meet);
    await expectAccessible(page);
    await screenshot(page, 'order-bounce-banner');

    await page.getByRole('link', { name: `Resend ${meet}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Resend Confirmation' });
    await expect(dialog.textContent()).resolves.toContain('will most likely not arrive either');
    await expectAccessible(page);
    await screenshot(page, 'order-bounce-resend-dialog');
    await dialog.getByRole('link', { name: 'Edit contact' }).click();
    expect(new URL(page.url()).pathname).toBe(`/subscriptions/${meet}/contact`);

    await page.goto(`${h.baseUrl}/orders/${open.webOrderId}`);
    await banner.getByRole('link', { name: 'change the contact' }).click();
    expect(new URL(page.url()).pathname).toBe(`/subscriptions/${meet}/contact`);
    // The line's own page: the banner, and the days left beside the close instant.
    await page.goto(`${h.baseUrl}/subscriptions/${meet}`);
    await expect(page.locator('.delivery-problems').textContent()).resolves.toContain(`${PIETRO} bounced`);
    await expect(page.locator('main dl').textContent()).resolves.toContain('closes in 25 days');
    await expectAccessible(page);
    // The confirmation page without the dialog says the same.
    await page.goto(`${h.baseUrl}/subscriptions/${meet}/resend`);
    await expect(page.locator('main').textContent()).resolves.toContain(`The e-mail to ${PIETRO} bounced.`);
    // A line whose e-mail arrived is resent without a warning.
    await page.goto(`${h.baseUrl}/subscriptions/${flex}/resend`);
    await expect(page.locator('main').textContent()).resolves.not.toContain('bounced');
    await page.close();
  });

  it('reads well in Italian on a phone', async () => {
    const page = await alicePage(PHONE);
    await page.goto(`${h.baseUrl}/subscriptions?closingWithinDays=3&lang=it`);
    expect(await rowIds(page)).toEqual([flex]);
    await expect(page.locator(`#line-${flex}`).textContent()).resolves.toContain('si chiude tra 2 giorni');
    await expect(page.getByLabel('Chiusura').locator('option:checked').textContent()).resolves.toBe(
      'Entro 3 giorni',
    );
    await expectAccessible(page);
    await screenshot(page, 'subscriptions-closing-soon-it-phone');

    await page.goto(`${h.baseUrl}/orders/${open.webOrderId}?lang=it`);
    await expect(page.locator('.delivery-problems').textContent()).resolves.toContain(
      `L’e-mail a ${PIETRO} è stata respinta`,
    );
    await expectAccessible(page);
    await screenshot(page, 'order-bounce-banner-it-phone');
    await page.close();
  });

  it('reads well in English on a phone and in Italian on a desktop', async () => {
    const phone = await alicePage(PHONE);
    await phone.goto(`${h.baseUrl}/orders/${open.webOrderId}?lang=en`);
    await expect(phone.locator('.delivery-problems').textContent()).resolves.toContain('bounced');
    await expectAccessible(phone);
    await screenshot(phone, 'order-bounce-banner-phone');
    await phone.close();

    const desk = await alicePage(DESKTOP);
    await desk.goto(`${h.baseUrl}/subscriptions?deliveryProblem=true&lang=it`);
    expect(await rowIds(desk)).toEqual([meet]);
    await expect(desk.locator(`#line-${meet}`).textContent()).resolves.toContain('Problema di consegna');
    await expectAccessible(desk);
    await screenshot(desk, 'subscriptions-delivery-problem-it');
    await desk.close();
  });
});
