/**
 * A worker may die at any point and any number of workers may share one PostgreSQL. A claim is a
 * lease: an abandoned row comes back after it, as the same message (same Message-ID); concurrent
 * claims skip each other's rows, so no row is sent twice while its lease holds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type EmailInput, renderEmail } from '../../src/email/index.js';
import { messageIdOf } from '../../src/email/message-id.js';
import { runDue } from '../../src/jobs/run-due.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { claimDue, markDone, markFailedAttempt } from '../../src/store/outbox-repository.js';
import { openedEmailInput } from '../support/queries.js';
import { describeEachStore, storeKinds } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Dispatcher, dispatcher, type Inbox, OUTBOX, startInbox } from './mail-harness.js';

describeEachStore('outbox: a worker killed mid-send', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeEach(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
  });
  afterEach(async () => {
    worker.close();
    await inbox.close();
    await w.close();
  });

  async function queuedSend() {
    const { subscriptionIds } = await w.order();
    await runDue(w.deps);
    return w.store.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('subscription_id', '=', subscriptionIds[0]!)
      .executeTakeFirstOrThrow();
  }

  const outboxRow = (sendId: string) =>
    w.store.db.selectFrom('outbox').selectAll().where('send_id', '=', sendId).executeTakeFirstOrThrow();

  it('between claim and SMTP acceptance: retried after the lease, not lost, same Message-ID', async () => {
    const send = await queuedSend();
    // The doomed worker claims the row and dies before the server accepts anything.
    const claimed = await claimDue(w.store.db, w.clock.now(), OUTBOX.batchSize, OUTBOX.leaseMs);
    expect(claimed.map((r) => r.send_id)).toEqual([send.id]);

    // While the lease holds, no other worker takes it.
    expect((await worker.pass()).claimed).toBe(0);
    w.clock.advance(OUTBOX.leaseMs - 1);
    expect((await worker.pass()).claimed).toBe(0);
    expect(inbox.received).toHaveLength(0);

    w.clock.advance(1);
    expect(await worker.pass()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    expect(inbox.messageIds()).toEqual([`<${send.id}@onramp.test>`]);
    expect(await outboxRow(send.id)).toMatchObject({ status: 'done', attempts: 2 });
    const { status } = await w.store.db
      .selectFrom('provisioning_email')
      .select('status')
      .where('id', '=', send.id)
      .executeTakeFirstOrThrow();
    expect(status).toBe('sent');
  });

  it('after SMTP acceptance but before recording it: the retry is the same message (a recognisable duplicate)', async () => {
    const send = await queuedSend();
    const [row] = await claimDue(w.store.db, w.clock.now(), OUTBOX.batchSize, OUTBOX.leaseMs);
    const input = openedEmailInput<EmailInput>(row!.payload);
    // The doomed worker gets its message accepted, then dies before writing anything down.
    await worker.mailer.send({
      to: input.to,
      ...renderEmail(input),
      messageId: messageIdOf(row!.message_key, w.deps.settings.publicUrl),
    });

    w.clock.advance(OUTBOX.leaseMs);
    expect(await worker.pass()).toMatchObject({ claimed: 1, sent: 1 });
    const messageId = `<${send.id}@onramp.test>`;
    expect(inbox.messageIds()).toEqual([messageId, messageId]);
    const [first, second] = inbox.received;
    expect(second!.mail.text).toBe(first!.mail.text);
    expect(await worker.pass()).toMatchObject({ claimed: 0 });
  });

  it('a worker that outlived its lease cannot undo what the newer claim recorded', async () => {
    const send = await queuedSend();
    const [stale] = await claimDue(w.store.db, w.clock.now(), OUTBOX.batchSize, OUTBOX.leaseMs);
    w.clock.advance(OUTBOX.leaseMs);
    expect(await worker.pass()).toMatchObject({ sent: 1 });

    // The slow worker finally hears back: a permanent refusal, or a late success.
    const failure = await markFailedAttempt(w.store.db, stale!, w.clock.now(), '550 too late', {
      ...OUTBOX,
      permanent: true,
    });
    expect(failure).toBe('superseded');
    expect(await markDone(w.store.db, stale!.id, w.clock.now())).toBe(false);
    expect(await outboxRow(send.id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
    const sendRow = await w.store.db
      .selectFrom('provisioning_email')
      .select('status')
      .where('id', '=', send.id)
      .executeTakeFirstOrThrow();
    expect(sendRow.status).toBe('sent');
  });
});

// Separate pools on one PostgreSQL stand for separate worker processes; PGlite has one connection.
describe.skipIf(!storeKinds().includes('postgres'))('outbox: many workers on one PostgreSQL', () => {
  let w: World;
  let second: Store;
  let inbox: Inbox;
  beforeAll(async () => {
    w = await createWorld('postgres');
    second = await openStore({ databaseUrl: w.store.url!, poolSize: 5 });
    inbox = await startInbox();
  });
  afterAll(async () => {
    await inbox.close();
    await second.close();
    await w.close();
  });

  const contact = (i: number) => ({
    name: `Contact ${i}`,
    email: `c${i}@initech.example`,
    language: 'en' as const,
  });
  async function queueSends(count: number): Promise<string[]> {
    const lines = Array.from({ length: count }, (_, i) => ({
      offerCode: 'MEET-PRO',
      quantity: 1,
      provisioningContact: contact(i),
    }));
    const { subscriptionIds } = await w.order({ lines });
    await runDue(w.deps);
    const sends = await w.store.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('subscription_id', 'in', subscriptionIds)
      .execute();
    return sends.map((s) => s.id);
  }

  it('a claim never waits for, nor takes, rows another worker holds', async () => {
    const sendIds = await queueSends(12);
    const now = w.clock.now();
    const rolledBack = new Error('worker died before commit');
    await expect(
      w.store.db.transaction().execute(async (trx) => {
        const mine = await claimDue(trx, now, 5, OUTBOX.leaseMs);
        // The other pool, while the first claim's transaction is still open.
        const theirs = await claimDue(second.db, now, 100, OUTBOX.leaseMs);
        expect(mine).toHaveLength(5);
        expect(theirs).toHaveLength(7);
        expect(new Set([...mine, ...theirs].map((r) => r.send_id))).toEqual(new Set(sendIds));
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    // The first claim died uncommitted: its five rows are due again at once, their attempt undone.
    const again = await claimDue(second.db, now, 100, OUTBOX.leaseMs);
    expect(again).toHaveLength(5);
    expect(again.every((r) => r.attempts === 1)).toBe(true);
  });

  it('two workers draining concurrently send every e-mail exactly once', async () => {
    // Past the leases of earlier claims: whatever is pending goes out in this drain too.
    w.clock.advance(OUTBOX.leaseMs);
    const sendIds = await queueSends(60);
    const pending = await w.store.db
      .selectFrom('outbox')
      .select('send_id')
      .where('status', '=', 'pending')
      .execute();
    const before = inbox.received.length;
    const outbox = { ...OUTBOX, batchSize: 7 };
    const workers = [
      dispatcher(w.deps, inbox.port, outbox),
      dispatcher({ ...w.deps, db: second.db }, inbox.port, outbox),
    ];
    try {
      const summaries = await Promise.all(workers.map((worker) => worker.drain()));
      expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(pending.length);
    } finally {
      for (const worker of workers) worker.close();
    }
    const ids = inbox.messageIds().slice(before);
    expect(ids.sort()).toEqual(pending.map((r) => `<${r.send_id}@onramp.test>`).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const sendId of sendIds) expect(ids).toContain(`<${sendId}@onramp.test>`);
    const left = await w.store.db.selectFrom('outbox').select('id').where('status', '!=', 'done').execute();
    expect(left).toEqual([]);
  });
});
