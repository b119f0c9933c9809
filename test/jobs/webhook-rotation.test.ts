/**
 * A webhook secret rotation seen from a receiver written here (a real node:http server on a free
 * port) that verifies Onramp-Signature as the README tells partners to: accept when any `v1`
 * matches the secret it holds. During the overlap each delivery carries both signatures, so a
 * receiver holding either secret accepts it; once the overlap ends (the manual clock moves, nothing
 * sleeps) only the new secret signs. Secrets stay sealed at rest, clear rows from before sealing
 * are sealed by the worker's pass, and a key rotation of OUTBOX_SECRET_KEY carries them over.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import { rotateWebhookSecret } from '../../src/app/webhooks/rotate-webhook-secret.js';
import { sendTestWebhook } from '../../src/app/webhooks/send-test-webhook.js';
import { dispatchWebhooks } from '../../src/jobs/dispatch-webhooks.js';
import { installKeyRing, keyRing, keyRingOf, sealedKeyId } from '../../src/store/secret-box.js';
import { openWebhookSecret, resealWebhookSecrets } from '../../src/store/webhook-secrets.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { OUTBOX } from './mail-harness.js';

const HOUR = 3_600_000;

/** What a partner writes: every `v1` of the header, checked in constant time against its secret. */
function verifies(secret: string, header: string, rawBody: string): boolean {
  const parts = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = parts.find(([k]) => k === 't')?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, hex]) => {
      const given = Buffer.from(hex, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

interface Received {
  signature: string;
  body: string;
}

describeEachStore('webhook secret rotation: two signatures during the overlap', (kind) => {
  let w: World;
  let server: Server;
  let url = '';
  const received: Received[] = [];
  beforeAll(async () => {
    w = await createWorld(kind);
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          signature: String(req.headers['onramp-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.end('ok');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await w.close();
  });

  /** Queues a test event, delivers it, and returns what the receiver got. */
  async function deliverTest(endpointId: string): Promise<Received> {
    const before = received.length;
    await sendTestWebhook(w.deps, w.actors.paola, endpointId);
    expect(await dispatchWebhooks({ ...w.deps, outbox: OUTBOX })).toMatchObject({ claimed: 1, sent: 1 });
    expect(received).toHaveLength(before + 1);
    return received.at(-1)!;
  }
  const v1Count = (r: Received) => r.signature.split(',').filter((p) => p.startsWith('v1=')).length;

  it('signs under both secrets until the overlap ends, then under the new one only', async () => {
    const { endpointId, secret: old } = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url,
      description: '',
    });
    const before = await deliverTest(endpointId);
    expect(v1Count(before)).toBe(1);
    expect(verifies(old, before.signature, before.body)).toBe(true);

    const { secret: fresh } = await rotateWebhookSecret(w.deps, w.actors.paola, endpointId, {
      overlapHours: 24,
    });
    const during = await deliverTest(endpointId);
    expect(during.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    // Either receiver accepts it: one that still holds the old secret, one already switched.
    expect(verifies(old, during.signature, during.body)).toBe(true);
    expect(verifies(fresh, during.signature, during.body)).toBe(true);
    // The new secret's signature comes first.
    const [t, firstV1] = during.signature.split(',');
    expect(verifies(fresh, `${t},${firstV1}`, during.body)).toBe(true);
    expect(verifies('whsec_someone_else_entirely_000000', during.signature, during.body)).toBe(false);

    w.clock.advance(24 * HOUR - 1);
    expect(v1Count(await deliverTest(endpointId))).toBe(2);
    w.clock.advance(1);
    const after = await deliverTest(endpointId);
    expect(v1Count(after)).toBe(1);
    expect(verifies(fresh, after.signature, after.body)).toBe(true);
    expect(verifies(old, after.signature, after.body)).toBe(false);
  });

  it('a second rotation during the overlap drops the oldest secret at once; overlap 0 keeps only the new one', async () => {
    const { endpointId, secret: first } = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url,
      description: '',
    });
    const { secret: second } = await rotateWebhookSecret(w.deps, w.actors.paola, endpointId, {
      overlapHours: 24,
    });
    w.clock.advance(HOUR);
    const { secret: third } = await rotateWebhookSecret(w.deps, w.actors.paola, endpointId, {
      overlapHours: 24,
    });
    const d = await deliverTest(endpointId);
    expect(v1Count(d)).toBe(2);
    expect([first, second, third].map((s) => verifies(s, d.signature, d.body))).toEqual([false, true, true]);

    const { secret: fourth } = await rotateWebhookSecret(w.deps, w.actors.paola, endpointId, {
      overlapHours: 0,
    });
    const e = await deliverTest(endpointId);
    expect(v1Count(e)).toBe(1);
    expect([third, fourth].map((s) => verifies(s, e.signature, e.body))).toEqual([false, true]);
  });

  it('seals a clear secret from before sealing, and carries secrets over to a new key', async () => {
    const { endpointId, secret } = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url,
      description: '',
    });
    await rotateWebhookSecret(w.deps, w.actors.paola, endpointId, { overlapHours: 24 });
    const { endpointId: legacyId, secret: legacy } = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url,
      description: '',
    });
    // As a row written before migration 031 holds it.
    await w.store.db
      .updateTable('webhook_endpoint')
      .set({ secret: legacy })
      .where('id', '=', legacyId)
      .execute();
    const clear = await deliverTest(legacyId);
    expect(verifies(legacy, clear.signature, clear.body)).toBe(true);

    const oldRing = keyRing();
    installKeyRing(keyRingOf(randomBytes(32), [oldRing.current.key]));
    try {
      expect(await resealWebhookSecrets(w.store.db)).toBeGreaterThanOrEqual(2);
      expect(await resealWebhookSecrets(w.store.db)).toBe(0);
      const rows = await w.store.db
        .selectFrom('webhook_endpoint')
        .select(['id', 'secret', 'previous_secret'])
        .where('id', 'in', [endpointId, legacyId])
        .orderBy('id')
        .execute();
      for (const r of rows)
        for (const s of [r.secret, r.previous_secret].filter((x) => x !== null))
          expect(sealedKeyId(s)).toBe(keyRing().current.id);
      const legacyRow = rows.find((r) => r.id === legacyId)!;
      expect(legacyRow.secret).not.toContain(legacy);
      expect(openWebhookSecret(legacyRow.secret)).toBe(legacy);

      // The old key can go: deliveries still sign, under both secrets of the rotated endpoint.
      installKeyRing(keyRingOf(keyRing().current.key));
      const d = await deliverTest(endpointId);
      expect(v1Count(d)).toBe(2);
      expect(verifies(secret, d.signature, d.body)).toBe(true);
      const l = await deliverTest(legacyId);
      expect(verifies(legacy, l.signature, l.body)).toBe(true);
    } finally {
      installKeyRing(oldRing);
    }
  });
});
