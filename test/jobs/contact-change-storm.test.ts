/**
 * A storm of contact changes through the API while two workers drain the outbox into a real SMTP
 * sink. Afterwards the history is exactly what went out: the sends recorded as sent are the
 * messages the sink received (same Message-IDs, no more, no fewer), none it received is recorded
 * as superseded, each has its `sent` event and webhook, and no request answered 500. On
 * PostgreSQL the web and the workers really run side by side (a pool of 20 connections), so a
 * deadlock would surface here; PGlite has one connection and serializes them (the invariants still
 * hold). The figures are printed (docs/reliability.md).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limits.js';
import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import type { DispatchSummary } from '../../src/jobs/dispatch-outbox.js';
import { runDue } from '../../src/jobs/run-due.js';
import { WEBHOOK_TOPIC } from '../../src/store/webhook-repository.js';
import { type Api, apiOf, call, contact } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Dispatcher, dispatcher, type Inbox, OUTBOX, startInbox } from './mail-harness.js';

const ORDERS = 10;
const LINES_PER_ORDER = 5;
const CHANGES = 200;
/** Requests in flight at once (the API's clients). */
const CLIENTS = 10;

const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };

describeEachStore('a storm of contact changes while workers drain the outbox', (kind) => {
  let w: World;
  let api: Api;
  let inbox: Inbox;
  let workers: Dispatcher[];
  const retried: string[] = [];
  beforeAll(async () => {
    w = await createWorld(kind);
    // Retried at once: tests never sleep.
    w.deps.transactionRetry = { wait: () => Promise.resolve(), onRetry: ({ code }) => retried.push(code) };
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    // The storm measures concurrency, not the anti-abuse limits (test/security/contact-change-limits).
    w.deps.settings.rateLimits = {
      ...DEFAULT_RATE_LIMITS,
      contactChangePerUser: { limit: 100_000, windowMs: 3_600_000 },
    };
    w.deps.settings.provisioningEmailsPerAddressPerHour = 100_000;
    api = apiOf(w);
    inbox = await startInbox();
    // Batches smaller than a round of changes: a backlog builds, so changes find e-mails waiting
    // (withdrawn), claimed (left to the worker) and sent.
    workers = [0, 1].map(() => dispatcher(w.deps, inbox.port, { ...OUTBOX, batchSize: 4 }));
  });
  afterAll(async () => {
    for (const worker of workers) worker.close();
    await inbox.close();
    await w.close();
  });

  it('records as sent exactly what the SMTP sink received; 0 × 500, no deadlock escapes', async () => {
    // Only queued, never delivered: the rows say which webhooks went with each outcome.
    await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url: 'http://127.0.0.1:9/hooks',
      description: 'storm',
    });
    const lines: string[] = [];
    for (let o = 0; o < ORDERS; o++) {
      const placed = await w.order({
        webOrderId: `WO-STORM-${o}`,
        lines: Array.from({ length: LINES_PER_ORDER }, () => ({
          offerCode: 'MEET-PRO',
          quantity: 1,
          provisioningContact: irene,
        })),
      });
      lines.push(...placed.subscriptionIds);
    }
    await runDue(w.deps);

    // Rounds of CLIENTS changes at once, each round side by side with a pass of each worker: the
    // changes and the passes interleave on both stores (PGlite runs one query at a time).
    const passErrors: unknown[] = [];
    const passes: DispatchSummary[] = [];
    const pass = async (worker: Dispatcher) => {
      try {
        passes.push(await worker.pass());
      } catch (e) {
        passErrors.push(e);
      }
    };
    const statuses: Record<number, number> = {};
    const unexpected: unknown[] = [];
    const change = async (i: number) => {
      const path = `/api/v1/subscriptions/${lines[i % lines.length]}/provisioning-contact`;
      const reply = await call(api, w, 'PUT', path, {
        body: contact(`Contact ${i}`, `contact${i}@initech.example`),
      });
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      if (reply.status !== 200) unexpected.push(reply.body);
    };
    for (let round = 0; round < CHANGES / CLIENTS; round++) {
      await Promise.all([
        ...Array.from({ length: CLIENTS }, (_, c) => change(round * CLIENTS + c)),
        ...workers.map(pass),
      ]);
    }
    await workers[0]!.drain();

    const sends = await w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'status', 'subscription_id', 'to_email', 'seq', 'lead_send_id'])
      .orderBy('seq')
      .execute();
    const messageId = (sendId: string) => `<${sendId}@onramp.test>`;
    const received = inbox.messageIds();
    const recordedSent = sends.filter((s) => s.status === 'sent');
    // An e-mail is a lead send; the other lines it lists share its Message-ID and its status.
    const recordedEmails = recordedSent.filter((s) => s.lead_send_id === null);
    const statusOf = new Map(sends.map((s) => [s.id, s.status]));
    const superseded = new Set(sends.filter((s) => s.status === 'superseded').map((s) => messageId(s.id)));
    const sentEvents = await w.store.db
      .selectFrom('audit_event')
      .select('data')
      .where('action', '=', 'provisioning_email.sent')
      .execute();
    const sentWebhooks = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', WEBHOOK_TOPIC)
      .execute();

    console.log(
      `[reliability] contact-change storm (${kind}): ${CHANGES} contact changes on ${lines.length} lines ` +
        `(${CLIENTS} clients, 2 workers, ${passes.length} passes), ${sends.length} sends; ` +
        `${received.length} e-mails received, ${recordedEmails.length} recorded as sent ` +
        `(covering ${recordedSent.length} line sends), ` +
        `${superseded.size} superseded, ${statuses[500] ?? 0} × 500, ${passErrors.length} failed passes, ` +
        `${retried.length} transactions retried (${retried.filter((c) => c === '40P01').length} deadlocks)`,
    );

    expect(statuses).toEqual({ 200: CHANGES });
    expect(unexpected).toEqual([]);
    expect(passErrors).toEqual([]);
    // The history equals what the sink received: same Message-IDs, each once.
    expect([...received].sort()).toEqual(recordedEmails.map((s) => messageId(s.id)).sort());
    expect(sends.filter((s) => s.lead_send_id && statusOf.get(s.lead_send_id) !== s.status)).toEqual([]);
    expect(received.filter((id) => id !== null && superseded.has(id))).toEqual([]);
    expect(sends.filter((s) => s.status !== 'sent' && s.status !== 'superseded')).toEqual([]);
    // Each e-mail that went out has its `sent` event and its webhook; none that did not has either.
    expect(sentEvents.map((e) => (e.data as { sendId: string }).sendId).sort()).toEqual(
      recordedSent.map((s) => s.id).sort(),
    );
    const webhookSends = sentWebhooks
      .map((r) => r.payload as { eventType: string; body: string })
      .filter((p) => p.eventType === 'provisioning_email.sent')
      .map((p) => (JSON.parse(p.body) as { data: { sendId: string } }).data.sendId);
    expect(webhookSends.sort()).toEqual(recordedSent.map((s) => s.id).sort());
    // Every line's newest e-mail (to its current contact) went out.
    const newest = new Map(sends.map((s) => [s.subscription_id, s]));
    for (const line of lines) expect(newest.get(line)).toMatchObject({ status: 'sent' });
  });
});
