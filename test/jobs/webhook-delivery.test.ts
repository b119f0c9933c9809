/**
 * Webhook deliveries through the outbox to a receiver written here: a real node:http server on a
 * free port that verifies Onramp-Signature itself (HMAC-SHA256 over `t.body`, constant-time
 * compare). Retries follow the outbox's backoff, driven by the manual clock; nothing sleeps.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, beforeEach, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { recordEmailEvent } from '../../src/app/lines/record-email-event.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { deleteWebhookEndpoint } from '../../src/app/webhooks/delete-webhook-endpoint.js';
import { listWebhookDeliveries } from '../../src/app/webhooks/list-webhook-deliveries.js';
import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import { sendTestWebhook } from '../../src/app/webhooks/send-test-webhook.js';
import { webhookBodySchema, type WebhookEventType } from '../../src/domain/webhook-events.js';
import { dispatchWebhooks } from '../../src/jobs/dispatch-webhooks.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import { DAY, dispatcher, MINUTE, OUTBOX, startInbox } from './mail-harness.js';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  /** The receiver's own verdict on Onramp-Signature. */
  signatureValid: boolean;
  t: number;
}

interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Status codes to answer with, in order; 200 once they run out. */
  answers: number[];
  close(): Promise<void>;
}

/** What a partner would write: parse `t=...,v1=...`, recompute the HMAC over `t.rawBody`, compare. */
function verify(secret: string, header: string | undefined, rawBody: string): { valid: boolean; t: number } {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts['t']);
  const expected = createHmac('sha256', secret).update(`${parts['t']}.${rawBody}`).digest();
  const given = Buffer.from(parts['v1'] ?? '', 'hex');
  return { valid: given.length === expected.length && timingSafeEqual(given, expected), t };
}

async function startReceiver(secretOf: () => string): Promise<Receiver> {
  const receiver: Receiver = { url: '', deliveries: [], answers: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const { valid, t } = verify(secretOf(), req.headers['onramp-signature'] as string | undefined, body);
      receiver.deliveries.push({
        headers: req.headers,
        body,
        event: JSON.parse(body),
        signatureValid: valid,
        t,
      });
      res.statusCode = receiver.answers.shift() ?? 200;
      res.end(res.statusCode === 200 ? 'ok' : 'receiver is having a bad day');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/onramp-hooks`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

describeEachStore('webhook delivery', (kind) => {
  let w: World;
  let receiver: Receiver;
  let secret = '';
  const metrics = createMetrics();
  beforeEach(async () => {
    w = await createWorld(kind);
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    receiver = await startReceiver(() => secret);
  });
  afterEach(async () => {
    await receiver.close();
    await w.close();
  });

  const deps = () => ({ ...w.deps, outbox: OUTBOX, metrics });
  const pass = () => dispatchWebhooks(deps());

  async function endpointFor(who: UserKey, url = receiver.url): Promise<string> {
    const endpoint = await registerWebhookEndpoint(w.deps, w.actors[who], { url, description: who });
    secret = endpoint.secret;
    return endpoint.endpointId;
  }

  it('signs each delivery so the receiver can verify it, with the event and delivery headers', async () => {
    const endpointId = await endpointFor('paola');
    const { subscriptionIds, orderId } = await w.order();
    await runDue(w.deps);
    expect(await pass()).toMatchObject({ claimed: 1, sent: 1 });

    expect(receiver.deliveries).toHaveLength(1);
    const [d] = receiver.deliveries;
    expect(d!.signatureValid).toBe(true);
    expect(d!.t).toBe(Math.floor(w.clock.now().getTime() / 1000));
    expect(d!.headers['onramp-event']).toBe('subscription.awaiting_provisioning');
    expect(d!.headers['onramp-delivery']).toMatch(/^whd_/);
    expect(d!.headers['content-type']).toBe('application/json');
    expect(d!.event).toMatchObject({
      type: 'subscription.awaiting_provisioning',
      createdAt: w.clock.now().toISOString(),
      data: { subscriptionId: subscriptionIds[0], orderId },
    });
    // A body signed with another secret, or a tampered body, does not verify.
    expect(verify('whsec_wrong', d!.headers['onramp-signature'] as string, d!.body).valid).toBe(false);
    expect(
      verify(secret, d!.headers['onramp-signature'] as string, d!.body.replace('awaiting', 'x')).valid,
    ).toBe(false);
    // The body never carries the setup link.
    expect(d!.body).not.toContain('/setup/');

    const [log] = await listWebhookDeliveries(w.deps, w.actors.paola, endpointId);
    expect(log).toMatchObject({
      deliveryId: d!.headers['onramp-delivery'],
      status: 'delivered',
      attempts: 1,
      attemptLog: [{ attempt: 1, responseStatus: 200, error: null }],
    });
  });

  it('retries after a 500 with backoff, with the same delivery id, then delivers', async () => {
    const endpointId = await endpointFor('paola');
    receiver.answers.push(500);
    const { deliveryId } = await sendTestWebhook(w.deps, w.actors.paola, endpointId);

    expect(await pass()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(receiver.deliveries).toHaveLength(1);
    // Not before the backoff (OUTBOX.backoffBaseMs after the first attempt).
    w.clock.advance(OUTBOX.backoffBaseMs - 1);
    expect(await pass()).toMatchObject({ claimed: 0 });
    w.clock.advance(1);
    expect(await pass()).toMatchObject({ claimed: 1, sent: 1 });

    expect(receiver.deliveries.map((d) => d.headers['onramp-delivery'])).toEqual([deliveryId, deliveryId]);
    expect(receiver.deliveries.map((d) => d.signatureValid)).toEqual([true, true]);
    expect(receiver.deliveries[1]!.body).toBe(receiver.deliveries[0]!.body);
    // Each attempt is signed at its own instant.
    expect(receiver.deliveries[1]!.t - receiver.deliveries[0]!.t).toBe(OUTBOX.backoffBaseMs / 1000);

    const [log] = await listWebhookDeliveries(w.deps, w.actors.paola, endpointId);
    expect(log!.status).toBe('delivered');
    expect(log!.attemptLog.map((a) => [a.attempt, a.responseStatus])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(log!.attemptLog[0]!.error).toBe('HTTP 500: receiver is having a bad day');
  });

  it('gives up after the attempt cap with capped exponential backoff, and says so in the log', async () => {
    const endpointId = await endpointFor('paola');
    receiver.answers.push(...Array<number>(OUTBOX.maxAttempts + 1).fill(503));
    await sendTestWebhook(w.deps, w.actors.paola, endpointId);

    const waits: number[] = [];
    for (let attempt = 1; attempt <= OUTBOX.maxAttempts; attempt++) {
      const summary = await pass();
      expect(summary.claimed, `attempt ${attempt}`).toBe(1);
      const [log] = await listWebhookDeliveries(w.deps, w.actors.paola, endpointId);
      if (log!.nextAttemptAt) {
        const wait = new Date(log!.nextAttemptAt).getTime() - w.clock.now().getTime();
        waits.push(wait);
        w.clock.advance(wait);
      }
    }
    expect(waits).toEqual([1, 2, 4, 4].map((m) => m * MINUTE));
    w.clock.advance(DAY);
    expect(await pass()).toMatchObject({ claimed: 0 });
    expect(receiver.deliveries).toHaveLength(OUTBOX.maxAttempts);
    const [log] = await listWebhookDeliveries(w.deps, w.actors.paola, endpointId);
    expect(log).toMatchObject({ status: 'failed', attempts: OUTBOX.maxAttempts, nextAttemptAt: null });
    expect(log!.attemptLog.every((a) => a.responseStatus === 503)).toBe(true);
    const text = await metrics.registry.getSingleMetricAsString('onramp_webhook_deliveries_total');
    expect(text).toMatch(/status="failed"} [1-9]/);
  });

  it('checks the address again at delivery: a private address is refused and nothing is sent', async () => {
    const endpointId = await endpointFor('paola');
    await sendTestWebhook(w.deps, w.actors.paola, endpointId);
    w.deps.settings.webhooks = { allowPrivate: false, timeoutMs: 5_000 };
    expect(await pass()).toMatchObject({ claimed: 1, failed: 1 });
    expect(receiver.deliveries).toEqual([]);
    const [log] = await listWebhookDeliveries(w.deps, w.actors.paola, endpointId);
    expect(log).toMatchObject({ status: 'failed', lastError: 'refused: private_address' });
  });

  it('fans out to the partner and the distributor on the order, never to another tenant', async () => {
    const acme = await endpointFor('paola');
    const dist = await endpointFor('dana');
    const bright = await endpointFor('brenda');
    const { subscriptionIds } = await w.order({ distributorId: 'org_dist' });
    await runDue(w.deps);
    await pass();
    const byDelivery = new Map(receiver.deliveries.map((d) => [d.headers['onramp-delivery'], d]));
    expect(byDelivery.size).toBe(2);
    const events = new Set(receiver.deliveries.map((d) => d.event.id));
    expect(events.size).toBe(1);
    for (const endpointId of [acme, dist]) {
      const [log] = await listWebhookDeliveries(
        w.deps,
        endpointId === acme ? w.actors.paola : w.actors.dana,
        endpointId,
      );
      expect(log).toMatchObject({ eventType: 'subscription.awaiting_provisioning', status: 'delivered' });
    }
    expect(await listWebhookDeliveries(w.deps, w.actors.brenda, bright)).toEqual([]);
    expect(receiver.deliveries.every((d) => d.event.data['subscriptionId'] === subscriptionIds[0])).toBe(
      true,
    );
  });

  it('sends every lifecycle event, each written with the change that causes it', async () => {
    await endpointFor('paola');
    const inbox = await startInbox({ rejectRecipients: (a) => a.startsWith('nobody@') });
    const mail = dispatcher(w.deps, inbox.port);
    try {
      const { subscriptionIds, orderId } = await w.order({
        lines: [
          {
            offerCode: 'MEET-PRO',
            quantity: 1,
            provisioningContact: { name: 'Irene', email: 'irene@initech.example', language: 'en' },
          },
          {
            offerCode: 'A-FLEX',
            quantity: 1,
            provisioningContact: { name: 'Nobody', email: 'nobody@initech.example', language: 'en' },
          },
        ],
      });
      const [meet, flex] = subscriptionIds as [string, string];
      await runDue(w.deps); // two subscription.awaiting_provisioning
      await mail.drain(); // provisioning_email.sent (meet) and .failed (flex: 550)
      const [sent] = await w.store.db
        .selectFrom('provisioning_email')
        .select('id')
        .where('subscription_id', '=', meet)
        .execute();
      await recordEmailEvent(w.deps, {
        type: 'bounced',
        ref: { sendId: sent!.id },
        detail: '550 5.1.1 gone',
      });
      await changeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionId: flex,
        contact: { name: 'Ugo', email: 'ugo@initech.example', language: 'it' },
        applyToAllLines: false,
      });
      w.clock.advance(8 * DAY); // the A-FLEX line's 7-day policy period ends
      await runDue(w.deps); // subscription.closed (flex)
      await mapOrderToOrganization(w.deps, {
        orderId,
        organization: { organizationId: 'org_globex' },
        confirmedBy: { name: 'Irene', email: 'irene@initech.example', language: 'en' },
      }); // subscription.provisioned (both)
      while ((await pass()).claimed > 0);

      const seen = receiver.deliveries
        .map((d) => `${d.event.type} ${String(d.event.data['subscriptionId'])}`)
        .sort();
      expect(seen).toEqual(
        [
          `provisioning_contact.changed ${flex}`,
          `provisioning_email.bounced ${meet}`,
          `provisioning_email.failed ${flex}`,
          `provisioning_email.sent ${meet}`,
          `subscription.awaiting_provisioning ${flex}`,
          `subscription.awaiting_provisioning ${meet}`,
          `subscription.closed ${flex}`,
          `subscription.provisioned ${flex}`,
          `subscription.provisioned ${meet}`,
        ].sort(),
      );
      expect(receiver.deliveries.every((d) => d.signatureValid)).toBe(true);
      // Each body is what the OpenAPI `webhooks` publish for its type, no field more or less.
      for (const { event } of receiver.deliveries)
        expect(webhookBodySchema(event.type as WebhookEventType).parse(event), event.type).toEqual(event);
      const changed = receiver.deliveries.find((d) => d.event.type === 'provisioning_contact.changed')!;
      expect(changed.event.data).toMatchObject({ to: { email: 'ugo@initech.example' } });
    } finally {
      mail.close();
      await inbox.close();
    }
  });

  it('queues no event for a refused change: events share the transaction of the change', async () => {
    await endpointFor('paola');
    const { subscriptionIds, orderId } = await w.order();
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Irene', email: 'irene@initech.example', language: 'en' },
    });
    const webhookRows = async () =>
      (await w.store.db.selectFrom('outbox').select('payload').where('topic', '=', 'webhook').execute()).map(
        (r) => (r.payload as { eventType: string }).eventType,
      );
    expect(await webhookRows()).toEqual(['subscription.provisioned']);
    await expect(
      changeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionId: subscriptionIds[0]!,
        contact: { name: 'Ugo', email: 'ugo@initech.example', language: 'it' },
        applyToAllLines: false,
      }),
    ).rejects.toMatchObject({ code: 'PAST_PONR' });
    expect(await webhookRows()).toEqual(['subscription.provisioned']);
  });

  it('withdraws waiting deliveries when the endpoint is deleted', async () => {
    const endpointId = await endpointFor('paola');
    await sendTestWebhook(w.deps, w.actors.paola, endpointId);
    await deleteWebhookEndpoint(w.deps, w.actors.paola, endpointId);
    expect(await pass()).toMatchObject({ claimed: 0 });
    expect(receiver.deliveries).toEqual([]);
  });
});
