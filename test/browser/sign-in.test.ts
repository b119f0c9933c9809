import type { Browser } from 'playwright-core';
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

describe('sign-in (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs in, refuses a wrong password without saying which part was wrong, and is accessible', async () => {
    const page = await browser.newPage();
    await page.goto(`${h.baseUrl}/sign-in`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');

    await page.getByLabel('E-mail').fill('alice@acme.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Password').fill(`${TEST_PASSWORD}!`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('do not match an account');

    await signIn(page, h, 'alice');
    expect(new URL(page.url()).pathname).toBe('/orders');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'onramp_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('speaks Italian when asked', async () => {
    const page = await browser.newPage({
      locale: 'it-IT',
      extraHTTPHeaders: { 'accept-language': 'it-IT,it;q=0.9' },
    });
    await page.goto(`${h.baseUrl}/sign-in`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Accedi');
    expect(await page.getAttribute('html', 'lang')).toBe('it');
  });
});
