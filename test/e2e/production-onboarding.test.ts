/**
 * The first hour of a real operator, end to end, in production mode: an EMPTY PostgreSQL
 * database, a real SMTP server on a socket (`SMTP_URL`), and the real `onramp` processes.
 *
 *   migrate → admin bootstrap → the operator chooses a password (the e-mailed link) → creates a
 *   partner and invites its admin → the admin accepts, invites a user and creates a token → the
 *   token places an order due today → the provisioning e-mail arrives → the token is revoked
 *   (401) → the user is deactivated (their session and their other token stop at once).
 *
 * Nothing here knows the database: every step goes through the command line, the pages (as a
 * browser posts forms) or the API, and every link comes out of a received e-mail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { type Inbox, startInbox } from '../jobs/mail-harness.js';
import { WebClient } from '../security/web-client.js';
import { spawnOnramp } from '../support/run-onramp.js';
import { TEST_SECRET_KEY } from '../support/secret-keys.js';

const BIN = join(import.meta.dirname, '../../bin/onramp.js');
const pgAvailable = inject('pgTemplate') !== null;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** `fetch` against the running server, without following redirects, as WebClient expects. */
function httpOf(base: string) {
  return {
    request: (path: string | URL | Request, init: RequestInit = {}) =>
      fetch(`${base}${String(path)}`, { ...init, redirect: 'manual' }),
  };
}

/**
 * Polls the inbox for a message to `to` (the worker runs on its own schedule). No count of tries:
 * a busy machine only makes the e-mail later, and the test's timeout is the bound.
 */
async function mailTo(inbox: Inbox, to: string, subject: RegExp) {
  for (;;) {
    const found = inbox.to(to).find((m) => subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function linkIn(text: string, path: RegExp): string {
  const link = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]).find((l) => path.test(l));
  if (!link) throw new Error(`no link matching ${path} in:\n${text}`);
  return link;
}

describe.skipIf(!pgAvailable)('production onboarding, end to end (PostgreSQL + SMTP)', () => {
  const database = `onramp_e2e_${randomBytes(5).toString('hex')}`;
  let env: Record<string, string>;
  let inbox: Inbox;
  let server: ChildProcess | undefined;
  let base = '';

  const onramp = (args: string[]) => spawnOnramp(args, env);
  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };

  beforeAll(async () => {
    await adminQuery(`create database ${database}`);
    inbox = await startInbox();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env.PATH ?? '',
      OUTBOX_SECRET_KEY: TEST_SECRET_KEY,
      DATABASE_URL: inject('pgAdminUrl').replace(/\/[^/]*$/, `/${database}`),
      SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
      PORT: String(port),
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
      DUE_INTERVAL_MS: '200',
      OUTBOX_INTERVAL_MS: '100',
    };
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await inbox?.close();
    await adminQuery(`drop database if exists ${database} with (force)`);
  });

  it(
    'bootstrap → partner → invitations → token → order → e-mail → revoke → deactivate',
    { timeout: 240_000 },
    async () => {
      // 1. An empty database: migrate, then the first operator.
      expect(await onramp(['migrate'])).toMatchObject({ code: 0 });
      const boot = await onramp([
        'admin',
        'bootstrap',
        '--email',
        'olivia@ops.example',
        '--name',
        'Olivia Ops',
      ]);
      expect(boot.code, boot.stderr).toBe(0);
      const bootstrapped = JSON.parse(boot.stdout) as {
        userId: string;
        email: string;
        setPasswordUrl: string;
      };
      expect(bootstrapped).toMatchObject({ email: 'olivia@ops.example' });
      expect(bootstrapped.setPasswordUrl.startsWith(`${base}/set-password/`)).toBe(true);
      // A second bootstrap is refused: there is an operator now.
      const again = await onramp(['admin', 'bootstrap', '--email', 'mallory@ops.example']);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/operator/i);

      // 2. The whole product, as an operator starts it.
      server = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      server.stdout!.on('data', (c: Buffer) => (log += c.toString()));
      server.stderr!.on('data', (c: Buffer) => (log += c.toString()));
      for (;;) {
        const up = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (server.exitCode !== null) throw new Error(`onramp start exited: ${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }

      // 3. The bootstrap e-mail carries the same link; the operator chooses a password with it.
      const bootMail = await mailTo(inbox, 'olivia@ops.example', /operator account/i);
      expect(linkIn(bootMail.text ?? '', /\/set-password\//)).toBe(bootstrapped.setPasswordUrl);
      const olivia = new WebClient(httpOf(base));
      const setPath = new URL(bootstrapped.setPasswordUrl).pathname;
      expect((await olivia.get(setPath)).status).toBe(200);
      const chosen = await olivia.post(setPath, {
        password: 'operator-passphrase-1',
        repeat: 'operator-passphrase-1',
      });
      expect(chosen.status).toBe(303);
      expect((await olivia.get('/operator')).status).toBe(200);
      // Single use: the link is spent.
      expect((await new WebClient(httpOf(base)).get(setPath)).status).not.toBe(200);

      // 4. The operator's own token (the CLI), a partner, and an invitation for its admin.
      const opToken = await onramp([
        'admin',
        'create-token',
        '--email',
        'olivia@ops.example',
        '--name',
        'setup',
      ]);
      expect(opToken.code, opToken.stderr).toBe(0);
      const operatorToken = (JSON.parse(opToken.stdout) as { token: string }).token;
      expect(operatorToken.startsWith('onr_')).toBe(true);
      const partner = await api('POST', '/organizations', operatorToken, {
        kind: 'partner',
        name: 'Acme Reseller',
      });
      expect(partner.status).toBe(201);
      const partnerId = partner.body['organizationId'] as string;
      const invited = await api('POST', '/invitations', operatorToken, {
        organizationId: partnerId,
        email: 'paola@acme.example',
        role: 'partner_admin',
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ status: 'sent', role: 'partner_admin' });

      // 5. The admin accepts from the e-mail (which names who invited and to which organization).
      const invitation = await mailTo(inbox, 'paola@acme.example', /Acme Reseller/);
      expect(invitation.text).toContain('Olivia Ops');
      const paola = new WebClient(httpOf(base));
      const acceptPath = new URL(linkIn(invitation.text ?? '', /\/invitations\//)).pathname;
      expect((await paola.get(acceptPath)).status).toBe(200);
      const accepted = await paola.post(acceptPath, {
        name: 'Paola Verdi',
        password: 'admin-passphrase-1',
        confirm: 'admin-passphrase-1',
      });
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get('location')).toBe('/orders');

      // 6. The admin creates tokens on the tokens page (each shown once) and invites a user.
      const adminToken = await createTokenOnPage(paola, 'orders integration');
      const spareToken = await createTokenOnPage(paola, 'spare');
      const userInvite = await api('POST', '/invitations', adminToken, {
        email: 'marco@acme.example',
        role: 'partner_user',
      });
      expect(userInvite.status).toBe(201);
      const userMail = await mailTo(inbox, 'marco@acme.example', /Acme Reseller/);
      const marco = new WebClient(httpOf(base));
      const marcoAccept = new URL(linkIn(userMail.text ?? '', /\/invitations\//)).pathname;
      await marco.get(marcoAccept);
      expect(
        (
          await marco.post(marcoAccept, {
            name: 'Marco Bianchi',
            password: 'user-passphrase-1',
            confirm: 'user-passphrase-1',
          })
        ).status,
      ).toBe(303);
      const marcoToken = await createTokenOnPage(marco, 'laptop');
      expect((await api('GET', '/orders', marcoToken)).status).toBe(200);

      // 7. The admin's token places an order due today; the provisioning e-mail arrives.
      const offers = await api('GET', '/offers', adminToken);
      expect(offers.status).toBe(200);
      const today = new Date().toISOString().slice(0, 10);
      const placed = await api('POST', '/orders', adminToken, {
        webOrderId: 'WO-FIRST-1',
        endCustomerName: 'Initech Srl',
        rsd: today,
        lines: [
          {
            offerCode: 'MEET-PRO',
            quantity: 5,
            provisioningContact: { name: 'Irene Conti', email: 'irene@initech.example', language: 'it' },
          },
        ],
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      const provisioning = await mailTo(inbox, 'irene@initech.example', /WO-FIRST-1/);
      expect(linkIn(provisioning.text ?? '', /\/setup\//)).toContain(`${base}/setup/`);

      // 8. The token is revoked: 401 from then on.
      const mine = await api('GET', '/tokens', adminToken);
      const adminTokenId = (mine.body['items'] as { tokenId: string; name: string }[]).find(
        (t) => t.name === 'orders integration',
      )!.tokenId;
      expect((await api('DELETE', `/tokens/${adminTokenId}`, adminToken)).status).toBe(204);
      expect((await api('GET', '/orders', adminToken)).status).toBe(401);

      // 9. The user is deactivated: their session and their token stop at once.
      const users = await api('GET', '/users', spareToken);
      const marcoId = (users.body['items'] as { userId: string; email: string }[]).find(
        (u) => u.email === 'marco@acme.example',
      )!.userId;
      expect((await marco.get('/orders')).status).toBe(200);
      const deactivated = await api('PATCH', `/users/${marcoId}`, spareToken, { active: false });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body).toMatchObject({ active: false });
      expect((await api('GET', '/orders', marcoToken)).status).toBe(401);
      const after = await marco.get('/orders');
      expect(after.status).toBe(303);
      expect(after.headers.get('location')).toMatch(/^\/sign-in/);
      // The order the admin placed stays with the organization.
      expect((await api('GET', '/orders/WO-FIRST-1', spareToken)).status).toBe(200);
    },
  );
});

/** Creates a token on /settings/tokens as a signed-in person and reads it off the page (shown once). */
async function createTokenOnPage(client: WebClient, name: string): Promise<string> {
  expect((await client.get('/settings/tokens')).status).toBe(200);
  const created = await client.post('/settings/tokens', { name, expiresInDays: '30', access: 'read_write' });
  expect(created.status).toBe(303);
  const shown = await client.get(created.headers.get('location') ?? '/settings/tokens');
  const token = /onr_[A-Za-z0-9_-]{43}/.exec(shown.html)?.[0];
  if (!token) throw new Error(`no token on the page (status ${shown.status})`);
  // Shown once: the next visit has no secret on it.
  expect((await client.get('/settings/tokens')).html).not.toContain(token);
  return token;
}
