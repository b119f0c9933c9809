/**
 * "Another person in my company will set up" and "send me a new link", in Chromium: the
 * colleague gets their own e-mail and link, the old link says why it died, and a dead link's
 * form answers with the same words for a known and an unknown address.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expireSetupLinks } from '../app/setup-fixtures.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startHarness,
} from './support/browser-harness.js';

describe('setup wizard: delegate and self-service link (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  let seq = 0;
  async function orderAndMail() {
    const email = `delegator${++seq}@initech.example`;
    const placed = await h.world.order({
      lines: [
        {
          offerCode: 'MEET-PRO',
          quantity: 12,
          provisioningContact: { name: 'Irene Conti', email, language: 'en' },
        },
      ],
    });
    await h.deliverMail();
    return { ...placed, email, link: await setupLinkTo(email) };
  }

  async function setupLinkTo(to: string): Promise<string> {
    const [mail] = await h.mailbox(to);
    const link = mail?.links.find((l) => l.includes('/setup/'));
    if (!link) throw new Error(`no setup link in the newest e-mail to ${to}`);
    return link;
  }

  async function check(page: Page, name: string) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('hands the setup to a colleague, who gets their own link; the old one says why it stopped', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { link, webOrderId } = await orderAndMail();
    await page.goto(link);
    await page.getByRole('link', { name: 'Another person in my company will set up' }).click();
    await check(page, 'setup-delegate-1-form');

    await page.getByRole('button', { name: 'Send them the setup link' }).click();
    await expect(page.getByLabel('Their name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('main').textContent()).resolves.toContain('Enter a valid e-mail address.');
    await check(page, 'setup-delegate-2-errors');

    const nora = `nora${seq}@initech.example`;
    await page.getByLabel('Their name').fill('Nora Nuovo');
    await page.getByLabel('Their e-mail address').fill(nora);
    await page.getByLabel('Language of their e-mail').selectOption('it');
    await page.getByRole('button', { name: 'Send them the setup link' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('We have e-mailed Nora Nuovo');
    await check(page, 'setup-delegate-3-sent');

    await h.deliverMail();
    const [mail] = await h.mailbox(nora);
    expect(mail?.subject).toBe(`Informazioni richieste per l’attivazione dell’ordine ${webOrderId}`);
    expect(mail?.text).toContain('Irene Conti Le ha chiesto di configurare gli abbonamenti');
    expect(mail?.text).not.toContain('sostituisce quella inviata');
    const norasLink = await setupLinkTo(nora);

    const old = await page.goto(link);
    expect(old?.status()).toBe(410);
    await expect(page.locator('#dead-reason').textContent()).resolves.toBe(
      'You handed this setup to a colleague: they have received their own link, so this link no longer works.',
    );
    await expect(page.getByRole('button', { name: 'Send me a new link' }).count()).resolves.toBe(0);
    await check(page, 'setup-delegate-4-old-link');

    const colleague = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await colleague.goto(norasLink);
    await expect(colleague.locator('main').textContent()).resolves.toContain('Gentile Nora Nuovo,');
    await expect(colleague.locator('main').textContent()).resolves.toContain(
      'Irene Conti Le ha chiesto di configurare gli abbonamenti',
    );
    await check(colleague, 'setup-delegate-5-colleague-it');
  });

  it('a dead link sends a new link on request, with the same answer for a known and an unknown address', async () => {
    const { link, email, subscriptionIds } = await orderAndMail();
    // The contact opens the e-mail too late: the link ran out.
    await expireSetupLinks(h.world, subscriptionIds[0]!);
    const answer = async (address: string) => {
      const page = await browser.newPage();
      await page.goto(link);
      await page.getByLabel('Your e-mail address').fill(address);
      await page.getByRole('button', { name: 'Send me a new link' }).click();
      await page.waitForURL(/\/new-link$/);
      const text = await page.locator('main').textContent();
      await check(page, `setup-new-link-${address.startsWith('stranger') ? 'unknown' : 'known'}`);
      await page.close();
      return text;
    };
    const known = await answer(email.toUpperCase());
    const unknown = await answer('stranger@initech.example');
    expect(known).toBe(unknown);
    expect(known).toContain('If this address is the provisioning contact of this order');

    await h.deliverMail();
    const fresh = await setupLinkTo(email);
    expect(fresh).not.toBe(link);
    expect(await h.mailbox('stranger@initech.example')).toEqual([]);
    const page = await browser.newPage();
    await page.goto(fresh);
    await expect(page.locator('h1').textContent()).resolves.toBe('Set up your service');
  });
});
