import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { FAKE_PNG, OVERSIZE_PNG } from '../support/images.js';
import { countRows } from '../support/queries.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const IRENE = 'irene@initech.example';

describe('support cases: open with screenshots, agent console, requester view (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let webOrderId: string;
  let sub: string;
  let caseId: string;
  /** A real screenshot (the help page as the requester saw it), uploaded as the case's evidence. */
  let evidence: Buffer;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const placed = await h.world.order();
    webOrderId = placed.webOrderId;
    sub = placed.subscriptionIds[0]!;
    await h.deliverMail(); // the RSD is today: the first e-mail goes out
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  const caseCount = () => countRows(h.world.store.db, 'support_case');

  it(
    'from the help page, a partner user opens a case with a screenshot and is e-mailed',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, h, 'alice');
      await page.goto(`${h.baseUrl}/help/provisioning`);
      evidence = await page.screenshot();
      await page.getByRole('link', { name: 'Open a support case', exact: true }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Open a support case');
      await expect(page.getByLabel('Request type').inputValue()).resolves.toBe('resend_provisioning_email');
      await page.getByLabel('Web order id or subscription id').fill(sub);
      await page
        .getByLabel('What happened, and what you already tried')
        .fill('Irene never got the e-mail; resending and a private window did not help.');
      await page.getByLabel('Screenshots (optional)').setInputFiles({
        name: 'inbox.png',
        mimeType: 'image/png',
        buffer: evidence,
      });
      await expectAccessible(page);
      await screenshot(page, 'support-open-case');
      await page.getByRole('button', { name: 'Open the case' }).click();
      await page.waitForURL((url) => /^\/support\/cases\/CS\d+$/.test(url.pathname));
      caseId = new URL(page.url()).pathname.split('/').pop()!;
      await expect(page.getByRole('status').textContent()).resolves.toContain('Your case is open');
      const img = page.getByRole('img', { name: 'inbox.png' });
      await expect(
        img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth),
      ).resolves.toBe(1280);
      await expectAccessible(page);
      await screenshot(page, 'support-case-requester');
      await page.goto(`${h.baseUrl}/support/cases/${caseId}?lang=it`);
      await expect(page.locator('h1').textContent()).resolves.toBe(`Richiesta di assistenza ${caseId}`);
      await expect(page.locator('main').textContent()).resolves.toContain('Reinvio e-mail di provisioning');
      await expectAccessible(page);
      await screenshot(page, 'support-case-requester-it');

      await h.deliverMail();
      const mail = await h.mailbox(h.world.actors.alice.email);
      const opened = mail.find((m) => m.subject === `Support case ${caseId} opened`)!;
      // HTML and plain text alike carry the case link.
      expect(opened.links).toContain(`${h.baseUrl}/support/cases/${caseId}`);
      expect(opened.text).toContain(`${h.baseUrl}/support/cases/${caseId}`);
      expect(opened.html).toContain(`href="${h.baseUrl}/support/cases/${caseId}"`);
      await page.close();
    },
  );

  it(
    'serves the screenshot with its sniffed type and safe headers, only to people allowed to see the case',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage();
      await signIn(page, h, 'alice');
      const url = `${h.baseUrl}/support/cases/${caseId}/screenshots/${caseId}-1`;
      const own = await page.request.get(url);
      expect(own.status()).toBe(200);
      expect(own.headers()).toMatchObject({
        'content-type': 'image/png',
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline; filename="inbox.png"',
      });
      expect(own.headers()['content-security-policy']).toContain("default-src 'none'");
      expect(Buffer.from(await own.body()).equals(evidence)).toBe(true);
      await page.close();

      const other = await browser.newPage();
      await signIn(other, h, 'marco'); // same partner, not the requester
      expect((await other.request.get(url)).status()).toBe(404);
      const caseResponse = await other.goto(`${h.baseUrl}/support/cases/${caseId}`);
      expect(caseResponse?.status()).toBe(404);
      await expect(other.locator('body').textContent()).resolves.not.toContain('Irene never got the e-mail');
      await other.goto(`${h.baseUrl}/support`);
      await expect(other.locator('main').textContent()).resolves.not.toContain(caseId);
      await other.close();
    },
  );

  it(
    'refuses an oversize or non-image upload with a clear message and stores nothing',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, h, 'alice');
      const before = await caseCount();
      for (const [file, message] of [
        [
          { name: 'photo.png', mimeType: 'image/png', buffer: FAKE_PNG },
          'photo.png is not a PNG, JPEG or WebP image',
        ],
        [{ name: 'huge.png', mimeType: 'image/png', buffer: OVERSIZE_PNG }, 'huge.png is larger than 5 MB'],
      ] as const) {
        await page.goto(`${h.baseUrl}/support/new`);
        await page.getByLabel('Web order id or subscription id').fill(webOrderId);
        await page.getByLabel('What happened, and what you already tried').fill('See the screenshot.');
        await page.getByLabel('Screenshots (optional)').setInputFiles(file);
        await page.getByRole('button', { name: 'Open the case' }).click();
        await page.waitForLoadState();
        await expect(page.getByRole('alert').textContent()).resolves.toContain('The case was not opened');
        await expect(page.locator('#case-screenshots-error').textContent()).resolves.toContain(message);
        // What was typed is kept, so only the file needs choosing again.
        await expect(page.getByLabel('Web order id or subscription id').inputValue()).resolves.toBe(
          webOrderId,
        );
        await expectAccessible(page);
      }
      await screenshot(page, 'support-upload-refused');
      expect(await caseCount()).toBe(before);
      await page.close();
    },
  );

  it(
    'an agent finds the case in the queue and resends on behalf, audited as the agent',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, h, 'sam');
      await page.goto(`${h.baseUrl}/support`);
      expect(new URL(page.url()).pathname).toBe('/support/queue');
      await page.getByLabel('Status').selectOption('open');
      await page.getByLabel('Search').fill(webOrderId);
      await page.getByRole('button', { name: 'Apply' }).click();
      await expectAccessible(page);
      await page.getByRole('link', { name: caseId }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe(`Support case ${caseId}`);

      const before = (await h.mailbox(IRENE)).length;
      await page
        .getByRole('link', {
          name: new RegExp(`^Resend on behalf.*the provisioning e-mail of ${sub} to ${IRENE}`),
        })
        .click();
      // It asks first, as the partner's Resend does (issue 20).
      const dialog = page.getByRole('dialog');
      await expect(dialog.textContent()).resolves.toContain(
        `Are you sure you want to resend the provisioning e-mail to ${IRENE}?`,
      );
      await dialog.getByRole('button', { name: 'Yes' }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'resent');
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        'provisioning e-mail was queued',
      );
      const main = page.locator('main');
      await expect(main.textContent()).resolves.toContain(
        `Sam Agent <sam@ops.example> resent the provisioning e-mail of ${sub}`,
      );
      await expect(main.textContent()).resolves.toContain('In progress');
      await expectAccessible(page);
      await screenshot(page, 'support-agent-case');
      await h.deliverMail();
      expect((await h.mailbox(IRENE)).length).toBe(before + 1);
      await page.close();
    },
  );

  it(
    'the agent replies and resolves; the requester is e-mailed and sees the status',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, h, 'sam');
      await page.goto(`${h.baseUrl}/support/cases/${caseId}`);
      const main = page.locator('main');
      await page
        .getByLabel(/Reply \(e-mailed to/)
        .fill('We sent a new e-mail to Irene. Please check the spam folder too.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'replied');
      await page.getByLabel('Status', { exact: true }).selectOption('resolved');
      await page.getByRole('button', { name: 'Save status' }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'status');
      await expect(main.textContent()).resolves.toContain('set the status from In progress to Resolved');

      await h.deliverMail();
      const subjects = (await h.mailbox(h.world.actors.alice.email)).map((m) => m.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([`New reply on support case ${caseId}`, `Support case ${caseId} resolved`]),
      );
      await page.close();

      const requester = await browser.newPage();
      await signIn(requester, h, 'alice');
      await requester.goto(`${h.baseUrl}/support`);
      const row = requester.getByRole('row').filter({ hasText: caseId });
      await expect(row.textContent()).resolves.toContain('Resolved');
      await expectAccessible(requester);
      await row.getByRole('link', { name: caseId }).click();
      await expect(requester.locator('main').textContent()).resolves.toContain(
        'Please check the spam folder too.',
      );
      await requester.close();
    },
  );

  it(
    'a provisioning contact opens a case by e-mail and order number and follows the e-mailed link; after the PONR the console says why a resend is impossible',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${h.baseUrl}/support/new`);
      await page.getByLabel('Your e-mail address').fill(IRENE);
      await page.getByLabel('Web order id or subscription id').fill(webOrderId);
      await page
        .getByLabel('What happened, and what you already tried')
        .fill('The link says it no longer works.');
      await page.getByRole('button', { name: 'Open the case' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Check your e-mail');
      await h.deliverMail();
      const [notice] = (await h.mailbox(IRENE)).filter((m) => m.subject.startsWith('Support case'));
      const link = notice!.links.find((l) => l.includes('/support/cases/'))!;
      expect(link).toContain('?key=');
      await page.goto(link);
      await expect(page.locator('main').textContent()).resolves.toContain(
        'The link says it no longer works.',
      );
      await expectAccessible(page);
      const contactCase = new URL(link).pathname.split('/').pop()!;
      expect((await page.goto(`${h.baseUrl}/support/cases/${contactCase}?key=wrong`))?.status()).toBe(404);
      await page.close();

      const order = await h.world.store.db
        .selectFrom('purchase_order')
        .select('id')
        .where('web_order_id', '=', webOrderId)
        .executeTakeFirstOrThrow();
      await mapOrderToOrganization(h.world.deps, {
        orderId: order.id,
        organization: { organizationId: 'org_globex' },
        confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
      });
      const agent = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(agent, h, 'sam');
      await agent.goto(`${h.baseUrl}/support/cases/${contactCase}`);
      const note = agent.getByRole('note');
      await expect(note.textContent()).resolves.toContain(
        'Resend is not possible: This order is already onboarded',
      );
      await expect(agent.getByRole('link', { name: /^Resend on behalf/ }).count()).resolves.toBe(0);
      await expectAccessible(agent);
      await screenshot(agent, 'support-agent-past-ponr');
      await agent.close();
    },
  );
});
