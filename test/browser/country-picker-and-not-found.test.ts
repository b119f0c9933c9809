/**
 * In Chromium, English and Italian, on a phone and a desktop: the country step offers every ISO
 * country in the page's language and collation, narrows the list as the visitor types (and works
 * without JavaScript as a plain list); a damaged setup link is mended or lands on the friendly
 * page; an unknown address answers the 404 page in the layout with a way home; a form answered
 * with an error shows the language note instead of the switch. axe: 0 serious or critical.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

const WORDS = {
  en: {
    self: 'I will set up the service',
    newOrg: 'Create a new organization',
    next: 'Continue',
    country: 'Country',
    filter: 'Search the list',
    typed: 'pola',
    picked: 'PL',
    pickedName: 'Poland',
    region: 'Europe',
    first: ['Afghanistan', 'Åland Islands', 'Albania'],
    notFound: 'Page not found',
    home: 'Home page',
    deadHeading: 'This setup link no longer works',
  },
  it: {
    self: 'Configurerò io il servizio',
    newOrg: 'Crea una nuova organizzazione',
    next: 'Continua',
    country: 'Paese',
    filter: "Cerchi nell'elenco",
    typed: 'svez',
    picked: 'SE',
    pickedName: 'Svezia',
    region: 'Europa',
    first: ['Afghanistan', 'Albania', 'Algeria'],
    notFound: 'Pagina non trovata',
    home: 'Pagina iniziale',
    deadHeading: 'Questo link di configurazione non funziona più',
  },
} as const;

describe('country picker and not-found pages (Chromium)', () => {
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
  async function setupLink(language: 'en' | 'it'): Promise<string> {
    const email = `country${++seq}@initech.example`;
    await h.world.order({
      endCustomerName: `Initech Paesi ${seq}`,
      lines: [
        { offerCode: 'MEET-PRO', quantity: 5, provisioningContact: { name: 'Irene Conti', email, language } },
      ],
    });
    await h.deliverMail();
    const [mail] = await h.mailbox(email);
    const link = mail?.links.find((l) => l.includes('/setup/'));
    if (!link) throw new Error(`no setup link in the e-mail to ${email}`);
    return link;
  }

  async function check(page: Page, name: string) {
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  async function toCountryStep(page: Page, link: string, language: 'en' | 'it') {
    const w = WORDS[language];
    await page.goto(link);
    await page.getByRole('link', { name: w.self }).click();
    await page.getByRole('radio', { name: w.newOrg }).check();
    await page.getByRole('button', { name: w.next }).click();
    await page.waitForURL(/\/country\?/);
  }

  for (const [language, device, form] of [
    ['en', 'desktop', DESKTOP],
    ['it', 'phone', PHONE],
    ['en', 'phone', PHONE],
    ['it', 'desktop', DESKTOP],
  ] as const)
    it(`country step, ${language}, ${device}: every country, sorted, narrowed by typing`, async () => {
      const w = WORDS[language];
      const page = await browser.newPage(form);
      try {
        await toCountryStep(page, await setupLink(language), language);
        const select = page.getByLabel(w.country, { exact: true });
        const options = await select.locator('option').allTextContents();
        expect(options).toHaveLength(250); // the prompt and 249 countries
        const names = options.slice(1).map((o) => o.split(' — ')[0]!);
        expect(names.slice(0, 3)).toEqual(w.first);
        const collator = new Intl.Collator(language);
        expect([...names].sort(collator.compare)).toEqual(names);
        await check(page, `h20-country-${language}-${device}`);

        const filter = page.getByLabel(w.filter);
        await filter.fill(w.typed);
        await expect(select.locator('option').count()).resolves.toBe(2);
        await expect(select.inputValue()).resolves.toBe(w.picked);
        await check(page, `h20-country-${language}-${device}-filtered`);
        // Emptied, the whole list is back.
        await filter.fill('');
        await expect(select.locator('option').count()).resolves.toBe(250);
        await filter.fill(w.typed);

        await page.getByRole('button', { name: w.next }).click();
        const review = page.locator('.setup-review');
        await expect(review.textContent()).resolves.toContain(w.pickedName);
        await expect(review.textContent()).resolves.toContain(w.region);
      } finally {
        await page.close();
      }
    });

  it('without JavaScript the list alone works, and the search field stays hidden', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await toCountryStep(page, await setupLink('en'), 'en');
      await expect(page.getByLabel('Search the list').isVisible()).resolves.toBe(false);
      await page.getByLabel('Country', { exact: true }).selectOption('NO');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('.setup-review').textContent()).resolves.toContain('Norway');
    } finally {
      await context.close();
    }
  });

  for (const [language, device, form] of [
    ['en', 'desktop', DESKTOP],
    ['it', 'phone', PHONE],
  ] as const)
    it(`not found, ${language}, ${device}: the 404 page, damaged links, the language note`, async () => {
      const w = WORDS[language];
      const page = await browser.newPage({ ...form, locale: language === 'it' ? 'it-IT' : 'en-GB' });
      try {
        const missing = await page.goto(`${h.baseUrl}/no/such/page?lang=${language}`);
        expect(missing?.status()).toBe(404);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(w.notFound);
        await check(page, `h20-not-found-${language}-${device}`);
        await page.getByRole('main').getByRole('link', { name: w.home }).click();
        await page.waitForURL((url) => url.pathname !== '/no/such/page');

        // A link with the sentence's full stop and a soft break inside still opens the wizard.
        const link = await setupLink(language);
        const token = link.slice(link.lastIndexOf('/') + 1);
        const mangled = `${h.baseUrl}/setup/${token.slice(0, 20)}=%0A${token.slice(20)}.`;
        const mended = await page.goto(mangled);
        expect(mended?.status()).toBe(200);
        expect(page.url()).toBe(link);
        await expect(page.getByRole('link', { name: w.self }).count()).resolves.toBe(1);

        // One cut short lands on the friendly page.
        const cut = await page.goto(`${h.baseUrl}/setup/${token.slice(0, 12)}`);
        expect(cut?.status()).toBe(404);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(w.deadHeading);
        await check(page, `h20-damaged-link-${language}-${device}`);

        // A form answered with an error: the switch gives way to the note; the address stays.
        await page.goto(`${h.baseUrl}/sign-in?lang=${language}`);
        await page.getByLabel(/E-mail/).fill('typed@initech.example');
        await page.getByRole('button', { name: /Continue|Continua/ }).click();
        await page.getByLabel(/Password/).fill('not the password');
        await page.getByRole('button', { name: /Sign in|Accedi/ }).click();
        await page.waitForLoadState();
        await expect(page.locator('#language-locked').isVisible()).resolves.toBe(true);
        await expect(page.locator('header a[lang]').count()).resolves.toBe(0);
        await expect(page.getByLabel(/E-mail/).inputValue()).resolves.toBe('typed@initech.example');
        await check(page, `h20-language-note-${language}-${device}`);
      } finally {
        await page.close();
      }
    });
});
