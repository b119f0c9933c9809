/**
 * Users and invitations in Chromium: a partner admin invites someone, the e-mail arrives in the
 * sink, the invitee opens the link in a fresh browser context, accepts and lands signed in; the
 * admin deactivates (through the confirmation dialog) and reactivates them. An operator invites a
 * support agent from the operator path, in Italian at phone width. An expired link offers a new
 * invitation; a colleague of a deactivated placer is pointed to the admins. axe: 0 serious or
 * critical violations on every page; screenshots of each.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { changeUser } from '../../src/app/identity/change-user.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const NEW_PASSWORD = 'a brand new long password';
const DAY = 86_400_000;

describe('people pages (Chromium)', () => {
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

  /** The invitation link of the newest e-mail to `to`, once the worker has sent it. */
  async function invitationLink(to: string): Promise<{ subject: string; link: string }> {
    await h.deliverMail();
    const [mail] = await h.mailbox(to);
    const link = mail?.links.find((l) => l.includes('/invitations/'));
    if (!mail || !link) throw new Error(`no invitation e-mail to ${to}`);
    return { subject: mail.subject, link };
  }

  it('a partner admin invites; the invitee accepts in a fresh context and is signed in; deactivate and reactivate', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'paola');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/users');
    await expect(page.locator('h1').textContent()).resolves.toBe('Users');
    await expectAccessible(page);

    await page.getByLabel('E-mail address').fill('Nina@Newcomers.example');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'User' });
    await page.getByLabel('Language of the e-mail').selectOption('en');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Invitation sent to nina@newcomers.example',
    );
    const row = page.getByRole('row').filter({ hasText: 'nina@newcomers.example' });
    await expect(row.getByText('Sent', { exact: true }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'people-settings-users-desktop');

    const { subject, link } = await invitationLink('nina@newcomers.example');
    expect(subject).toBe('Paola Verdi invited you to Acme Reseller on Onramp');

    const invitee = await browser.newContext({ viewport: DESKTOP });
    const guest = await invitee.newPage();
    await guest.goto(link);
    await expect(guest.locator('h1').textContent()).resolves.toBe('Join Acme Reseller on Onramp');
    await expect(guest.locator('#invitation-intro').textContent()).resolves.toBe(
      'Paola Verdi invited you to join Acme Reseller as User.',
    );
    await expectAccessible(guest);
    await screenshot(guest, 'invitation-accept-desktop');
    await guest.getByLabel('Your name').fill('Nina Neri');
    await guest.getByLabel('Choose a password').fill(NEW_PASSWORD);
    await guest.getByLabel('Repeat the password').fill('not the same password');
    await guest.getByRole('button', { name: 'Accept and sign in' }).click();
    await expect(guest.getByRole('alert').textContent()).resolves.toContain(
      'The two passwords are not the same.',
    );
    await expectAccessible(guest);
    await guest.getByLabel('Choose a password').fill(NEW_PASSWORD);
    await guest.getByLabel('Repeat the password').fill(NEW_PASSWORD);
    await guest.getByRole('button', { name: 'Accept and sign in' }).click();
    await guest.waitForURL((url) => url.pathname === '/orders');
    await expect(guest.getByText('Signed in as Nina Neri').isVisible()).resolves.toBe(true);

    await page.goto(`${h.baseUrl}/settings/users`);
    await expect(row.getByText('Accepted', { exact: true }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Deactivate Nina Neri' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Deactivate Nina Neri?');
    await expect(dialog.textContent()).resolves.toContain('API tokens revoked at once');
    await expectAccessible(page);
    await screenshot(page, 'people-deactivate-dialog');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'deactivated');
    const nina = page.getByRole('row').filter({ hasText: 'Nina Neri' });
    await expect(nina.getByText('Deactivated', { exact: true }).isVisible()).resolves.toBe(true);

    // Her session stopped at once.
    await guest.goto(`${h.baseUrl}/orders`);
    await guest.waitForURL((url) => url.pathname === '/sign-in');

    await page.getByRole('button', { name: 'Reactivate Nina Neri' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'reactivated');
    await expect(nina.getByText('Active', { exact: true }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await invitee.close();
    await page.close();
  }, 120_000);

  it('an operator invites a support agent from the operator path (Italian, phone)', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'olga');
    await page.goto(`${h.baseUrl}/operator/organizations/org_ops/users?lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Utenti');
    await page.getByLabel('Indirizzo e-mail').fill('ada@onramp-support.example');
    await page.getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Agente di supporto' });
    await page.getByLabel('Lingua dell’e-mail').selectOption('it');
    await page.getByRole('button', { name: 'Invia l’invito' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Invito inviato a ada@onramp-support.example',
    );
    await expectAccessible(page);
    await screenshot(page, 'people-operator-it-phone');

    // Another organization's page, as the operator sees it.
    await page.goto(`${h.baseUrl}/operator/organizations/org_acme/users`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Utenti di Acme Reseller');
    await expectAccessible(page);
    await screenshot(page, 'people-operator-acme-it-phone');

    const { subject, link } = await invitationLink('ada@onramp-support.example');
    expect(subject).toBe('Olga Operator La invita in Onramp Support su Onramp');
    const invitee = await browser.newContext({ viewport: PHONE });
    const guest = await invitee.newPage();
    await guest.goto(link);
    await expect(guest.locator('h1').textContent()).resolves.toBe('Entri in Onramp Support su Onramp');
    await expectAccessible(guest);
    await screenshot(guest, 'invitation-accept-it-phone');
    await guest.getByLabel('Il Suo nome').fill('Ada Agente');
    await guest.getByLabel('Scelga una password').fill(NEW_PASSWORD);
    await guest.getByLabel('Ripeta la password').fill(NEW_PASSWORD);
    await guest.getByRole('button', { name: 'Accetta e accedi' }).click();
    await guest.waitForURL((url) => url.pathname === '/orders');
    const ada = await h.world.store.db
      .selectFrom('app_user')
      .select(['role', 'organization_id'])
      .where('email', '=', 'ada@onramp-support.example')
      .executeTakeFirstOrThrow();
    expect(ada).toEqual({ role: 'support_agent', organization_id: 'org_ops' });
    await invitee.close();
    await page.close();
  }, 120_000);

  it('a partner user is refused; a dead link says so; an expired link offers a new invitation', async () => {
    const alice = await browser.newPage({ viewport: PHONE });
    await signIn(alice, h, 'alice');
    await expect(alice.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
    const res = await alice.goto(`${h.baseUrl}/settings/users`);
    expect(res?.status()).toBe(403);
    await alice.close();

    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'dora');
    await page.goto(`${h.baseUrl}/settings/users`);
    await page.getByLabel('E-mail address').fill('late@newcomers.example');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'invited');
    const { link } = await invitationLink('late@newcomers.example');
    await screenshot(page, 'people-settings-users-phone');

    const guest = await (await browser.newContext({ viewport: PHONE })).newPage();
    const dead = await guest.goto(`${h.baseUrl}/invitations/${'x'.repeat(43)}`);
    expect(dead?.status()).toBe(404);
    await expect(guest.locator('h1').textContent()).resolves.toBe('This invitation link no longer works');
    await expectAccessible(guest);

    h.world.clock.advance(8 * DAY);
    const expired = await guest.goto(link);
    expect(expired?.status()).toBe(410);
    await expect(guest.locator('h1').textContent()).resolves.toBe('This invitation has expired');
    await expectAccessible(guest);
    await screenshot(guest, 'invitation-expired-phone');
    await guest.getByRole('button', { name: 'Send me a new invitation' }).click();
    await expect(guest.getByRole('status').textContent()).resolves.toContain('a new e-mail with a new link');
    const renewed = await invitationLink('late@newcomers.example');
    expect(renewed.link).not.toBe(link);
    await guest.goto(renewed.link);
    await expect(guest.locator('h1').textContent()).resolves.toBe('Join Northwind Distribution on Onramp');

    // Eight days on, dora's session has ended too.
    await signIn(page, h, 'dora');
    await page.goto(`${h.baseUrl}/settings/users`);
    const row = page.getByRole('row').filter({ hasText: 'late@newcomers.example' });
    await expect(row.getByText('sent 2 times').isVisible()).resolves.toBe(true);
    await page.close();
  }, 120_000);

  it('a colleague of a deactivated placer is pointed to the admins', async () => {
    const order = await h.world.order({}, 'marco');
    await changeUser(h.world.deps, h.world.actors.paola, 'usr_marco', { active: false });
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'alice');
    const res = await page.goto(`${h.baseUrl}/orders/${order.orderId}`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('whose account is deactivated');
    await expect(page.getByRole('link', { name: 'paola@acme.example' }).getAttribute('href')).resolves.toBe(
      'mailto:paola@acme.example',
    );
    await expectAccessible(page);
    await screenshot(page, 'refusal-ask-admins-desktop');
    await page.close();
  }, 120_000);
});
