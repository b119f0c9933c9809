/**
 * End-to-end harness: a real Onramp HTTP server on a free port over a fresh test world, a real
 * SMTP sink whose catch lands in /dev/mailbox, and Debian's Chromium driven by playwright-core
 * (never a downloaded browser). Time is the world's manual clock; e-mail goes out when a test
 * calls `deliverMail()`, so nothing sleeps.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { type Browser, chromium, type Page } from 'playwright-core';

import { createHttpApp } from '../../../src/create-http-app.js';
import { captureMailInto } from '../../../src/email/capture-mail.js';
import { createMailer, type Mailer, type MailSink, startMailSink } from '../../../src/email/index.js';
import { dispatchOutbox } from '../../../src/jobs/dispatch-outbox.js';
import { runDue } from '../../../src/jobs/run-due.js';
import type { StoreKind } from '../../../src/store/open-store.js';
import { createWorld, type UserKey, type World } from '../../support/world.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TEST_PASSWORD = 'correct horse battery staple';
const SCREENSHOTS = join(import.meta.dirname, '../../../test-results/screenshots');

export interface Harness {
  world: World;
  baseUrl: string;
  sink: MailSink;
  /** Runs due work and drains the outbox into the sink, as the worker would. */
  deliverMail(): Promise<void>;
  /** E-mails caught so far, newest first. */
  mailbox(
    to?: string,
  ): Promise<{ to: string[]; subject: string; text: string; html: string; links: string[] }[]>;
  close(): Promise<void>;
}

export async function startHarness(kind: StoreKind = 'pglite'): Promise<Harness> {
  const world = await createWorld(kind, { publicUrl: 'http://127.0.0.1:0', password: TEST_PASSWORD });
  const sink = await startMailSink({
    port: 0,
    onMessage: captureMailInto(world.store.db, () => world.clock.now()),
  });
  const mailer: Mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
    from: world.deps.settings.mailFrom,
    pool: true,
  });

  // The port comes first (the app's links need it); no request arrives before the app is set.
  const serving: { app?: Hono } = {};
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: (req) => serving.app!.fetch(req), hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve(info.port),
    );
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Links in e-mails must point at this server.
  world.deps.settings.publicUrl = baseUrl;
  world.deps.settings.adminPortalUrl = `${baseUrl}/admin`;
  // The app main.ts serves, over the world's deps.
  serving.app = createHttpApp(
    { ...world.deps, store: world.store, maxBodyBytes: 1_000_000, secureCookies: false },
    { logError: (e) => console.error(e), demoMode: true, https: false },
  );

  const outbox = {
    batchSize: 100,
    maxAttempts: 3,
    backoffBaseMs: 1000,
    backoffMaxMs: 60_000,
    leaseMs: 60_000,
  };
  return {
    world,
    baseUrl,
    sink,
    deliverMail: async () => {
      await runDue(world.deps);
      while ((await dispatchOutbox({ ...world.deps, mailer, outbox })).claimed > 0);
    },
    mailbox: async (to) => {
      const res = (await (
        await fetch(`${baseUrl}/dev/mailbox.json${to ? `?to=${encodeURIComponent(to)}` : ''}`)
      ).json()) as {
        messages: { to: string[]; subject: string; text: string; html: string; links: string[] }[];
      };
      return res.messages;
    },
    close: async () => {
      mailer.close();
      await sink.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await world.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function signIn(page: Page, h: Harness, who: UserKey): Promise<void> {
  await page.goto(`${h.baseUrl}/sign-in`);
  await page.getByLabel(/E-mail/).fill(h.world.actors[who].email);
  // E-mail first: an address without single sign-on is then asked for its password.
  await page.getByRole('button', { name: /Continue|Continua/ }).click();
  await page.getByLabel(/Password/).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /Sign in|Accedi/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Saves a screenshot under test-results/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations (ids + targets). */
export async function seriousA11yViolations(
  page: Page,
): Promise<{ id: string; impact: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
