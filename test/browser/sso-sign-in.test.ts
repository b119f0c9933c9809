/**
 * Single sign-on in Chromium, as a person does it, through a REAL OpenID provider
 * (`oidc-provider` on loopback): the e-mail-first sign-in page, the provider's own login and
 * consent pages, back in Onramp signed in; the refusal page in Italian; the connection settings
 * page of a partner administrator. English on a desktop, Italian on a phone, axe 0
 * serious/critical on each Onramp page. Saves docs/screenshots/sso-*.png for the README.
 */
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setSsoConnection } from '../../src/app/identity/sso/set-sso-connection.js';
import { verifySsoDomain } from '../../src/app/identity/sso/verify-sso-domain.js';
import { verificationRecord } from '../../src/domain/sso.js';
import { listSsoDomains } from '../../src/store/sso-repository.js';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../support/oidc-provider.js';
import {
  type Harness,
  launchBrowser,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const DOCS = join(import.meta.dirname, '../../docs/screenshots');

const CASES = [
  { lang: 'en', device: 'desktop', viewport: DESKTOP, email: 'alice@acme.example', continue: 'Continue' },
  { lang: 'it', device: 'phone', viewport: PHONE, email: 'marco@acme.example', continue: 'Continua' },
] as const;

describe('single sign-on (Chromium, real OpenID provider)', () => {
  let h: Harness;
  let browser: Browser;
  let idp: TestProvider;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    idp = await startTestProvider({
      redirectUri: `${h.baseUrl}/sign-in/sso/callback`,
      postLogoutRedirectUri: `${h.baseUrl}/sign-in`,
    });
    const deps = h.world.deps;
    // The provider's tokens are judged by the world's clock: let it read the time they carry.
    h.world.clock.set(new Date());
    await setSsoConnection(deps, 'cli', 'org_acme', {
      displayName: 'Acme Login',
      issuer: idp.issuer,
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
      domains: ['acme.example'],
    });
    // The organization published its TXT record; the test's resolver answers it.
    const claim = (await listSsoDomains(deps.db, 'org_acme'))[0]!;
    const record = verificationRecord('acme.example', claim.verification_token);
    const resolveTxt = (name: string) => Promise.resolve(name === record.name ? [[record.value]] : []);
    await verifySsoDomain({ ...deps, resolveTxt }, 'cli', 'org_acme', {
      domain: 'acme.example',
      method: 'dns',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await h?.close();
  });

  const newPage = (c: (typeof CASES)[number]): Promise<Page> =>
    browser.newPage({
      viewport: c.viewport,
      locale: c.lang === 'it' ? 'it-IT' : 'en-GB',
      extraHTTPHeaders: { 'accept-language': c.lang === 'it' ? 'it-IT,it;q=0.9' : 'en-GB,en;q=0.9' },
    });

  it.each(CASES)('signs in e-mail first through the provider ($lang, $device)', async (c) => {
    const page = await newPage(c);
    await page.goto(`${h.baseUrl}/sign-in`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('E-mail').fill(c.email);
    await page.screenshot({ path: join(DOCS, `sso-1-email-${c.lang}-${c.device}.png`), fullPage: true });
    await page.getByRole('button', { name: c.continue }).click();

    // The provider's own login page (its development pages), the address already filled in.
    await page.waitForURL((url) => url.origin === idp.issuer);
    await expect(page.locator('input[name="login"]').inputValue()).resolves.toBe(c.email);
    if (c.lang === 'en') await page.screenshot({ path: join(DOCS, 'sso-2-provider.png'), fullPage: true });
    await page.locator('input[name="password"]').fill('any password at the provider');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === idp.issuer && !url.pathname.endsWith('/login'));
    await page.getByRole('button', { name: 'Continue' }).click(); // the provider's consent

    await page.waitForURL((url) => url.origin === h.baseUrl && url.pathname === '/orders');
    // The workspace speaks the user's own language; the Italian case asks for Italian.
    if (c.lang === 'it') await page.goto(`${h.baseUrl}/orders?lang=it`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(DOCS, `sso-3-signed-in-${c.lang}-${c.device}.png`) });
    const session = (await page.context().cookies()).find((k) => k.name === 'onramp_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // Sign-out ends the local session and, the provider offering it, the provider's too.
    await page.getByRole('button', { name: /Sign out|Esci/ }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.close();
  });

  it('explains a failed sign-in in Italian, with the reference to quote', async () => {
    const page = await newPage(CASES[1]);
    const res = await page.goto(`${h.baseUrl}/sign-in/sso/callback?code=forged&state=forged`);
    expect(res?.status()).toBe(400);
    await expect(page.locator('h1').textContent()).resolves.toBe('Accesso singolo non completato');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('non appartiene a un accesso');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(DOCS, 'sso-refused-it-phone.png'), fullPage: true });
    await page.close();
  });

  it.each(CASES)(
    'lets an administrator connect the provider and add a domain ($lang, $device)',
    async (c) => {
      const page = await newPage(c);
      await signIn(page, h, 'brenda'); // Brightlink signs in with passwords so far
      await page.goto(`${h.baseUrl}/settings/sso`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      const domains = page.locator('#domains');
      await domains.fill(`bright.example, ${c.lang}.bright-group.example`);
      if (c.lang === 'en') {
        await page.locator('#displayName').fill('Bright ID');
        await page.locator('#issuer').fill(idp.issuer);
        await page.locator('#clientId').fill('bright-client');
        await page.locator('#clientSecret').fill('a secret from the provider');
      }
      await page.locator('form[action="/settings/sso"] button[type="submit"]').click();
      await page.waitForURL((url) => url.search.includes('saved=1'));
      await expect(page.getByRole('status').count()).resolves.toBe(1);
      await expect(
        page.getByText(`_onramp-verification.${c.lang}.bright-group.example`).count(),
      ).resolves.toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(DOCS, `sso-settings-${c.lang}-${c.device}.png`), fullPage: true });
      await page.close();
    },
  );
});
