/**
 * After a long SMTP outage (issue 18, item 12): an e-mail that ran out of attempts while no server
 * took it goes out once one does, while its link works — by the worker's own probe, or by the
 * operator's `onramp outbox retry` — the partner sees "Delivery failed" meanwhile, and the
 * `onramp_sends_failed` gauge counts it. A real SMTP sink refuses (451), then accepts.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { getSubscription } from '../../src/app/orders/get-subscription.js';
import { retryFailedEmails } from '../../src/app/outbox/retry-failed-emails.js';
import { retryFailedSends } from '../../src/jobs/retry-failed-sends.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createWeb } from '../../src/web/create-web.js';
import { WebClient } from '../security/web-client.js';
import { runOnramp } from '../support/run-onramp.js';
import { useTestKeyRing } from '../support/secret-keys.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { DAY, dispatcher, type Inbox, OUTBOX, startInbox, unusedPort } from './mail-harness.js';

// `onramp outbox retry` runs in this process and installs the tests' key: seal with it from the start.
useTestKeyRing();

const SETTINGS = { ...OUTBOX, maxAttempts: 2 };
const PASSWORD = 'correct horse battery';

describeEachStore('failed sends after a long SMTP outage', (kind) => {
  let w: World;
  const cleanups: (() => unknown)[] = [];
  beforeEach(async () => {
    w = await createWorld(kind, { password: PASSWORD });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await w.close();
  });

  /** A sink on `port` that answers 451 to every message while `refusing()`, then keeps them. */
  async function sink(port: number, refusing: () => boolean): Promise<Inbox> {
    const inbox = await startInbox({
      port,
      whileReceiving: async () => {
        if (refusing()) throw new Error('try again later');
      },
    });
    cleanups.push(() => inbox.close());
    return inbox;
  }

  /** One provisioning e-mail, failed for good after SETTINGS.maxAttempts with no server; its send id. */
  async function failedSend(port: number, email = 'irene@initech.example'): Promise<string> {
    const { subscriptionIds } = await w.order({
      lines: [
        { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: { name: 'Irene', email, language: 'en' } },
      ],
    });
    await runDue(w.deps);
    const d = dispatcher(w.deps, port, SETTINGS);
    expect(await d.pass()).toMatchObject({ retrying: 1 });
    w.clock.advance(SETTINGS.backoffBaseMs);
    expect(await d.pass()).toMatchObject({ failed: 1 });
    d.close();
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'status'])
      .where('subscription_id', '=', subscriptionIds[0]!)
      .executeTakeFirstOrThrow();
    expect(send.status).toBe('failed');
    return send.id;
  }

  const sendOf = (id: string) =>
    w.store.db
      .selectFrom('provisioning_email as s')
      .innerJoin('outbox as o', 'o.send_id', 's.id')
      .select([
        's.status',
        's.subscription_id',
        'o.status as outbox',
        'o.attempts',
        'o.retry_until',
        'o.payload',
      ])
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow();

  const gauge = async () => {
    const text = await createMetrics().scrape(w.store.db, w.clock.now());
    return text.split('\n').filter((l) => l.startsWith('onramp_sends_failed{'));
  };

  it('the worker sends a failed e-mail again once the server answers, and the link works', async () => {
    const port = await unusedPort();
    const sendId = await failedSend(port);
    expect(await gauge()).toEqual([
      'onramp_sends_failed{retryable="true"} 1',
      'onramp_sends_failed{retryable="false"} 0',
    ]);
    const line = await getSubscription(w.deps, w.actors.alice, (await sendOf(sendId)).subscription_id);
    expect(line.sends.at(-1)!.status).toBe('failed');
    // The partner sees it on the order page, in either language.
    const alice = new WebClient(
      createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }),
    );
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    expect((await alice.get(`/orders/${line.orderId}`)).html).toContain('Delivery failed');
    expect((await alice.get(`/orders/${line.orderId}?lang=it`)).html).toContain('Consegna non riuscita');

    const d = dispatcher(w.deps, port, SETTINGS);
    cleanups.unshift(() => d.close());
    // Still no server: one probe, nothing requeued.
    expect(await retryFailedSends({ ...w.deps, mailer: d.mailer })).toEqual({
      requeued: 0,
      expired: 0,
      smtpDown: true,
    });
    expect((await sendOf(sendId)).outbox).toBe('failed');

    // A server that greets but answers 451: the e-mail gets one attempt and waits for the next probe.
    let refusing = true;
    const inbox = await sink(port, () => refusing);
    expect(await retryFailedSends({ ...w.deps, mailer: d.mailer })).toMatchObject({ requeued: 1 });
    expect((await sendOf(sendId)).status).toBe('queued');
    expect(await d.pass()).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1, withdrawn: 0 });
    expect(await sendOf(sendId)).toMatchObject({ status: 'failed', outbox: 'failed', attempts: 3 });

    // It accepts: the next probe requeues, the next pass sends, with the link that works.
    refusing = false;
    expect(await retryFailedSends({ ...w.deps, mailer: d.mailer })).toMatchObject({ requeued: 1 });
    expect(await d.pass()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await sendOf(sendId)).toMatchObject({ status: 'sent', outbox: 'done', retry_until: null });
    const [mail] = inbox.to('irene@initech.example');
    const token = /\/setup\/(\S+)/.exec(mail!.text)![1]!;
    const live = await w.store.db
      .selectFrom('setup_token')
      .select(['send_id', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    expect(live).toEqual({ send_id: sendId, revoked_at: null });
    expect(JSON.stringify((await sendOf(sendId)).payload)).not.toContain('sealed:');
    expect(await gauge()).toEqual([
      'onramp_sends_failed{retryable="true"} 0',
      'onramp_sends_failed{retryable="false"} 0',
    ]);
  });

  it('a failed e-mail whose link died is not sent again, and loses its sealed secrets', async () => {
    const port = await unusedPort();
    const sendId = await failedSend(port);
    const { retry_until } = await sendOf(sendId);
    await sink(port, () => false);
    w.clock.set(new Date(retry_until!.getTime()));
    const d = dispatcher(w.deps, port, SETTINGS);
    cleanups.unshift(() => d.close());
    expect(await retryFailedSends({ ...w.deps, mailer: d.mailer })).toEqual({
      requeued: 0,
      expired: 1,
      smtpDown: false,
    });
    const row = await sendOf(sendId);
    expect(row).toMatchObject({ status: 'failed', outbox: 'failed', retry_until: null });
    expect(row.payload).toMatchObject({ input: { template: 'provisioning' } });
    expect((row.payload as { input: object }).input).not.toHaveProperty('secrets');
    expect(await gauge()).toEqual([
      'onramp_sends_failed{retryable="true"} 0',
      'onramp_sends_failed{retryable="false"} 1',
    ]);
  });

  it('a failed e-mail whose line had a newer one since is not sent late', async () => {
    const port = await unusedPort();
    const sendId = await failedSend(port);
    const { subscription_id } = await sendOf(sendId);
    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: subscription_id });
    const inbox = await sink(port, () => false);
    const d = dispatcher(w.deps, port, SETTINGS);
    cleanups.unshift(() => d.close());
    expect(await retryFailedSends({ ...w.deps, mailer: d.mailer })).toMatchObject({ requeued: 0 });
    const row = await sendOf(sendId);
    expect(row).toMatchObject({ status: 'failed', outbox: 'failed', retry_until: null });
    expect((row.payload as { input: object }).input).not.toHaveProperty('secrets');
    expect(await d.drain()).toMatchObject({ sent: 1 });
    expect(inbox.received).toHaveLength(1);
  });

  it('the operator queues failed e-mails again (since an instant) with onramp outbox retry', async () => {
    const port = await unusedPort();
    const early = await failedSend(port, 'early@initech.example');
    w.clock.advance(DAY);
    const since = w.clock.now();
    const late = await failedSend(port, 'late@initech.example');

    if (kind === 'postgres') {
      const bad = await runOnramp(['outbox', 'retry', '--since', 'yesterday'], {
        DATABASE_URL: w.store.url!,
      });
      expect(bad.code).toBe(2);
      // The command runs on the real clock, which is before the world's links die: all are alive.
      const run = await runOnramp(['outbox', 'retry', '--since', since.toISOString()], {
        DATABASE_URL: w.store.url!,
      });
      expect(run).toMatchObject({ code: 0 });
      expect(JSON.parse(run.stdout)).toEqual({ requeued: 1, notRetryable: 0 });
      // It queued the e-mail again as due at its own (real) now: once the real clock had passed the
      // world's, the worker's pass below, on the world's clock, found nothing due. The world's clock
      // moves up to the command's now, never back.
      const ranAt = new Date();
      if (ranAt > w.clock.now()) w.clock.set(ranAt);
    } else {
      expect(await retryFailedEmails(w.deps, { since })).toEqual({ requeued: 1, notRetryable: 0 });
    }
    expect((await sendOf(late)).status).toBe('queued');
    expect((await sendOf(early)).status).toBe('failed');

    const inbox = await sink(port, () => false);
    const d = dispatcher(w.deps, port, SETTINGS);
    cleanups.unshift(() => d.close());
    expect(await d.pass()).toMatchObject({ claimed: 1, sent: 1 });
    expect(inbox.received.map((r) => r.envelope.to)).toEqual([['late@initech.example']]);
  });
});
