/**
 * A support case that talks both ways, in Chromium (en and it, phone and desktop, axe 0 serious
 * or critical): the agent answers, the provisioning contact replies with a screenshot through the
 * e-mailed link, "Resend on behalf" asks first, closing says how to reopen and stops offering the
 * reply form after the window, and a customer admin opens a case about her organization's order.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { REOPEN_WINDOW_DAYS } from '../../src/domain/support-case-thread.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const IRENE = 'irene@initech.example';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const DOCS = join(import.meta.dirname, '../../docs/screenshots');

describe('support case thread: both ways (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let caseId: string;
  let sub: string;
  let webOrderId: string;
  let orderId: string;
  /** What the contact uploads: the case page as they saw it. */
  let evidence: Buffer;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const placed = await h.world.order();
    [sub, webOrderId, orderId] = [placed.subscriptionIds[0]!, placed.webOrderId, placed.orderId];
    await h.deliverMail();
    caseId = (
      await openSupportCase(
        h.world.deps,
        { contactEmail: IRENE, ip: '192.0.2.20' },
        {
          type: 'resend_provisioning_email',
          reference: webOrderId,
          description: 'No e-mail came.',
          screenshots: [],
        },
      )
    ).caseId!;
    await h.deliverMail();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  /** The case link of the newest e-mail to Irene about the case (each e-mail carries a fresh key). */
  async function newestLink(subject: RegExp) {
    await h.deliverMail();
    const mail = (await h.mailbox(IRENE)).find((m) => subject.test(m.subject))!;
    return { mail, link: mail.links.find((l) => l.includes(`/support/cases/${caseId}?key=`))! };
  }

  it(
    'the agent answers; the contact reads the escaped reply in the e-mail and answers with a screenshot on her phone',
    { timeout: 120_000 },
    async () => {
      h.world.clock.advance(2 * HOUR);
      const agent = await browser.newPage({ viewport: DESKTOP });
      await signIn(agent, h, 'sam');
      await agent.goto(`${h.baseUrl}/support/cases/${caseId}`);
      await agent.getByLabel(/Reply \(e-mailed to/).fill('Please check the <Spam> folder & tell us.');
      await agent.getByLabel('Then set the status to').selectOption('waiting_on_customer');
      await agent.getByRole('button', { name: 'Send reply' }).click();
      await agent.waitForURL((url) => url.searchParams.get('done') === 'replied');

      const { mail, link } = await newestLink(/^New reply on support case/);
      expect(mail.html).toContain('Please check the &lt;Spam&gt; folder &amp; tell us.');
      expect(mail.text).toContain('> Please check the <Spam> folder & tell us.');
      expect(mail.text).toContain(link);

      h.world.clock.advance(3 * HOUR);
      const phone = await browser.newPage({ viewport: PHONE });
      await phone.goto(link);
      const main = phone.locator('main');
      await expect(main.textContent()).resolves.toContain('Please check the <Spam> folder & tell us.');
      await expect(main.textContent()).resolves.toContain('Waiting on customer');
      evidence = await phone.screenshot();
      // An empty reply is refused by its field, nothing stored.
      await phone.getByRole('button', { name: 'Send reply' }).click();
      await phone.waitForLoadState();
      await expect(phone.locator('#requester-reply-body-error').textContent()).resolves.toContain(
        'Write your reply.',
      );
      await expectAccessible(phone);
      await phone.getByLabel('Your reply').fill('Nothing in spam either. Here is my inbox.');
      await phone
        .getByLabel('Screenshots (optional)')
        .setInputFiles({ name: 'inbox.png', mimeType: 'image/png', buffer: evidence });
      await phone.getByRole('button', { name: 'Send reply' }).click();
      await phone.waitForURL((url) => url.searchParams.get('done') === 'answered');
      await expect(phone.getByRole('status').textContent()).resolves.toContain(
        'A support agent will answer it.',
      );
      await expect(main.textContent()).resolves.toContain(
        'Irene Conti <irene@initech.example> replied and added 1 screenshot',
      );
      await expect(main.textContent()).resolves.toContain('Awaiting agent');
      await expectAccessible(phone);
      await screenshot(phone, 'support-thread-requester-phone-en');

      await phone.goto(`${link}&lang=it`);
      await expect(phone.locator('h1').textContent()).resolves.toBe(`Richiesta di assistenza ${caseId}`);
      await expect(main.textContent()).resolves.toContain('ha risposto e aggiunto 1 schermata');
      await expect(phone.getByRole('button', { name: 'Invia la risposta' }).count()).resolves.toBe(1);
      await expectAccessible(phone);
      await screenshot(phone, 'support-thread-requester-phone-it');
      await phone.close();

      // The agents' side: the queue says the requester answered, the thread shows it with the screenshot.
      h.world.clock.advance(HOUR);
      await agent.goto(`${h.baseUrl}/support/queue?status=awaiting_agent`);
      await expect(agent.getByRole('row').filter({ hasText: caseId }).count()).resolves.toBe(1);
      await agent.goto(`${h.baseUrl}/support/cases/${caseId}`);
      await expect(agent.locator('blockquote.from-requester').textContent()).resolves.toBe(
        'Nothing in spam either. Here is my inbox.',
      );
      await expect(agent.getByRole('img', { name: 'inbox.png' }).count()).resolves.toBe(1);
      // The reply lists the screenshot it added, linked.
      await expect(agent.locator('ul.reply-screenshots a').getAttribute('href')).resolves.toBe(
        `/support/cases/${caseId}/screenshots/${caseId}-1`,
      );
      await agent
        .getByLabel(/Reply \(e-mailed to/)
        .fill('Thanks, we found a filter on your server and resent it.');
      await agent.getByRole('button', { name: 'Send reply' }).click();
      await agent.waitForURL((url) => url.searchParams.get('done') === 'replied');
      await expectAccessible(agent);
      mkdirSync(DOCS, { recursive: true });
      await agent.close();

      const { link: latest } = await newestLink(/^New reply on support case/);
      const desk = await browser.newPage({ viewport: DESKTOP });
      await desk.goto(latest);
      await expect(desk.locator('main').textContent()).resolves.toContain('we found a filter on your server');
      await expect(desk.locator('main').textContent()).resolves.toContain('In progress');
      await expectAccessible(desk);
      await desk.screenshot({ path: join(DOCS, 'support-case-thread.png'), fullPage: true });
      await desk.close();
    },
  );

  it(
    '"Resend on behalf" asks first: a dialog with JavaScript, a confirmation page without',
    { timeout: 90_000 },
    async () => {
      const agent = await browser.newPage({ viewport: DESKTOP });
      await signIn(agent, h, 'sam');
      await agent.goto(`${h.baseUrl}/support/cases/${caseId}`);
      const resend = agent.getByRole('link', { name: new RegExp(`^Resend on behalf.*${sub}`) });
      await resend.click();
      const dialog = agent.getByRole('dialog');
      await expect(dialog.textContent()).resolves.toContain(`resend the provisioning e-mail to ${IRENE}?`);
      await expectAccessible(agent);
      await dialog.getByRole('button', { name: 'No' }).click();
      await expect(dialog.isVisible()).resolves.toBe(false);

      // Without JavaScript the link is the confirmation page; No goes back, Yes resends.
      const href = (await resend.getAttribute('href'))!;
      await agent.goto(`${h.baseUrl}${href}`);
      await expect(agent.locator('h1').textContent()).resolves.toContain(
        `Resend the provisioning e-mail of ${sub}`,
      );
      await expectAccessible(agent);
      await agent.goto(`${h.baseUrl}${href}&lang=it`);
      await expect(agent.locator('h1').textContent()).resolves.toContain(
        `Reinviare l’e-mail di provisioning di ${sub}`,
      );
      await expectAccessible(agent);
      await agent.getByRole('button', { name: 'Sì' }).click();
      await agent.waitForURL((url) => url.searchParams.get('done') === 'resent');
      await agent.close();
    },
  );

  it(
    'closing e-mails the contact; the closed page says how to reopen, a reply reopens it, and after 14 days only a new case',
    { timeout: 120_000 },
    async () => {
      const agent = await browser.newPage({ viewport: DESKTOP });
      await signIn(agent, h, 'sam');
      await agent.goto(`${h.baseUrl}/support/cases/${caseId}`);
      await agent.getByLabel(/Reply \(e-mailed to/).fill('Solved: the e-mail arrived.');
      await agent.getByLabel('Then set the status to').selectOption('resolved');
      await agent.getByRole('button', { name: 'Send reply' }).click();
      await agent.waitForURL((url) => url.searchParams.get('done') === 'replied');

      const { mail, link } = await newestLink(/resolved$/);
      expect(mail.text).toContain('> Solved: the e-mail arrived.');
      expect(mail.text).toContain(`within ${REOPEN_WINDOW_DAYS} days`);

      const phone = await browser.newPage({ viewport: PHONE });
      await phone.goto(link);
      const main = phone.locator('main');
      await expect(phone.getByRole('note').textContent()).resolves.toContain('This case is closed.');
      await expect(main.textContent()).resolves.not.toContain('You will get an e-mail when we reply');
      await expect(phone.getByRole('heading', { name: 'Reply to reopen the case' }).count()).resolves.toBe(1);
      await expectAccessible(phone);
      await screenshot(phone, 'support-thread-closed-phone-en');
      await phone.getByLabel('Your reply').fill('It broke again today.');
      await phone.getByRole('button', { name: 'Send reply and reopen' }).click();
      await phone.waitForURL((url) => url.searchParams.get('done') === 'reopened');
      await expect(main.textContent()).resolves.toContain('reopened the case by replying');
      await expect(main.textContent()).resolves.toContain('Awaiting agent');

      await agent.goto(`${h.baseUrl}/support/cases/${caseId}`);
      await agent.getByLabel('Status', { exact: true }).selectOption('closed');
      await agent.getByRole('button', { name: 'Save status' }).click();
      await agent.waitForURL((url) => url.searchParams.get('done') === 'status');
      await agent.close();
      const { link: closedLink } = await newestLink(/closed$/);

      h.world.clock.advance(REOPEN_WINDOW_DAYS * DAY + 1);
      await phone.goto(`${closedLink}&lang=it`);
      await expect(phone.getByRole('note').textContent()).resolves.toContain('non può più essere riaperta');
      await expect(
        phone.getByRole('link', { name: 'Apri una nuova richiesta' }).getAttribute('href'),
      ).resolves.toBe(`/support/new?reference=${encodeURIComponent(webOrderId)}`);
      await expect(phone.getByLabel('La Sua risposta').count()).resolves.toBe(0);
      await expectAccessible(phone);
      await screenshot(phone, 'support-thread-over-phone-it');
      await phone.close();
    },
  );

  it('a customer admin opens a case about an order of her organization', { timeout: 90_000 }, async () => {
    await mapOrderToOrganization(h.world.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'carla');
    await page.goto(`${h.baseUrl}/support/new?lang=it`);
    await page.getByLabel('ID ordine web o ID abbonamento').fill(webOrderId);
    await page.getByLabel(/Cosa è successo/).fill('Manca una licenza.');
    await expectAccessible(page);
    await page.getByRole('button', { name: /Apri la richiesta/ }).click();
    await page.waitForURL((url) => /^\/support\/cases\/CS\d+$/.test(url.pathname));
    await expect(page.locator('main').textContent()).resolves.toContain('Manca una licenza.');
    await expectAccessible(page);
    await page.close();
  });
});
