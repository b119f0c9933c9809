/**
 * When the SMTP server is down, sends wait in the outbox with growing, capped backoff and go out
 * when it returns; after `maxAttempts` the send is failed, visibly. A permanent refusal (550)
 * fails it at once.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';

import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Dispatcher,
  dispatcher,
  type Inbox,
  MINUTE,
  OUTBOX,
  startInbox,
  unusedPort,
} from './mail-harness.js';

describeEachStore('outbox: SMTP server down or refusing', (kind) => {
  let w: World;
  const cleanups: (() => unknown)[] = [];
  beforeEach(async () => {
    w = await createWorld(kind);
  });
  afterEach(async () => {
    // Mailers first: a sink waits for open client connections before it closes.
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await w.close();
  });

  function worker(port: number, outbox = OUTBOX): Dispatcher {
    const d = dispatcher(w.deps, port, outbox);
    cleanups.unshift(() => d.close());
    return d;
  }
  async function inbox(opts: Parameters<typeof startInbox>[0] = {}): Promise<Inbox> {
    const i = await startInbox(opts);
    cleanups.push(() => i.close());
    return i;
  }

  /** Places an order with one line per contact and queues their e-mails; returns the send ids. */
  async function queued(...emails: string[]): Promise<string[]> {
    const lines = emails.map((email) => ({
      offerCode: 'MEET-PRO',
      quantity: 1,
      provisioningContact: { name: email.split('@')[0]!, email, language: 'en' as const },
    }));
    const { subscriptionIds } = await w.order({ lines });
    await runDue(w.deps);
    const sends = await w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'to_email'])
      .where('subscription_id', 'in', subscriptionIds)
      .execute();
    return emails.map((e) => sends.find((s) => s.to_email === e)!.id);
  }

  const state = async (sendId: string) => {
    const outbox = await w.store.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'available_at', 'last_error'])
      .where('send_id', '=', sendId)
      .executeTakeFirstOrThrow();
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .select(['status', 'status_detail'])
      .where('id', '=', sendId)
      .executeTakeFirstOrThrow();
    return { outbox, send };
  };

  const auditOf = (sendId: string, action: string) =>
    w.store.db
      .selectFrom('audit_event')
      .select('data')
      .where('action', '=', action)
      .where(sql<string>`data->>'sendId'`, '=', sendId)
      .execute();

  it('keeps the send queued with capped exponential backoff, and delivers it when the server returns', async () => {
    const port = await unusedPort();
    const [sendId] = (await queued('irene@initech.example')) as [string];
    const d = worker(port, { ...OUTBOX, maxAttempts: 6 });

    // Backoff after attempts 1..4: 1, 2, 4, then 4 minutes again (the cap).
    for (const [attempt, backoff] of [
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 4],
    ] as const) {
      expect(await d.pass()).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
      const { outbox, send } = await state(sendId);
      expect(outbox).toMatchObject({ status: 'pending', attempts: attempt });
      expect(outbox.last_error).toMatch(/ECONNREFUSED/);
      expect(outbox.available_at).toEqual(new Date(w.clock.now().getTime() + backoff * MINUTE));
      expect(send.status).toBe('queued');

      // Not a millisecond early.
      w.clock.advance(backoff * MINUTE - 1);
      expect((await d.pass()).claimed).toBe(0);
      w.clock.advance(1);
    }

    const back = await inbox({ port });
    expect(await d.pass()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    expect(back.messageIds()).toEqual([`<${sendId}@onramp.test>`]);
    const { outbox, send } = await state(sendId);
    expect(outbox).toMatchObject({ status: 'done', attempts: 5, last_error: null });
    expect(send.status).toBe('sent');
    expect(send.status_detail).toMatch(/^250 /);
  });

  it('a sink that goes away under the pooled connection: the next send waits, then goes out', async () => {
    const first = await startInbox();
    const d = worker(first.port);
    await queued('irene@initech.example');
    expect(await d.pass()).toMatchObject({ sent: 1 });

    await first.close();
    const [sendId] = (await queued('giulia@initech.example')) as [string];
    expect(await d.pass()).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
    expect((await state(sendId)).outbox).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await state(sendId)).send.status).toBe('queued');

    const back = await inbox({ port: first.port });
    w.clock.advance(OUTBOX.backoffBaseMs);
    expect(await d.pass()).toMatchObject({ claimed: 1, sent: 1 });
    expect(back.messageIds()).toEqual([`<${sendId}@onramp.test>`]);
    expect((await state(sendId)).send.status).toBe('sent');
  });

  it('after maxAttempts the send is failed with the reason and an audit event, and stays failed', async () => {
    const port = await unusedPort();
    const [sendId] = (await queued('irene@initech.example')) as [string];
    const d = worker(port, { ...OUTBOX, maxAttempts: 3 });

    expect(await d.pass()).toMatchObject({ retrying: 1 });
    w.clock.advance(OUTBOX.backoffBaseMs);
    expect(await d.pass()).toMatchObject({ retrying: 1 });
    w.clock.advance(2 * OUTBOX.backoffBaseMs);
    expect(await d.pass()).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1, withdrawn: 0 });

    const { outbox, send } = await state(sendId);
    expect(outbox).toMatchObject({ status: 'failed', attempts: 3 });
    expect(send.status).toBe('failed');
    expect(send.status_detail).toMatch(/ECONNREFUSED/);
    const events = await auditOf(sendId, 'provisioning_email.failed');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      sendId,
      to: 'irene@initech.example',
      detail: send.status_detail,
    });
    const { payload } = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('send_id', '=', sendId)
      .executeTakeFirstOrThrow();
    // The input stays (what was to be sent), its secrets part sealed while the link lives (the
    // send goes out when SMTP is back: retry-failed-sends.test.ts), and no link is readable.
    expect(payload).toMatchObject({
      input: { template: 'provisioning', to: { email: 'irene@initech.example' } },
    });
    expect((payload as { input: { secrets: string } }).input.secrets).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(payload)).not.toContain('/setup/');

    // The outbox lanes alone never take a failed send back: only the retry of failed sends does.
    const back = await inbox({ port });
    w.clock.advance(OUTBOX.backoffMaxMs + OUTBOX.leaseMs);
    expect((await d.pass()).claimed).toBe(0);
    expect(back.received).toHaveLength(0);
  });

  it('a 550 for the recipient fails that send at once; the rest of the batch goes out', async () => {
    const sink = await inbox({ rejectRecipients: (address) => address === 'nobody@initech.example' });
    const [bad, good] = (await queued('nobody@initech.example', 'irene@initech.example')) as [string, string];

    expect(await worker(sink.port).pass()).toEqual({
      claimed: 2,
      sent: 1,
      retrying: 0,
      failed: 1,
      withdrawn: 0,
    });

    const refused = await state(bad);
    expect(refused.outbox).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.send.status).toBe('failed');
    expect(refused.send.status_detail).toContain('550 Mailbox unavailable: nobody@initech.example');
    expect(await auditOf(bad, 'provisioning_email.failed')).toHaveLength(1);
    expect((await state(good)).send.status).toBe('sent');
    expect(sink.messageIds()).toEqual([`<${good}@onramp.test>`]);
  });
});
