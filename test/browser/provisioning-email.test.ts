/**
 * The provisioning e-mail as its reader sees it, in Chromium: a three-line order for one contact
 * sends one e-mail (English) and an Italian contact's order one e-mail in Italian, each listing
 * every line, with one setup link and the earliest deadline. The HTML the SMTP sink caught is
 * rendered at desktop and phone width and screenshot (the README shows them).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, launchBrowser, screenshot, startHarness } from './support/browser-harness.js';

const IRENE = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const GIULIA = { name: 'Giulia Romano', email: 'giulia@initech.example', language: 'it' as const };
const OFFERS = ['A-FLEX', 'MEET-PRO', 'CALL-STD'];

describe('the provisioning e-mail, one per contact per order (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  const orders = new Map<string, { webOrderId: string; subscriptionIds: string[] }>();

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    for (const contact of [IRENE, GIULIA])
      orders.set(
        contact.email,
        await h.world.order({
          endCustomerName: 'Initech Srl',
          lines: OFFERS.map((offerCode, i) => ({
            offerCode,
            quantity: 5 * (i + 1),
            provisioningContact: contact,
          })),
        }),
      );
    await h.deliverMail();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function show(page: Page, html: string, width: number) {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html);
  }

  for (const [contact, deadline, name] of [
    [IRENE, 'Please complete the setup by 8 December 2026, 09:00 UTC.', 'email-provisioning-en'],
    [
      GIULIA,
      'Termine per completare la configurazione: 8 dicembre 2026, 09:00 UTC.',
      'email-provisioning-it',
    ],
  ] as const)
    it(`${contact.language}: one e-mail lists the three lines, one link, the earliest deadline`, async () => {
      const mails = await h.mailbox(contact.email);
      expect(mails).toHaveLength(1);
      const [mail] = mails as [(typeof mails)[number]];
      const { webOrderId, subscriptionIds } = orders.get(contact.email)!;
      expect(mail.subject).toContain(webOrderId);
      expect(new Set(mail.links.filter((l) => l.includes('/setup/'))).size).toBe(1);

      const page = await browser.newPage();
      try {
        await show(page, mail.html, 1100);
        const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
        for (const id of subscriptionIds) expect(body).toContain(id);
        expect(body).toContain(deadline.replace(/\s+/g, ' '));
        await screenshot(page, name);
        await show(page, mail.html, 390);
        // At phone width nothing is wider than the screen.
        const overflow = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        expect(overflow).toBeLessThanOrEqual(390);
        await screenshot(page, `${name}-phone`);
      } finally {
        await page.close();
      }
    });
});
