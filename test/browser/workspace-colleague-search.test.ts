/**
 * Issue 19, items 3 and 6 in Chromium: a colleague of the placer searching Orders or Subscriptions
 * for an exact id they may not see is told the order exists and whom to ask (another partner sees
 * "No orders match", as for a missing id); after the PONR, the banner and the popup name the
 * customer organization. English and Italian, desktop and phone, axe: nothing serious.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import type { UserKey } from '../support/world.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true };

describe('workspace: find it anyway, and whose order it is after the PONR (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.context().close()));
    await browser?.close();
    await h?.close();
  });

  const as = async (who: UserKey, options: BrowserContextOptions) => {
    const page = await (await browser.newContext(options)).newPage();
    pages.push(page);
    await signIn(page, h, who);
    return page;
  };
  const search = async (page: Page, path: string, q: string, lang: 'en' | 'it') => {
    await page.goto(`${h.baseUrl}${path}?lang=${lang}`);
    await page.locator('#q').fill(q);
    await page.locator('#q').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === q);
  };
  const mainText = async (page: Page) =>
    (await page.locator('main').textContent())?.replace(/\s+/g, ' ') ?? '';

  it('a colleague searching Orders for the web order id is told whom to ask (en, desktop)', async () => {
    const placed = await h.world.order({ endCustomerName: 'Umbrella Spa' });
    const marco = await as('marco', DESKTOP);
    await search(marco, '/orders', placed.webOrderId, 'en');
    const notice = marco.getByRole('status');
    await expect(notice.textContent()).resolves.toContain(
      'This order exists — ask Alice Rossi <alice@acme.example>',
    );
    await expect(mainText(marco)).resolves.not.toContain('No orders match');
    await expect(notice.getByRole('link', { name: 'alice@acme.example' }).getAttribute('href')).resolves.toBe(
      'mailto:alice@acme.example',
    );
    expect(await seriousA11yViolations(marco)).toEqual([]);
    await screenshot(marco, 'workspace-colleague-search');

    // The link opens the page that says who placed it.
    await notice.getByRole('link', { name: `Whom to ask for access to ${placed.webOrderId}` }).click();
    await expect(marco.locator('h1').textContent()).resolves.toBe('You do not have access to this order');
  });

  it('the same on Subscriptions for the subscription id (it, phone)', async () => {
    const placed = await h.world.order();
    const [line] = placed.subscriptionIds as [string];
    const marco = await as('marco', PHONE);
    await search(marco, '/subscriptions', line, 'it');
    await expect(marco.getByRole('status').textContent()).resolves.toContain(
      'Questo ordine esiste — lo chieda a Alice Rossi <alice@acme.example>',
    );
    await expect(mainText(marco)).resolves.not.toContain('Nessuna riga');
    expect(await seriousA11yViolations(marco)).toEqual([]);
    await screenshot(marco, 'workspace-colleague-search-it-phone');
  });

  it('another partner learns nothing: the page a missing id gets', async () => {
    const placed = await h.world.order();
    const bob = await as('bob', PHONE);
    await search(bob, '/orders', placed.webOrderId, 'en');
    const found = (await mainText(bob)).replaceAll(placed.webOrderId, '«q»');
    await search(bob, '/orders', 'WO-404-404', 'en');
    const missing = (await mainText(bob)).replaceAll('WO-404-404', '«q»');
    expect(found).toBe(missing);
    expect(found).toContain('No orders match');
    expect(found).not.toContain('Alice');
    await expect(bob.getByRole('status').count()).resolves.toBe(0);
  });

  it('after the PONR the banner and popup name the customer organization (en desktop, it phone)', async () => {
    const placed = await h.world.order();
    await h.deliverMail();
    await mapOrderToOrganization(h.world.deps, {
      orderId: placed.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const [line] = placed.subscriptionIds as [string];

    const alice = await as('alice', DESKTOP);
    await alice.goto(`${h.baseUrl}/orders/${placed.orderId}?lang=en`);
    const said =
      'It was mapped to Globex Italia. To change anything now, ask the administrators of Globex Italia in the admin portal.';
    await expect(alice.locator('#onboarded').textContent()).resolves.toContain(said);
    await alice.getByRole('link', { name: `Resend ${line}` }).click();
    const dialog = alice.getByRole('dialog', { name: 'Order already onboarded' });
    await expect(dialog.textContent()).resolves.toContain(said);
    await expect(dialog.textContent()).resolves.not.toContain('@globex');
    expect(await seriousA11yViolations(alice)).toEqual([]);
    await screenshot(alice, 'workspace-ponr-organization');

    const phone = await as('alice', PHONE);
    await phone.goto(`${h.baseUrl}/subscriptions?lang=it`);
    await phone.getByRole('link', { name: `Modifica ${line}` }).click();
    const dialogIt = phone.getByRole('dialog', { name: 'Ordine già integrato' });
    await expect(dialogIt.textContent()).resolves.toContain(
      'È stato collegato a Globex Italia. Per modificare qualcosa ora, si rivolga agli amministratori di Globex Italia nel portale di amministrazione.',
    );
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'workspace-ponr-organization-it-phone');
  });
});
