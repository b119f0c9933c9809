/**
 * The daily digest in Chromium: a partner user turns it off on the Account page (reached from the
 * navigation), in English on a desktop and in Italian on a phone; another user's digest arrives
 * and its line link opens the subscription's page. axe finds no serious or critical violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sendDailyDigests } from '../../src/jobs/send-daily-digests.js';
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

describe('account page and daily digest (Chromium)', () => {
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

  it('turns the digest off from the Account page (English, desktop)', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'alice');
    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/account');
    await expect(page.locator('h1').textContent()).resolves.toBe('Account');
    await expect(page.getByLabel('On: send me the daily digest').isChecked()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByLabel('Off: do not send it').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.search === '?saved=1');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Saved: the daily digest e-mail is off.',
    );
    await expect(page.getByLabel('Off: do not send it').isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'account-digest-off-desktop-en');
    await page.close();
  });

  it('works in Italian on a phone', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'marco');
    await page.goto(`${h.baseUrl}/settings/account?lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Account');
    await expect(page.getByText('E-mail di riepilogo giornaliera').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Attiva: mi invii il riepilogo giornaliero').isChecked()).resolves.toBe(
      true,
    );
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, 'account-digest-phone-it');
    await page.close();
  });

  it('sends the digest to whoever left it on; its link opens the line', { timeout: 90_000 }, async () => {
    const { world } = h;
    const contact = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
    const [alice, marco] = [
      await world.order(
        { lines: [{ offerCode: 'A-FLEX', quantity: 1, provisioningContact: contact }] },
        'alice',
      ),
      await world.order(
        { lines: [{ offerCode: 'A-FLEX', quantity: 2, provisioningContact: contact }] },
        'marco',
      ),
    ];
    await h.deliverMail();
    // Five days on, both A-FLEX lines close within 3 days; Alice turned the digest off.
    world.clock.set(new Date(world.clock.now().getTime() + 5 * DAY));
    expect(await sendDailyDigests(world.deps)).toMatchObject({ sent: 1 });
    await h.deliverMail();
    expect((await h.mailbox(world.actors.alice.email)).filter((m) => /attention/.test(m.subject))).toEqual(
      [],
    );
    const [digest] = (await h.mailbox(world.actors.marco.email)).filter((m) => /attention/.test(m.subject));
    const link = `${h.baseUrl}/subscriptions/${marco.subscriptionIds[0]}`;
    expect(digest!.links).toContain(link);
    expect(digest!.text).not.toContain(alice.subscriptionIds[0]);

    const page = await browser.newPage({ viewport: PHONE });
    await page.setContent(digest!.html);
    await screenshot(page, 'digest-email-phone-en');
    await signIn(page, h, 'marco');
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toContain(marco.subscriptionIds[0]);
    await page.close();
  });
});
