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

describe('workspace: Subscriptions page, pending lines, bulk actions, Italian (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  /** An A-FLEX line that closes unprovisioned, and a MEET-PRO line still awaiting. */
  let open: PlacedOrder;
  /** Its RSD is far away: resend is refused until then. */
  let later: PlacedOrder;
  /** Mapped: past the point of no return. */
  let onboarded: PlacedOrder;
  let flex: string;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const irene = { name: 'Irene Conti', email: IRENE, language: 'en' as const };
    open = await h.world.order({
      endCustomerName: 'Initech Srl',
      lines: [
        { offerCode: 'A-FLEX', quantity: 50, provisioningContact: irene },
        { offerCode: 'MEET-PRO', quantity: 5, provisioningContact: irene },
      ],
    });
    flex = open.subscriptionIds[0]!;
    onboarded = await h.world.order({ endCustomerName: 'Globex Italia' });
    later = await h.world.order({ endCustomerName: 'Hooli Srl', rsd: '2026-12-30' });
    await h.deliverMail();
    await mapOrderToOrganization(h.world.deps, {
      orderId: onboarded.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    // The A-FLEX policy period (7 days from the first e-mail) runs: a reminder 3 days before the
    // end, then the line closes, pending.
    h.world.clock.advance(4 * DAY_MS);
    await h.deliverMail();
    h.world.clock.advance(3 * DAY_MS);
    await h.deliverMail();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function alicePage(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
    await signIn(page, h, 'alice');
    return page;
  }

  it('finds a closed line from the order page ("Click here") and resends it from the Subscriptions page', async () => {
    const page = await alicePage();
    await page.goto(`${h.baseUrl}/orders/${open.webOrderId}`);
    const row = page.locator(`#line-${flex}`);
    await expect(row.textContent()).resolves.toContain('Provisioning still pending');
    await expect(row.textContent()).resolves.toContain(
      'This line closed before setup. Click here to find it on the Subscriptions page.',
    );
    await row.getByRole('link', { name: 'Click here' }).click();
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe(`/subscriptions?pendingProvisioning=true&q=${flex}`);
    await expect(page.getByLabel('Provisioning still pending only').isChecked()).resolves.toBe(true);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Closed');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-subscriptions-pending');

    const before = (await h.mailbox(IRENE)).length;
    await page.getByRole('link', { name: `Resend ${flex}` }).click();
    await page
      .getByRole('dialog', { name: 'Resend Confirmation' })
      .getByRole('button', { name: 'Yes' })
      .click();
    await page.waitForURL((u) => u.pathname === '/subscriptions' && u.searchParams.has('sent'));
    expect(new URL(page.url()).searchParams.get('q')).toBe(flex);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `The provisioning e-mail is queued for ${IRENE}: it will be sent shortly.`,
    );
    await h.deliverMail();
    expect(await h.mailbox(IRENE)).toHaveLength(before + 1);

    // The line's timeline tells the whole story in words.
    await page.getByRole('link', { name: flex, exact: true }).click();
    const timeline = (await page.locator('ol.timeline').textContent()) ?? '';
    expect(timeline).toContain(`Reminder to ${IRENE}`);
    expect(timeline).toContain('Closed before setup: provisioning still pending');
    expect(timeline).toContain(`Provisioning e-mail resent to ${IRENE}`);
    await page.close();
  });

  it('resends several lines at once and says, per line, what was done and what was refused', async () => {
    const page = await alicePage();
    await page.goto(`${h.baseUrl}/subscriptions`);
    const picks = [flex, open.subscriptionIds[1]!, later.subscriptionIds[0]!, onboarded.subscriptionIds[0]!];
    for (const id of picks) await page.getByLabel(`Select ${id}`).check();
    await page.getByRole('button', { name: 'Resend selected' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Resend selected');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Are you sure you want to resend the provisioning e-mail of these 2 lines?',
    );
    // Before Yes: the lines that will be refused, and why, come first.
    const refusals = page.locator('section.bulk-refused');
    await expect(refusals.getByRole('heading').textContent()).resolves.toBe(
      '2 selected lines will be refused',
    );
    await expect(refusals.textContent()).resolves.toContain('The requested start date has not arrived yet');
    await expect(refusals.textContent()).resolves.toContain('This order is already onboarded');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();

    await expect(page.getByRole('status').textContent()).resolves.toContain('2 done, 2 refused.');
    const result = (id: string) => page.getByRole('row').filter({ hasText: id });
    await expect(result(flex).textContent()).resolves.toContain(`Done`);
    await expect(result(flex).textContent()).resolves.toContain(
      `The provisioning e-mail is queued for ${IRENE}: it will be sent shortly.`,
    );
    await expect(result(later.subscriptionIds[0]!).textContent()).resolves.toContain(
      'The requested start date has not arrived yet',
    );
    const ponr = result(onboarded.subscriptionIds[0]!);
    await expect(ponr.textContent()).resolves.toContain('Refused');
    await expect(ponr.getByRole('link', { name: `${h.baseUrl}/admin` }).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-bulk-summary');
    await page.close();
  });

  it('changes the contact of several lines, each line on its own', async () => {
    const page = await alicePage();
    await page.goto(`${h.baseUrl}/orders/${open.webOrderId}`);
    for (const id of open.subscriptionIds) await page.getByLabel(`Select ${id}`).check();
    await page.getByRole('button', { name: 'Change contact of selected' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain(
      'These 2 lines get the provisioning contact',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-bulk-contact');
    await page.getByLabel('Name', { exact: true }).fill('Nadia Greco');
    await page.getByLabel('E-mail', { exact: true }).fill('nadia@initech.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('2 done, 0 refused.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back' }).click();
    expect(new URL(page.url()).pathname).toBe(`/orders/${open.webOrderId}`);
    for (const id of open.subscriptionIds)
      await expect(page.locator(`#line-${id} .contact-email`).textContent()).resolves.toBe(
        'nadia@initech.example',
      );
    await page.close();
  });

  it('speaks Italian', async () => {
    const page = await alicePage();
    await page.goto(`${h.baseUrl}/subscriptions?pendingProvisioning=true&lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Abbonamenti');
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    const row = page.locator(`#line-${flex}`);
    await expect(row.textContent()).resolves.toContain('Provisioning ancora in sospeso');
    await row.getByRole('link', { name: `Invia di nuovo ${flex}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Conferma del nuovo invio' });
    await expect(dialog.textContent()).resolves.toContain(
      'Vuole davvero inviare di nuovo l’e-mail di provisioning',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-resend-dialog-it');
    await dialog.getByRole('button', { name: 'Sì' }).click();
    await page.waitForURL((u) => u.searchParams.has('sent'));
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'L’e-mail di provisioning è in coda per nadia@initech.example: sarà inviata a breve.',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-subscriptions-it');

    await page.goto(`${h.baseUrl}/orders/${open.webOrderId}`);
    await expect(page.locator(`#line-${flex}`).textContent()).resolves.toContain('Clicchi qui');
    await page.locator(`#line-${flex} + tr summary`).click();
    await expect(page.locator(`#line-${flex} + tr ol.timeline`).textContent()).resolves.toContain(
      'Chiusa prima della configurazione',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-order-it');
    await page.close();
  });

  it('reads well on a phone', async () => {
    const page = await alicePage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${h.baseUrl}/subscriptions`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await screenshot(page, 'workspace-subscriptions-phone');
    await page.close();
  });
});
