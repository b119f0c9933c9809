/**
 * The organization finder in Chromium: an existing customer admin is offered their own
 * organization (and its fixed data region); otherwise organizations sharing the first five
 * letters AND the e-mail domain are offered, and the others are never shown.
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

describe('setup wizard: organization finder (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const now = h.world.clock.now();
    const orgs = [
      {
        id: 'org_match',
        name: 'Initech Italia',
        country: 'IT',
        data_region: 'Europe',
        admin: 'ugo@initech.example',
      },
      {
        id: 'org_nameonly',
        name: 'Initech GmbH',
        country: 'DE',
        data_region: 'Europe',
        admin: 'hans@initech.de',
      },
      {
        id: 'org_domainonly',
        name: 'Umbrella',
        country: 'US',
        data_region: 'North America',
        admin: 'zed@initech.example',
      },
      {
        id: 'org_japan',
        name: 'Hooli Japan',
        country: 'JP',
        data_region: 'Asia-Pacific',
        admin: 'kenji@hooli.example',
      },
    ];
    await h.world.store.db
      .insertInto('organization')
      .values(orgs.map(({ admin: _, ...o }) => ({ ...o, kind: 'customer' as const, created_at: now })))
      .execute();
    await h.world.store.db
      .insertInto('app_user')
      .values(
        orgs.map((o) => ({
          id: `usr_${o.id}`,
          organization_id: o.id,
          role: 'customer_admin' as const,
          name: `Admin of ${o.name}`,
          email: o.admin,
          language: 'en' as const,
          created_at: now,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openOrganizationStep(page: Page, contact: string, endCustomerName: string) {
    await h.world.order({
      endCustomerName,
      lines: [
        {
          offerCode: 'CALL-STD',
          quantity: 40,
          provisioningContact: { name: 'Pat', email: contact, language: 'en' },
        },
      ],
    });
    await h.deliverMail();
    const [mail] = await h.mailbox(contact);
    await page.goto(mail!.links.find((l) => l.includes('/setup/'))!);
    await page.getByRole('link', { name: 'I will set up the service' }).click();
  }

  async function check(page: Page, name: string) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('offers the organizations of the same company (five letters and e-mail domain), and only those', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openOrganizationStep(page, 'pat@initech.example', 'INITECH Srl');
    const options = await page
      .getByRole('radio')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(options).toEqual(['org_match', 'new']);
    const main = (await page.locator('main').textContent()) ?? '';
    for (const hidden of ['Initech GmbH', 'Umbrella', 'Hooli']) expect(main).not.toContain(hidden);
    await check(page, 'setup-finder-suggested');

    await page.getByRole('radio', { name: /Initech Italia/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // An existing organization keeps its country: straight to the review.
    await page.waitForURL(/\/review\?/);
    await expect(page.locator('.setup-review').textContent()).resolves.toContain('Initech Italia');
    // Pat is not one of its administrators: confirming asks them (join-request.test.ts follows on).
    await page.getByRole('button', { name: 'Ask to join Initech Italia' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, send the request' }).click();
    await page.waitForURL(/\/setup\/[A-Za-z0-9_-]+$/);
    await expect(page.locator('main').textContent()).resolves.toContain(
      "Waiting for the organization's approval",
    );
  });

  it('offers an existing customer admin their own organization, with its fixed data region', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openOrganizationStep(page, 'KENJI@hooli.example', 'Something Else KK');
    await expect(page.locator('main').textContent()).resolves.toContain('Your organization');
    const options = await page
      .getByRole('radio')
      .evaluateAll((els) =>
        els.map(
          (e) => (e as unknown as { value: string; checked: boolean }).checked && e.getAttribute('value'),
        ),
      );
    expect(options).toEqual(['org_japan']);
    await expect(page.getByRole('radio', { name: 'Create a new organization' }).count()).resolves.toBe(0);
    await check(page, 'setup-finder-yours-phone');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/review\?/);
    const review = (await page.locator('.setup-review').textContent()) ?? '';
    expect(review).toContain('Japan');
    expect(review).toContain('Asia-Pacific');
    expect(review).toContain('the data region cannot be changed later');
    await check(page, 'setup-finder-yours-review-phone');
  });

  it('a stranger with the same domain but another name sees no organization, only "create new"', async () => {
    const page = await browser.newPage();
    await openOrganizationStep(page, 'mo@initech.example', 'Initrode Srl');
    const options = await page
      .getByRole('radio')
      .evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(options).toEqual(['new']);
    expect(await page.getByRole('radio', { name: 'Create a new organization' }).isChecked()).toBe(true);
    await check(page, 'setup-finder-none');
  });
});
