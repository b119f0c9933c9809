/**
 * The workspace's webhook settings in Chromium: a partner admin adds an endpoint (the secret is
 * shown once), sends a test event that a real receiver on a local socket verifies with that
 * secret, reads the delivery log, is refused a loopback URL when private addresses are not
 * allowed, deletes the endpoint through the confirmation dialog, and rotates a secret (the new one
 * shown once; both sign during the overlap, the manual clock then ends it). English and Italian,
 * axe-clean; a partner user is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dispatchWebhooks } from '../../src/jobs/dispatch-webhooks.js';
import {
  type Harness,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './support/browser-harness.js';

interface Received {
  signature: string;
  event: string;
  body: string;
}

describe('workspace: webhook settings (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
    h.world.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          signature: String(req.headers['onramp-signature']),
          event: String(req.headers['onramp-event']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.end('ok');
      });
    }).listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await h?.close();
  });

  const deliverWebhooks = async () => {
    const outbox = {
      batchSize: 10,
      maxAttempts: 3,
      backoffBaseMs: 1000,
      backoffMaxMs: 60_000,
      leaseMs: 60_000,
    };
    while ((await dispatchWebhooks({ ...h.world.deps, outbox })).claimed > 0);
  };

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('adds an endpoint, shows its secret once, sends a test event the receiver verifies, and deletes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'paola');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/webhooks');
    await expect(page.locator('h1').textContent()).resolves.toBe('Webhooks');
    await expect(page.getByText('No endpoints yet.').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByLabel('URL', { exact: true }).fill(receiverUrl);
    await page.getByLabel('Description (optional)').fill('ERP bridge');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('it will not be shown again');
    const secret = (await page.locator('code.webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page);
    await screenshot(page, 'webhooks-created');

    // Shown once: the list page no longer has it.
    await page.goto(`${h.baseUrl}/settings/webhooks`);
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByRole('cell', { name: receiverUrl, exact: true }).isVisible()).resolves.toBe(true);

    await page.getByRole('link', { name: 'Delivery log' }).click();
    await expect(page.getByText('No deliveries yet.').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Test event queued');
    await deliverWebhooks();
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'webhook.test' });
    await expect(row.getByText('Delivered').isVisible()).resolves.toBe(true);
    await expect(row.getByText('HTTP 200').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'webhooks-delivery-log');

    // The receiver checks the signature with the secret the page showed.
    expect(received).toHaveLength(1);
    const { signature, event, body } = received[0]!;
    expect(event).toBe('webhook.test');
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature)!;
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
    expect(timingSafeEqual(Buffer.from(v1!, 'hex'), expected)).toBe(true);

    await page.getByRole('link', { name: 'Back to webhooks' }).click();
    await page.getByRole('button', { name: `Delete ${receiverUrl}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Delete this endpoint?');
    await dialog.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.waitForURL((url) => url.searchParams.get('deleted') === '1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Endpoint deleted');
    await expect(page.getByText('No endpoints yet.').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('rotates a secret through the dialog: shown once; both sign during the overlap, then the new one only', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h, 'paola');
    await page.goto(`${h.baseUrl}/settings/webhooks`);
    const url = `${receiverUrl}/rotating`;
    await page.getByLabel('URL', { exact: true }).fill(url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const old = (await page.locator('code.webhook-secret').textContent())!;

    await page.goto(`${h.baseUrl}/settings/webhooks`);
    await page.getByRole('button', { name: `Rotate secret ${url}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Rotate this endpoint’s secret?');
    await expect(dialog.textContent()).resolves.toContain('For 24 hours every delivery is signed with both');
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/rotate-secret'));
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'The previous one also signs until',
    );
    const fresh = (await page.locator('code.webhook-secret').textContent())!;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    await expectAccessible(page);
    await screenshot(page, 'webhooks-rotated');
    await page.goto(`${h.baseUrl}/settings/webhooks`);
    expect(await page.content()).not.toContain(fresh);

    /** Sends a test event from the delivery log and returns how many v1 values verify under each secret. */
    const testEvent = async () => {
      await page.goto(`${h.baseUrl}/settings/webhooks`);
      await page
        .getByRole('row')
        .filter({ hasText: url })
        .getByRole('link', { name: 'Delivery log' })
        .click();
      await page.getByRole('button', { name: 'Send test event' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toContain('Test event queued');
      await deliverWebhooks();
      const { signature, body } = received.at(-1)!;
      const [t, ...v1s] = signature.split(',');
      const matches = (secret: string) =>
        v1s.filter((v) => {
          const expected = createHmac('sha256', secret)
            .update(`${t!.slice(2)}.${body}`)
            .digest();
          const given = Buffer.from(v.slice(3), 'hex');
          return given.length === expected.length && timingSafeEqual(given, expected);
        }).length;
      return { v1s: v1s.length, old: matches(old), fresh: matches(fresh) };
    };
    await expect(testEvent()).resolves.toEqual({ v1s: 2, old: 1, fresh: 1 });
    h.world.clock.advance(24 * 3_600_000);
    await signIn(page, h, 'paola'); // a day later the session has ended too
    await expect(testEvent()).resolves.toEqual({ v1s: 1, old: 0, fresh: 1 });
    await page.close();
  });

  it('refuses a loopback URL unless private addresses are allowed, keeping what was typed', async () => {
    h.world.deps.settings.webhooks = { allowPrivate: false, timeoutMs: 5_000 };
    try {
      const page = await browser.newPage();
      await signIn(page, h, 'paola');
      await page.goto(`${h.baseUrl}/settings/webhooks`);
      await page.getByLabel('URL', { exact: true }).fill('http://localhost:9/hooks');
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'public internet addresses only',
      );
      await expect(page.getByLabel('URL', { exact: true }).inputValue()).resolves.toBe(
        'http://localhost:9/hooks',
      );
      await expect(page.getByLabel('URL', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await expectAccessible(page);

      await page.getByLabel('URL', { exact: true }).fill('not a url');
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter an http or https URL.');
      const count = await h.world.store.db
        .selectFrom('webhook_endpoint')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('url', 'in', ['http://localhost:9/hooks', 'not a url'])
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
      await page.close();
    } finally {
      h.world.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    }
  });

  it('speaks Italian and refuses a partner user', async () => {
    const page = await browser.newPage();
    await signIn(page, h, 'dana');
    await page.goto(`${h.baseUrl}/settings/webhooks?lang=it`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Webhook');
    await expectAccessible(page);
    await screenshot(page, 'webhooks-it');
    await page.close();

    const alice = await browser.newPage();
    await signIn(alice, h, 'alice');
    await expect(alice.getByRole('link', { name: 'Webhooks' }).count()).resolves.toBe(0);
    const res = await alice.goto(`${h.baseUrl}/settings/webhooks`);
    expect(res?.status()).toBe(403);
    await expect(alice.getByRole('alert').textContent()).resolves.toContain(
      'Only partner administrators and distributor users manage webhooks',
    );
    await alice.close();
  });
});
