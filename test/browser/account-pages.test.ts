/**
 * Password recovery in Chromium, as a person does it: "Forgot password?" from the sign-in page,
 * the e-mail in the sink, a new password, signed in; an expired link's page and its new link.
 * English and Italian, each on a phone and a desktop; axe finds no serious or critical violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { UserKey } from '../support/world.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startHarness,
} from './support/browser-harness.js';

const HOUR = 3_600_000;
const NEW_PASSWORD = 'a new phrase nobody guesses';

const EN = {
  forgot: 'Forgot password?',
  submit: 'Send me a link',
  sent: 'If an account exists for that address, we sent a link; it works for one hour.',
  password: 'New password',
  repeat: 'Repeat the password',
  set: 'Set the password and sign in',
  expired: 'This link has expired.',
  newLink: 'Send me a new link',
  newLinkSent: 'We sent a new link to the address this link was sent to.',
};
const IT = {
  forgot: 'Password dimenticata?',
  submit: 'Inviami un link',
  sent: "Se esiste un account per quell'indirizzo, le abbiamo inviato un link; funziona per un'ora.",
  password: 'Nuova password',
  repeat: 'Ripeta la password',
  set: 'Imposta la password e accedi',
  expired: 'Questo link è scaduto.',
  newLink: 'Inviami un nuovo link',
  newLinkSent: "Abbiamo inviato un nuovo link all'indirizzo a cui era stato inviato questo.",
};
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Each run: a person who recovers their password and one whose link expires first. */
const RUNS = [
  { lang: 'en', device: 'desktop', viewport: DESKTOP, who: 'marco', late: 'dora', s: EN },
  { lang: 'it', device: 'phone', viewport: PHONE, who: 'bob', late: 'dana', s: IT },
  { lang: 'en', device: 'phone', viewport: PHONE, who: 'paola', late: 'brenda', s: EN },
  { lang: 'it', device: 'desktop', viewport: DESKTOP, who: 'sam', late: 'dino', s: IT },
] as const satisfies readonly {
  lang: 'en' | 'it';
  device: string;
  viewport: typeof PHONE;
  who: UserKey;
  late: UserKey;
  s: typeof EN;
}[];

describe('account pages (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function check(page: Page, name: string) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  async function newPage(run: (typeof RUNS)[number]) {
    const locale = run.lang === 'it' ? 'it-IT' : 'en-GB';
    return browser.newPage({
      viewport: run.viewport,
      locale,
      extraHTTPHeaders: { 'accept-language': `${locale},${run.lang};q=0.9` },
    });
  }

  /** "Forgot password?" from the sign-in page up to the answer; returns the e-mailed link. */
  async function askForLink(page: Page, run: (typeof RUNS)[number], who: UserKey, shots: boolean) {
    const email = h.world.actors[who].email;
    await page.goto(`${h.baseUrl}/sign-in`);
    await page.getByRole('link', { name: run.s.forgot }).click();
    await page.waitForURL((url) => url.pathname === '/forgot-password');
    if (shots) await check(page, `account-forgot-${run.lang}-${run.device}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: run.s.submit }).click();
    await page.waitForURL((url) => url.pathname === '/forgot-password/sent');
    await expect(page.getByRole('status').textContent()).resolves.toBe(run.s.sent);
    if (shots) await check(page, `account-forgot-sent-${run.lang}-${run.device}`);
    await h.deliverMail();
    const [mail] = await h.mailbox(email);
    const link = mail!.links.find((l) => l.includes('/set-password/'));
    expect(link).toBeDefined();
    return link!;
  }

  for (const run of RUNS) {
    it(`${run.lang}, ${run.device}: forgot password -> e-mail -> new password -> signed in`, async () => {
      await h.world.store.db
        .updateTable('app_user')
        .set({ language: run.lang })
        .where('id', 'in', [`usr_${run.who}`, `usr_${run.late}`])
        .execute();
      const page = await newPage(run);
      const link = await askForLink(page, run, run.who, true);
      await page.goto(link);
      await check(page, `account-set-password-${run.lang}-${run.device}`);
      await page.getByLabel(run.s.password).fill('short');
      await page.getByLabel(run.s.repeat).fill('short');
      await page.getByRole('button', { name: run.s.set }).click();
      await expect(page.locator('#password-error').isVisible()).resolves.toBe(true);
      await check(page, `account-set-password-error-${run.lang}-${run.device}`);
      await page.getByLabel(run.s.password).fill(NEW_PASSWORD);
      await page.getByLabel(run.s.repeat).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: run.s.set }).click();
      await page.waitForURL((url) => url.pathname === '/orders');
      const session = (await page.context().cookies()).find((c) => c.name === 'onramp_session');
      expect(session).toBeDefined();
      await page.close();
    });
  }

  // Last: they move the clock.
  for (const run of RUNS) {
    it(`${run.lang}, ${run.device}: an expired link's page sends a new link`, async () => {
      const page = await newPage(run);
      const link = await askForLink(page, run, run.late, false);
      h.world.clock.advance(HOUR);
      await page.goto(link);
      await expect(page.locator('.notice.warn').textContent()).resolves.toBe(run.s.expired);
      await check(page, `account-link-expired-${run.lang}-${run.device}`);
      await page.getByRole('button', { name: run.s.newLink }).click();
      await page.waitForURL((url) => url.pathname === '/forgot-password/new-link-sent');
      await expect(page.getByRole('status').textContent()).resolves.toContain(run.s.newLinkSent);
      await check(page, `account-new-link-sent-${run.lang}-${run.device}`);
      await h.deliverMail();
      const mails = await h.mailbox(h.world.actors[run.late].email);
      expect(mails).toHaveLength(2);
      const fresh = mails[0]!.links.find((l) => l.includes('/set-password/'))!;
      expect(fresh).not.toBe(link);
      await page.goto(fresh);
      await expect(page.getByLabel(run.s.password).isVisible()).resolves.toBe(true);
      await page.close();
    });
  }
});
