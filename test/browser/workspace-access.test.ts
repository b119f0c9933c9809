import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const ONBOARDED =
  'This order is already onboarded. The provisioning contact or an administrator can complete setup in the admin portal:';

describe('workspace: point of no return, no access, help (Chromium)', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const mapToGlobex = (orderId: string) =>
    mapOrderToOrganization(h.world.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });

  it('after the PONR, Resend and Edit open a popup pointing to the admin portal', async () => {
    const placed = await h.world.order();
    await h.deliverMail();
    await mapToGlobex(placed.orderId);
    const [line] = placed.subscriptionIds;
    const admin = `${h.baseUrl}/admin`;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/${placed.webOrderId}`);
    await expect(page.locator(`#line-${line}`).textContent()).resolves.toContain('Provisioned');
    for (const action of ['Resend', 'Edit']) {
      await page.getByRole('link', { name: `${action} ${line}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Order already onboarded' });
      await expect(dialog.textContent()).resolves.toContain(ONBOARDED);
      await expect(dialog.getByRole('link', { name: admin }).getAttribute('href')).resolves.toBe(admin);
      if (action === 'Resend') {
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, 'workspace-ponr-popup');
      }
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog.isVisible()).resolves.toBe(false);
    }

    // The line's history says when and by whom the order was onboarded.
    const history = page.locator(`#line-${line} + tr details`);
    await history.locator('summary').click();
    await expect(history.textContent()).resolves.toContain(
      'Order mapped to a customer organization (point of no return)',
    );
    await expect(history.textContent()).resolves.toContain('by Carla Neri <carla@globex.example>');

    // Without JavaScript the same words are on a page of their own.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const nojs = await context.newPage();
    await signIn(nojs, h, 'alice');
    await nojs.goto(`${h.baseUrl}/orders/${placed.webOrderId}`);
    await nojs.getByRole('link', { name: `Resend ${line}` }).click();
    expect(new URL(nojs.url()).pathname).toBe(`/subscriptions/${line}/onboarded`);
    await expect(nojs.locator('main').textContent()).resolves.toContain(ONBOARDED);
    await expect(nojs.getByRole('link', { name: admin }).count()).resolves.toBe(1);
    await screenshot(nojs, 'workspace-ponr-nojs');
    await context.close();
    await page.close();
  });

  it('a resend confirmed just after the mapping is refused under lock, with the admin portal link', async () => {
    const placed = await h.world.order();
    await h.deliverMail();
    const [line] = placed.subscriptionIds;
    const page = await browser.newPage();
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/${placed.webOrderId}`);
    await page.getByRole('link', { name: `Resend ${line}` }).click();
    await mapToGlobex(placed.orderId); // meanwhile, the customer confirms setup
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('dialog').getByRole('button', { name: 'Yes', exact: true }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(page.locator('h1').textContent()).resolves.toBe('Order already onboarded');
    await expect(page.getByRole('link', { name: `${h.baseUrl}/admin` }).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('a colleague without access is told who placed the order; another partner learns nothing', async () => {
    const placed = await h.world.order({ endCustomerName: 'Umbrella Spa' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'marco');
    const response = await page.goto(`${h.baseUrl}/orders/${placed.webOrderId}`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('You do not have access to this order');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Ask the person who placed it, Alice Rossi <alice@acme.example>',
    );
    await expect(page.getByRole('link', { name: 'alice@acme.example' }).getAttribute('href')).resolves.toBe(
      'mailto:alice@acme.example',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-no-access');

    // Searching for it says the same instead of "no orders".
    await page.goto(`${h.baseUrl}/orders?q=${placed.webOrderId}`);
    await expect(page.locator('main').textContent()).resolves.toContain('Alice Rossi <alice@acme.example>');
    // And so do the line's own pages.
    const line = await page.goto(`${h.baseUrl}/subscriptions/${placed.subscriptionIds[0]}/resend`);
    expect(line?.status()).toBe(403);
    await expect(page.locator('main').textContent()).resolves.toContain('Alice Rossi');

    const other = await browser.newPage();
    await signIn(other, h, 'bob');
    const refused = await other.goto(`${h.baseUrl}/orders/${placed.webOrderId}`);
    expect(refused?.status()).toBe(404);
    await expect(other.locator('main').textContent()).resolves.not.toContain('Alice');
    await other.close();
    await page.close();
  });

  it('the troubleshooting page is public, linked from the order page, and names the sender to allow-list', async () => {
    const placed = await h.world.order();
    const page = await browser.newPage();
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/${placed.webOrderId}`);
    await page.getByRole('link', { name: 'Troubleshooting the provisioning e-mail' }).click();
    expect(new URL(page.url()).pathname).toBe('/help/provisioning');
    await page.close();

    const context = await browser.newContext(); // signed out
    const visitor = await context.newPage();
    const response = await visitor.goto(`${h.baseUrl}/help/provisioning`);
    expect(response?.status()).toBe(200);
    const text = (await visitor.locator('main').textContent()) ?? '';
    expect(text).toContain('provisioning@onramp.test');
    for (const words of [
      'spam',
      'allow-list',
      'cache and cookies',
      'private (incognito) window',
      'support case',
    ])
      expect(text).toContain(words);
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'workspace-help');
    await context.close();
  });
});
