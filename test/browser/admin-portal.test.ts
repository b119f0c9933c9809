/**
 * The admin portal administers, in Chromium: a customer admin sees her organization's data region,
 * administrators, orders and activity; invites another administrator (the e-mail goes through the
 * SMTP sink, the invitee accepts in a fresh context and lands in the portal, listed); removes him
 * through the confirmation dialog; and is refused, in Italian at phone width, when she tries to
 * remove the last administrator. English and Italian, phone and desktop; axe 0 serious/critical.
 * Saves docs/screenshots/admin-portal-administrators.png.
 */
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { runDue } from '../../src/jobs/run-due.js';
import { setupTokenOf } from '../app/setup-fixtures.js';
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
const DOCS = join(import.meta.dirname, '../../docs/screenshots');
const NEW_PASSWORD = 'a brand new long password';

describe('admin portal administers (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let webOrderId = '';

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    const w = h.world;
    await w.store.db
      .updateTable('organization')
      .set({ country: 'IT', data_region: 'Europe' })
      .where('id', '=', 'org_globex')
      .execute();
    // An order whose contact is Carla: she maps it to the organization she administers.
    const carla = w.actors.carla;
    const placed = await w.order({
      endCustomerName: 'Globex Italia',
      lines: [
        {
          offerCode: 'MEET-PRO',
          quantity: 25,
          provisioningContact: { name: carla.name, email: carla.email, language: 'en' },
        },
      ],
    });
    webOrderId = placed.webOrderId;
    await runDue(w.deps);
    await completeSetup(w.deps, await setupTokenOf(w, placed.subscriptionIds[0]!), {
      organization: { organizationId: 'org_globex' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('shows the organization, its administrators, orders and activity in both languages and widths', async () => {
    for (const [lang, viewport, device] of [
      ['en', DESKTOP, 'desktop'],
      ['en', PHONE, 'phone'],
      ['it', DESKTOP, 'desktop'],
      ['it', PHONE, 'phone'],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await signIn(page, h, 'carla');
      await page.goto(`${h.baseUrl}/admin?lang=${lang}`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Globex Italia');
      const words =
        lang === 'en'
          ? { admins: 'Administrators', orders: 'Orders', activity: 'Activity', region: 'Europe' }
          : { admins: 'Amministratori', orders: 'Ordini', activity: 'Attività', region: 'Europa' };
      await expect(page.locator('#administrators-heading').textContent()).resolves.toBe(words.admins);
      await expect(page.locator('#orders-heading').textContent()).resolves.toBe(words.orders);
      await expect(page.locator('#activity-heading').textContent()).resolves.toBe(words.activity);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain(words.region);
      expect(main).toContain(h.world.actors.carla.email);
      expect(main).toContain(webOrderId);
      const mapped =
        lang === 'en' ? 'Order mapped to the organization' : 'Ordine collegato all’organizzazione';
      await expect(page.locator('#activity').textContent()).resolves.toContain(mapped);
      await expectAccessible(page);
      await screenshot(page, `admin-portal-${lang}-${device}`);
      await page.close();
    }
  }, 120_000);

  it('invites an administrator who accepts and is listed; removes him through the dialog', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, h, 'carla');
    await page.goto(`${h.baseUrl}/admin?lang=en`);
    await expect(page.locator('#administrators').textContent()).resolves.toContain(
      'You are the only administrator',
    );
    await page.getByLabel('E-mail address').fill('Nino.Ferri@Globex.example');
    await page.getByLabel('Language of the e-mail').selectOption('it');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Invitation sent to nino.ferri@globex.example',
    );
    const pending = page.getByRole('row').filter({ hasText: 'nino.ferri@globex.example' });
    await expect(pending.getByText('Sent', { exact: true }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await h.deliverMail();
    const [mail] = await h.mailbox('nino.ferri@globex.example');
    expect(mail?.subject).toContain('Globex Italia');
    const link = mail!.links.find((l) => l.includes('/invitations/'))!;
    const invitee = await browser.newContext({ viewport: PHONE });
    const guest = await invitee.newPage();
    await guest.goto(link);
    await guest.getByLabel('Il Suo nome').fill('Nino Ferri');
    await guest.getByLabel('Scelga una password').fill(NEW_PASSWORD);
    await guest.getByLabel('Ripeta la password').fill(NEW_PASSWORD);
    await guest.getByRole('button', { name: /Accetta/ }).click();
    await guest.waitForURL((url) => url.pathname === '/admin');
    await expect(guest.locator('h1').textContent()).resolves.toBe('Globex Italia');
    await expectAccessible(guest);

    await page.goto(`${h.baseUrl}/admin?lang=en`);
    const nino = page.locator('#administrators').getByRole('row').filter({ hasText: 'Nino Ferri' });
    await expect(nino.textContent()).resolves.toContain('nino.ferri@globex.example');
    await expect(page.locator('#activity').textContent()).resolves.toContain('Joined as administrator');
    await expectAccessible(page);
    await page.locator('#administrators').screenshot({ path: join(DOCS, 'admin-portal-administrators.png') });
    await screenshot(page, 'admin-portal-two-admins');

    await page.getByRole('button', { name: 'Remove Nino Ferri' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe(
      'Remove Nino Ferri as administrator?',
    );
    await expectAccessible(page);
    await screenshot(page, 'admin-portal-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'removed');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Administrator removed');
    // Only the activity names him now.
    await expect(page.locator('#administrators').textContent()).resolves.not.toContain('Nino Ferri');
    await expect(page.locator('#activity').textContent()).resolves.toContain('Administrator removed');
    await expect(page.locator('#administrators tbody tr').count()).resolves.toBe(1);
    // His session ended at once.
    await guest.goto(`${h.baseUrl}/admin`);
    await guest.waitForURL((url) => url.pathname === '/sign-in');
    await invitee.close();
    await page.close();
  }, 120_000);

  it('refuses to remove the last administrator, in Italian at phone width', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, h, 'carla');
    await page.goto(`${h.baseUrl}/admin?lang=it`);
    await page.getByRole('button', { name: 'Rimuova Carla Neri' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe(
      'Rimuovere se stesso dagli amministratori?',
    );
    await dialog.getByRole('button', { name: 'Rimuova' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'È l’ultimo amministratore dell’organizzazione',
    );
    await expect(page.locator('#administrators tbody tr').count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'admin-portal-last-admin-it-phone');
    await page.close();
  }, 60_000);
});
