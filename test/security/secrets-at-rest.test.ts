/**
 * No secret at rest in clear (issue 18, item 5). While the SMTP server is down, e-mails carrying a
 * setup link, a set-password link and a support case link wait in the outbox, and API answers
 * carrying a new API token and a webhook signing secret are kept for Idempotency-Key replays:
 * no row of either table holds any of them readably. Once the server is back the e-mails arrive
 * with links that work, and a replay still returns the secret.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { requestPasswordReset } from '../../src/app/identity/request-password-reset.js';
import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { runDue } from '../../src/jobs/run-due.js';
import { emailPayload } from '../../src/store/outbox-payloads.js';
import { enqueue } from '../../src/store/outbox-repository.js';
import { resealOutboxSecrets } from '../../src/store/reseal-outbox-secrets.js';
import {
  installKeyRing,
  keyRing,
  keyRingOf,
  newSecretKeyText,
  parseSecretKey,
  seal,
  sealedKeyId,
  unseal,
} from '../../src/store/secret-box.js';
import { apiOf, call } from '../http/api-harness.js';
import { dispatcher, OUTBOX, startInbox, unusedPort } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

/** Every row of a table as one text, the way a dump or a backup would show it. */
async function tableText(w: World, table: 'outbox' | 'idempotency_key'): Promise<string> {
  const rows = await w.store.db.selectFrom(table).selectAll().execute();
  return JSON.stringify(rows, (_k, v: unknown) =>
    v && typeof v === 'object' && 'type' in v && (v as { type: unknown }).type === 'Buffer' ? '<bytes>' : v,
  );
}

const LINK_PATHS = ['/setup/', '/set-password/', '/cases/'];

describeEachStore('secrets at rest: outbox and idempotency rows', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
    w.deps.settings.webhooks = { allowPrivate: false, timeoutMs: 5_000 };
  });
  afterAll(() => w.close());

  it('holds no link or API secret in clear while SMTP is down; mail and replays still work after', async () => {
    const { subscriptionIds, webOrderId } = await w.order({
      lines: [
        {
          offerCode: 'MEET-PRO',
          quantity: 1,
          provisioningContact: { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' },
        },
      ],
    });
    await runDue(w.deps);
    await requestPasswordReset(w.deps, { email: 'alice@acme.example', ip: '192.0.2.1' });
    await openSupportCase(
      w.deps,
      { contactEmail: 'irene@initech.example', ip: '192.0.2.1' },
      { type: 'resend_provisioning_email', reference: webOrderId, description: 'No e-mail', screenshots: [] },
    );

    const api = apiOf(w);
    const idempotent = (key: string) => ({ as: 'paola' as const, headers: { 'Idempotency-Key': key } });
    const hook = { url: 'https://93.184.215.14/hooks/onramp' };
    const endpoint = await call(api, w, 'POST', '/api/v1/webhook-endpoints', {
      ...idempotent('hook-1'),
      body: hook,
    });
    const token = await call(api, w, 'POST', '/api/v1/tokens', {
      ...idempotent('token-1'),
      body: { name: 'ERP', expiresInDays: 30 },
    });
    expect([endpoint.status, token.status]).toEqual([201, 201]);
    const apiSecrets = [endpoint.body.secret as string, token.body.token as string];

    // SMTP down: every e-mail is tried and waits.
    const port = await unusedPort();
    const d = dispatcher(w.deps, port, OUTBOX);
    try {
      expect(await d.pass()).toMatchObject({ claimed: 3, retrying: 3, sent: 0 });
      const outbox = await tableText(w, 'outbox');
      const kept = await tableText(w, 'idempotency_key');
      for (const text of [outbox, kept]) {
        for (const path of LINK_PATHS) expect(text).not.toContain(path);
        for (const secret of apiSecrets) expect(text).not.toContain(secret);
      }
      expect(outbox).toContain('sealed:v1:');
      expect(kept).toContain('sealed:v1:');

      // A replay still answers with the secret (opened from the sealed body).
      const replay = await call(api, w, 'POST', '/api/v1/webhook-endpoints', {
        ...idempotent('hook-1'),
        body: hook,
      });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.secret).toBe(apiSecrets[0]);

      // The server is back: the three e-mails arrive, their links in full.
      const inbox = await startInbox({ port });
      try {
        w.clock.advance(OUTBOX.backoffBaseMs);
        expect(await d.pass()).toMatchObject({ claimed: 3, sent: 3 });
        const links = inbox.received.map(
          (r) => /https?:\/\/\S+\/(setup|set-password|support\/cases)\/\S+/.exec(r.mail.text)![0],
        );
        expect(links).toHaveLength(3);
        const setup = links.find((l) => l.includes('/setup/'))!;
        const live = await w.store.db
          .selectFrom('setup_token')
          .select(['subscription_id', 'revoked_at'])
          .where('token_hash', '=', hashToken(setup.slice(setup.lastIndexOf('/') + 1)))
          .executeTakeFirstOrThrow();
        expect(live).toEqual({ subscription_id: subscriptionIds[0], revoked_at: null });
        const opened = await call(api, w, 'GET', `/api/v1/setup/${setup.slice(setup.lastIndexOf('/') + 1)}`, {
          as: null,
        });
        expect(opened.status).toBe(200);
        // Sent rows keep nothing of the secrets, sealed or not.
        expect(await tableText(w, 'outbox')).not.toContain('sealed:v1:');
      } finally {
        await inbox.close();
      }
    } finally {
      d.close();
    }
  });

  it('a rotation and rows queued before sealing: the worker reseals under the current key, and they go out', async () => {
    const original = keyRing();
    const [oldKey, newKey] = [newSecretKeyText(), newSecretKeyText()].map((k) => parseSecretKey(k)!) as [
      Buffer,
      Buffer,
    ];
    const now = w.clock.now();
    const input = (n: number) => ({
      language: 'en' as const,
      to: { name: 'Irene', email: 'irene@initech.example' },
      purpose: 'reset' as const,
      secrets: { setPasswordUrl: `http://onramp.test/set-password/tok_rotation_${n}` },
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    try {
      installKeyRing(keyRingOf(oldKey));
      const underOldKey = emailPayload('password-link', input(1));
      const inClear = { input: { template: 'password-link', ...input(2) } };
      await enqueue(w.store.db, now, [
        { topic: 'email', payload: underOldKey, messageKey: 'pwl_rot_1', availableAt: now },
        // As written before sealing existed: the links in clear.
        {
          topic: 'email',
          payload: inClear as unknown as typeof underOldKey,
          messageKey: 'pwl_rot_2',
          availableAt: now,
        },
      ]);
      installKeyRing(keyRingOf(newKey, [oldKey]));
      const rows = () =>
        w.store.db.selectFrom('outbox').select('payload').where('message_key', 'like', 'pwl_rot_%').execute();
      expect(JSON.stringify(await rows())).toContain('tok_rotation_2');

      expect(await resealOutboxSecrets(w.store.db)).toBe(2);
      expect(await resealOutboxSecrets(w.store.db)).toBe(0);
      const stored = await rows();
      expect(JSON.stringify(stored)).not.toContain('tok_rotation');
      for (const { payload } of stored)
        expect(sealedKeyId((payload as { input: { secrets: string } }).input.secrets)).toBe(
          keyRing().current.id,
        );

      // The old key is no longer needed: both go out with their links.
      installKeyRing(keyRingOf(newKey));
      const inbox = await startInbox();
      const d = dispatcher(w.deps, inbox.port, OUTBOX);
      try {
        expect(await d.drain()).toMatchObject({ sent: 2, failed: 0 });
        const texts = inbox.to('irene@initech.example').map((m) => m.text);
        for (const n of [1, 2]) expect(texts.some((t) => t.includes(`tok_rotation_${n}`))).toBe(true);
      } finally {
        d.close();
        await inbox.close();
      }
    } finally {
      installKeyRing(original);
    }
  });
});

it('a sealed value opens with its own key or an older one in the ring, and with nothing else', () => {
  const [oldKey, newKey, stranger] = [newSecretKeyText(), newSecretKeyText(), newSecretKeyText()].map((k) =>
    parseSecretKey(k)!,
  ) as [Buffer, Buffer, Buffer];
  const sealed = keyRingOf(oldKey);
  const value = 'http://onramp.test/setup/tok_abc';
  const sealedText = seal(value, 'outbox', sealed);
  const text = (ring: ReturnType<typeof keyRingOf>) => {
    try {
      return unseal(sealedText, 'outbox', ring);
    } catch (e) {
      return (e as Error).name;
    }
  };
  expect(sealedText).not.toContain('tok_abc');
  expect(text(keyRingOf(newKey, [oldKey]))).toBe(value);
  expect(text(keyRingOf(stranger))).toBe('UnsealError');
  // The purpose is authenticated: an outbox value does not open as an idempotency body.
  expect(() => unseal(sealedText, 'idempotency', sealed)).toThrow(/does not authenticate/);
  // One changed character and it does not open.
  // (The replaced character is the second to last; the replacement differs from it.)
  const tampered = sealedText.slice(0, -2) + (sealedText.at(-2) === 'A' ? 'B' : 'A') + sealedText.slice(-1);
  expect(tampered).not.toBe(sealedText);
  expect(() => unseal(tampered, 'outbox', sealed)).toThrow();
});
