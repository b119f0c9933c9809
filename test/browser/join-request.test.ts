/**
 * Consent before joining, in Chromium: Mario (mario@globex.example) sets up an order for Globex
 * Italia SpA and picks the suggested Globex Italia, whose administrator is Carla. The review page
 * says plainly that this asks Globex's administrators; confirming lands on the wait, which the
 * partner sees too; Carla's e-mail (rendered as the sink caught it) links to a page that only
 * shows the request, and approving there sets the order up. English and Italian, phone and
 * desktop, axe 0 serious/critical. Saves docs/screenshots/join-request-review.png and
 * docs/screenshots/email-join-request.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

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

const MARIO = { name: 'Mario Rossi', email: 'mario@globex.example', language: 'en' as const };
const ROOT = join(import.meta.dirname, '../..');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Keeps a screenshot for the README too (test-results/ is git-ignored). */
async function keep(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
  copyFileSync(
    join(ROOT, 'test-results/screenshots', `${name}.png`),
    join(ROOT, 'docs/screenshots', `${name}.png`),
  );
}

async function accessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const text = async (page: Page) => ((await page.locator('main').innerText()) ?? '').replace(/\s+/g, ' ');

describe('join request: the review announces it, the administrator approves (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let orderId: string;
  let webOrderId: string;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    await h.world.store.db
      .updateTable('organization')
      .set({ country: 'IT', data_region: 'Europe' })
      .where('id', '=', 'org_globex')
      .execute();
    const placed = await h.world.order({
      endCustomerName: 'Globex Italia SpA',
      lines: [
        { offerCode: 'MEET-PRO', quantity: 25, provisioningContact: MARIO },
        { offerCode: 'CALL-STD', quantity: 10, provisioningContact: MARIO },
      ],
    });
    orderId = placed.orderId;
    webOrderId = placed.webOrderId;
    await h.deliverMail();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('the review page says it asks the organization; confirming lands on the wait (en/it, phone/desktop)', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const [mail] = await h.mailbox(MARIO.email);
    await page.goto(mail!.links.find((l) => l.includes('/setup/'))!);
    await page.getByRole('link', { name: 'I will set up the service' }).click();
    // The finder tells a live organization from an abandoned trial: counts, never people.
    const option = (await page.locator('label.setup-option').first().innerText()).replace(/\s+/g, ' ');
    expect(option).toContain('Italy · data region Europe');
    expect(option).toContain('Created 1 December 2026 · 0 active subscriptions · 1 administrator');
    expect(option).not.toContain('carla');
    await accessible(page);
    await screenshot(page, 'join-request-finder');
    await page.getByRole('radio', { name: /Globex Italia/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/review\?/);
    const review = page.url();
    expect(await page.locator('h2#step-heading').innerText()).toBe('Your request to join Globex Italia');
    expect(await page.locator('#join-request-notice').innerText()).toContain(
      'Globex Italia already exists, and you are not one of its administrators. Confirming does not set up the order yet',
    );
    await accessible(page);
    await keep(page, 'join-request-review');
    await page.setViewportSize(PHONE);
    await accessible(page);
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(390);
    await screenshot(page, 'join-request-review-phone');

    await page.goto(`${review}&lang=it`);
    expect(await page.locator('#join-request-notice').innerText()).toContain(
      'Globex Italia esiste già e Lei non è tra i suoi amministratori.',
    );
    await expect(
      page.getByRole('button', { name: 'Chieda di entrare in Globex Italia' }).count(),
    ).resolves.toBe(1);
    await accessible(page);
    await screenshot(page, 'join-request-review-it-phone');
    await page.goto(`${review}&lang=en`);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Ask to join Globex Italia' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, send the request' }).click();
    await page.waitForURL(/\/setup\/[A-Za-z0-9_-]+$/);
    expect(await text(page)).toContain("Waiting for the organization's approval");
    expect(await text(page)).toContain(`you asked to join Globex Italia with order ${webOrderId}`);
    await accessible(page);
    // Opening the link again lands on the same wait.
    await page.goto(mail!.links.find((l) => l.includes('/setup/'))!);
    expect(await text(page)).toContain("Waiting for the organization's approval");
    await page.close();
  });

  it('the partner sees the order waiting for the organization', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, h, 'alice');
    await page.goto(`${h.baseUrl}/orders/${orderId}`);
    expect(await page.locator('#awaiting-approval').innerText()).toContain(
      "Waiting for the organization's approval.",
    );
    // Not which organization: it has not agreed to anything yet.
    expect(await page.locator('#awaiting-approval').innerText()).not.toContain('Globex Italia');
    await accessible(page);
    await context.close();
  });

  it("the administrator's e-mail and its page: opening shows, the button approves (en/it, phone/desktop)", async () => {
    await h.deliverMail();
    const [mail] = await h.mailbox(h.world.actors.carla.email);
    expect(mail!.subject).toBe('Mario Rossi asks to join Globex Italia');
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.setContent(mail!.html);
    const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(body).toContain('Mario Rossi <mario@globex.example> chose Globex Italia while setting up order');
    expect(body).toContain('Review and approve');
    await keep(page, 'email-join-request');
    await page.setViewportSize(PHONE);
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(390);
    await screenshot(page, 'email-join-request-phone');

    // A scanner (or Carla) following the link: a page, nothing decided.
    const approve = mail!.links.find((l) => l.includes('/join/') && l.includes('decision=approve'))!;
    await page.goto(approve);
    expect(await page.locator('h1').innerText()).toBe('Request to join Globex Italia');
    await accessible(page);
    await screenshot(page, 'join-request-approve-phone');
    await page.goto(`${approve}&lang=it`);
    expect(await page.locator('h1').innerText()).toBe('Richiesta di accesso a Globex Italia');
    await accessible(page);
    await page.goto(`${approve}&lang=en`);
    await page.setViewportSize(DESKTOP);
    await accessible(page);
    await screenshot(page, 'join-request-approve');
    const order = await h.world.store.db
      .selectFrom('purchase_order')
      .select('mapped_at')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order.mapped_at).toBeNull();

    await page.locator('#join-approve').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await page.locator('#join-decided').waitFor();
    expect(await page.locator('#join-decided').innerText()).toContain(
      `Approved. Order ${webOrderId} is now mapped to Globex Italia and Mario Rossi is one of its administrators`,
    );
    await accessible(page);
    // The link is used up.
    await page.goto(approve);
    expect(await text(page)).toContain('This order is already set up');
    await page.close();

    await h.deliverMail();
    const welcome = (await h.mailbox(MARIO.email)).find((m) => m.subject.includes('Globex Italia is ready'));
    expect(welcome).toBeDefined();
  });
});
