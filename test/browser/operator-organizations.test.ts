/**
 * The operator's home in Chromium: olga signs in and lands on /operator (first steps while there is
 * no partner), creates a partner, opens it, renames it, deactivates it through the confirmation
 * dialog (a signed-in user of that organization is out at once) and reactivates it; bad names are
 * refused next to the field. English and Italian, phone and desktop, axe-clean; others are refused.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('operator: organizations (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }
  const notice = (page: Page) => page.getByRole('status').first().textContent();

  it('lands on /operator, creates a partner, renames, deactivates through the dialog and reactivates it', async () => {
    // A fresh installation has no partner yet: the world's two partners become distributors here.
    await h.world.store.db
      .updateTable('organization')
      .set({ kind: 'distributor' })
      .where('kind', '=', 'partner')
      .execute();
    const page = await browser.newPage({ viewport: DESKTOP });
    try {
      await signIn(page, h, 'olga');
      expect(new URL(page.url()).pathname).toBe('/operator');
      await expect(page.locator('h1').textContent()).resolves.toBe('Organizations');
      await expect(page.getByRole('heading', { name: 'First steps' }).isVisible()).resolves.toBe(true);
      const opsRow = page.getByRole('row').filter({ hasText: 'Onramp Support' });
      await expect(opsRow.textContent()).resolves.toContain('Operators and support agents');
      await expectAccessible(page);
      await screenshot(page, 'operator-home-first-steps-desktop-en');

      // Bad names are refused next to the field, keeping what was typed.
      await page.getByLabel('Name', { exact: true }).fill('x');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'Enter a name of 2 to 200 characters.',
      );
      await expect(page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await expectAccessible(page);
      await page.getByLabel('Kind', { exact: true }).last().selectOption('distributor');
      await page.getByLabel('Name', { exact: true }).fill('northwind DISTRIBUTION');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('already exists');
      await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(
        'northwind DISTRIBUTION',
      );

      await page.getByLabel('Kind', { exact: true }).last().selectOption('partner');
      await page.getByLabel('Name', { exact: true }).fill('Contoso Partners');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/operator/organizations/'));
      await expect(notice(page)).resolves.toContain('Organization created');
      await expect(page.locator('h1').textContent()).resolves.toBe('Contoso Partners');
      const users = page.getByRole('link', { name: 'Users and invitations' });
      expect(await users.getAttribute('href')).toBe(`${new URL(page.url()).pathname}/users`);
      await expectAccessible(page);

      await page.getByLabel('New name').fill('Contoso Italia');
      await page.getByRole('button', { name: 'Rename' }).click();
      await page.waitForURL((url) => url.searchParams.get('renamed') === '1');
      await expect(page.locator('h1').textContent()).resolves.toBe('Contoso Italia');

      await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Deactivate Contoso Italia?');
      await expect(dialog.textContent()).resolves.toContain('Sign-ins, browser sessions and API tokens');
      await expect(dialog.textContent()).resolves.toContain('Its orders stay');
      await screenshot(page, 'operator-organization-deactivate-dialog-desktop-en');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog.isVisible()).resolves.toBe(false);
      await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await dialog.getByRole('button', { name: 'Deactivate organization' }).click();
      await page.waitForURL((url) => url.searchParams.get('deactivated') === '1');
      await expect(notice(page)).resolves.toContain('Organization deactivated');
      await expect(page.locator('.badge.org-deactivated').first().textContent()).resolves.toBe('Deactivated');
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Reactivate' }).click();
      await page.waitForURL((url) => url.searchParams.get('reactivated') === '1');
      await expect(notice(page)).resolves.toContain('Organization reactivated');
      const trail = page.getByRole('table', { name: 'Audit trail' });
      const rows = await trail.locator('tbody tr').allTextContents();
      expect(rows.map((r) => /Organization (created|renamed|deactivated|reactivated)/.exec(r)?.[0])).toEqual([
        'Organization reactivated',
        'Organization deactivated',
        'Organization renamed',
        'Organization created',
      ]);
      expect(rows[2]).toContain('Contoso Partners → Contoso Italia');
      expect(rows.every((r) => r.includes('Olga Operator <olga@ops.example>'))).toBe(true);
      await expectAccessible(page);
      await screenshot(page, 'operator-organization-desktop-en');

      await page.getByRole('link', { name: '← Organizations' }).click();
      await expect(page.getByRole('heading', { name: 'First steps' }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'Contoso Italia' }).isVisible()).resolves.toBe(true);
      await page.getByLabel('Name contains').fill('wind');
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect(page.locator('table.organizations tbody tr').count()).resolves.toBe(2);
      await screenshot(page, 'operator-home-desktop-en');
    } finally {
      await page.close();
      await h.world.store.db
        .updateTable('organization')
        .set({ kind: 'partner' })
        .where('id', 'in', ['org_acme', 'org_bright'])
        .execute();
    }
  });

  it('in Italian on a phone: deactivating signs a partner user out at once, reactivating lets them back', async () => {
    const bob = await browser.newPage({ viewport: DESKTOP });
    const page = await browser.newPage({ viewport: PHONE });
    try {
      await signIn(bob, h, 'bob');
      await signIn(page, h, 'olga');
      await page.goto(`${h.baseUrl}/operator?lang=it`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Organizzazioni');
      await page.getByLabel('Il nome contiene').fill('bright');
      await page.getByRole('button', { name: 'Applica' }).click();
      await page.getByRole('link', { name: 'Brightlink Partners' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Brightlink Partners');
      await expectAccessible(page);
      await screenshot(page, 'operator-organization-phone-it');

      await page.getByRole('button', { name: 'Disattiva', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading').textContent()).resolves.toBe(
        'Disattivare Brightlink Partners?',
      );
      await expect(dialog.textContent()).resolves.toContain('token API');
      await screenshot(page, 'operator-organization-deactivate-dialog-phone-it');
      await dialog.getByRole('button', { name: 'Disattiva organizzazione' }).click();
      await page.waitForURL((url) => url.searchParams.get('deactivated') === '1');
      await expect(notice(page)).resolves.toContain('Organizzazione disattivata');
      await expectAccessible(page);

      // Bob's session ended with the deactivation: the next page sends him to sign in.
      await bob.goto(`${h.baseUrl}/orders`);
      expect(new URL(bob.url()).pathname).toBe('/sign-in');

      await page.getByRole('button', { name: 'Riattiva' }).click();
      await page.waitForURL((url) => url.searchParams.get('reactivated') === '1');
      await expect(notice(page)).resolves.toContain('Organizzazione riattivata');
      await expect(
        page.getByRole('table', { name: 'Registro delle attività' }).textContent(),
      ).resolves.toContain('Organizzazione disattivata');
      await signIn(bob, h, 'bob');
      expect(new URL(bob.url()).pathname).toBe('/orders');
    } finally {
      await page.close();
      await bob.close();
    }
  });

  for (const [language, viewport, size] of [
    ['en', PHONE, 'phone'],
    ['it', DESKTOP, 'desktop'],
  ] as const) {
    it(`shows the home, the operator organization and a customer organization (${language}, ${size}), axe-clean`, async () => {
      const page = await browser.newPage({ viewport });
      try {
        await signIn(page, h, 'olga');
        await page.goto(`${h.baseUrl}/operator?lang=${language}`);
        await expectAccessible(page);
        await screenshot(page, `operator-home-${size}-${language}`);

        await page.goto(`${h.baseUrl}/operator/organizations/org_ops`);
        await expect(
          page.getByRole('button', { name: language === 'en' ? 'Deactivate' : 'Disattiva' }).count(),
        ).resolves.toBe(0);
        await expect(page.locator('main').textContent()).resolves.toContain(
          language === 'en' ? 'cannot be deactivated' : 'non può essere disattivata',
        );
        await expectAccessible(page);
        await screenshot(page, `operator-organization-ops-${size}-${language}`);

        await page.goto(`${h.baseUrl}/operator/organizations/org_globex`);
        await expect(page.locator('form[action$="/rename"]').count()).resolves.toBe(0);
        await expect(page.locator('form[action$="/deactivate"]').count()).resolves.toBe(0);
        await expectAccessible(page);
        await screenshot(page, `operator-organization-customer-${size}-${language}`);
      } finally {
        await page.close();
      }
    });
  }

  it('refuses everyone but operators', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, h, 'paola');
      await expect(page.getByRole('link', { name: 'Organizations' }).count()).resolves.toBe(0);
      const res = await page.goto(`${h.baseUrl}/operator`);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Only Onramp operators');
      // Back to their own home: /operator would only refuse them again.
      await expect(page.getByRole('link', { name: 'Back', exact: true }).getAttribute('href')).resolves.toBe(
        '/orders',
      );
      const detail = await page.goto(`${h.baseUrl}/operator/organizations/org_acme`);
      expect(detail?.status()).toBe(403);
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });
});
