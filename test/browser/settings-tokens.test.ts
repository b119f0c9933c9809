/**
 * /settings/tokens in Chromium: a partner user creates a read-only token, sees it once (a reload
 * no longer shows it), uses it against the real API over HTTP, rolls it with a grace period
 * through the dialog (the old token works until the grace ends), and revokes the successor after
 * confirming. A customer admin uses the page in Italian on a phone, and without JavaScript the
 * Roll confirmation page does the same job. axe finds no serious or critical violation.
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

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('settings: API tokens (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const api = async (token: string, method = 'GET', path = '/api/v1/orders') =>
    (
      await fetch(`${h.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: JSON.stringify({ name: 'x', expiresInDays: 7 }) }),
      })
    ).status;

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  const shownToken = async (page: Page) => {
    const value = await page.getByLabel('Your new token').inputValue();
    expect(value).toMatch(/^onr_[A-Za-z0-9_-]{43}$/);
    return value;
  };

  it(
    'creates a read-only token, shows it once, rolls it with a grace period and revokes it',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await signIn(page, h, 'alice');
      await page.getByRole('link', { name: 'API tokens' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/tokens');
      await expect(page.locator('h1').textContent()).resolves.toBe('API tokens');
      await expectAccessible(page);

      await page.getByLabel('Name').fill('Dashboards');
      await page.getByLabel('Expires after').selectOption('30');
      await page.getByLabel(/Read-only/).check();
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/tokens');
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'Token “Dashboards” created.',
      );
      await expect(page.getByText('it will not be shown again').isVisible()).resolves.toBe(true);
      const token = await shownToken(page);
      const row = page.getByRole('row').filter({ hasText: `onr_…${token.slice(-4)}` });
      await expect(row.getByText('Read-only').isVisible()).resolves.toBe(true);
      await expect(row.getByText('Active').isVisible()).resolves.toBe(true);
      await expect(row.getByText('Never used').isVisible()).resolves.toBe(true);
      await expectAccessible(page);
      await screenshot(page, 'tokens-created-desktop');

      // Shown once: a reload no longer has it.
      await page.reload();
      expect(await page.content()).not.toContain(token);
      await expect(page.getByLabel('Your new token').count()).resolves.toBe(0);

      // It works over HTTP, for reading only.
      expect(await api(token)).toBe(200);
      expect(await api(token, 'POST', '/api/v1/tokens')).toBe(403);
      await page.reload();
      await expect(row.getByText('Never used').count()).resolves.toBe(0);

      // Roll with 3 days of grace through the dialog.
      await row.getByRole('link', { name: 'Roll Dashboards' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Roll “Dashboards”?');
      await dialog.getByLabel('Grace period for the current token').selectOption('3');
      await expectAccessible(page);
      await screenshot(page, 'tokens-roll-dialog');
      await dialog.getByRole('button', { name: 'Roll token' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/tokens');
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'The previous token keeps working until',
      );
      const successor = await shownToken(page);
      expect(successor).not.toBe(token);
      await expect(row.getByText('Rolled (in grace period)').isVisible()).resolves.toBe(true);
      expect(await api(token)).toBe(200);
      expect(await api(successor)).toBe(200);
      expect(await api(successor, 'POST', '/api/v1/tokens')).toBe(403); // same scope: read-only
      h.world.clock.advance(3 * DAY);
      expect(await api(token)).toBe(401);
      expect(await api(successor)).toBe(200);

      // Revoke the successor after confirming.
      // Three days on, the session has ended too: sign in again.
      await signIn(page, h, 'alice');
      await page.goto(`${h.baseUrl}/settings/tokens`);
      await expect(row.getByText('Expired').isVisible()).resolves.toBe(true);
      const next = page.getByRole('row').filter({ hasText: `onr_…${successor.slice(-4)}` });
      await next.getByRole('button', { name: 'Revoke Dashboards' }).click();
      const confirm = page.getByRole('dialog');
      await expect(confirm.getByRole('heading').textContent()).resolves.toBe('Revoke “Dashboards”?');
      await confirm.getByRole('button', { name: 'Revoke token' }).click();
      await page.waitForURL((url) => url.searchParams.get('revoked') === '1');
      await expect(page.getByRole('status').textContent()).resolves.toContain('Token revoked');
      await expect(next.getByText('Revoked').isVisible()).resolves.toBe(true);
      expect(await api(successor)).toBe(401);
      await expectAccessible(page);
      await screenshot(page, 'tokens-list-desktop');
      await page.close();
    },
  );

  it('speaks Italian on a phone and keeps what was typed on an error', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'carla');
    await page.goto(`${h.baseUrl}/settings/tokens?lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Token API');
    await expectAccessible(page);

    await page.getByLabel('Nome').fill('   ');
    await page.getByRole('button', { name: 'Crea token' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Inserisca un nome');
    await expect(page.getByLabel('Nome').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Nome').inputValue()).resolves.toBe('   ');
    await expectAccessible(page);
    await screenshot(page, 'tokens-error-it-phone');

    await page.getByLabel('Nome').fill('Portale clienti');
    await page.getByLabel('Scade dopo').selectOption('7');
    await page.getByRole('button', { name: 'Crea token' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Token «Portale clienti» creato.',
    );
    const token = await page.getByLabel('Il suo nuovo token').inputValue();
    expect(await api(token)).not.toBe(401);
    await expectAccessible(page);
    await screenshot(page, 'tokens-created-it-phone');

    // The Roll confirmation page (what a browser without JavaScript opens).
    const href = await page.getByRole('link', { name: 'Sostituisci Portale clienti' }).getAttribute('href');
    await page.goto(`${h.baseUrl}${href}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sostituire «Portale clienti»?');
    await expectAccessible(page);
    await screenshot(page, 'tokens-roll-page-it-phone');
    await page.close();
  });

  it('works without JavaScript: roll on its own page, revoke at once', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, h, 'carla');
    await page.goto(`${h.baseUrl}/settings/tokens?lang=it`);
    const token = (
      await h.world.store.db
        .selectFrom('api_token')
        .select('id')
        .where('label', '=', 'Portale clienti')
        .executeTakeFirstOrThrow()
    ).id;
    await page.getByRole('link', { name: 'Sostituisci Portale clienti' }).click();
    await page.waitForURL((url) => url.pathname === `/settings/tokens/${token}/roll`);
    await page.getByLabel('Periodo di tolleranza del token attuale').selectOption('0');
    await page.getByRole('button', { name: 'Sostituisci token' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Il token precedente ha smesso di funzionare.',
    );
    const successor = await page.getByLabel('Il suo nuovo token').inputValue();
    expect(await api(successor)).not.toBe(401);
    const row = page.getByRole('row').filter({ hasText: `onr_…${successor.slice(-4)}` });
    await row.getByRole('button', { name: 'Revoca Portale clienti' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Token revocato');
    expect(await api(successor)).toBe(401);
    await screenshot(page, 'tokens-list-it-phone');
    await context.close();
  });

  it("answers another user's token like a missing one", async () => {
    const bob = await fetch(`${h.baseUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.world.tokens.bob}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bob only', expiresInDays: 7 }),
    });
    const { tokenId } = (await bob.json()) as { tokenId: string };
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'alice');
    const theirs = await page.goto(`${h.baseUrl}/settings/tokens/${tokenId}/roll`);
    const theirsText = await page.locator('main').textContent();
    const missing = await page.goto(`${h.baseUrl}/settings/tokens/tok_doesnotexist/roll`);
    expect(theirs?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('main').textContent()).toBe(theirsText);
    await page.close();
  });
});
