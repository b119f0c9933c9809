/**
 * The worker as `onramp worker` runs it: the due loop queues the RSD e-mails and wakes the outbox,
 * whose lanes (OUTBOX_LANES) send side by side without ever sending one e-mail twice.
 */
import pino from 'pino';
import { expect, it, vi } from 'vitest';

import { createMailer } from '../../src/email/index.js';
import { startWorker } from '../../src/jobs/start-worker.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld } from '../support/world.js';
import { FROM, OUTBOX, startInbox } from './mail-harness.js';

const HOUR = 3_600_000;

describeEachStore('the worker', (kind) => {
  it('sends each due e-mail exactly once over three lanes, started by the due loop, not by the interval', async () => {
    const w = await createWorld(kind);
    const inbox = await startInbox();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${inbox.port}`, from: FROM, pool: true });
    try {
      const contacts = Array.from({ length: 30 }, (_, i) => ({
        name: `Contact ${i}`,
        email: `contact${i}@initech.example`,
        language: 'en' as const,
      }));
      const { subscriptionIds } = await w.order({
        lines: contacts.map((c) => ({ offerCode: 'MEET-PRO', quantity: 1, provisioningContact: c })),
      });
      // Both intervals are an hour: the outbox's first passes find nothing, so only the due loop
      // waking it can get the e-mails out before the test's own timeout.
      const worker = startWorker(
        { ...w.deps, mailer, outbox: { ...OUTBOX, batchSize: 4, lanes: 3 } },
        { dueIntervalMs: HOUR, outboxIntervalMs: HOUR, log: pino({ level: 'silent' }) },
      );
      try {
        // Waits on the condition; the bound is only there to fail rather than hang (a busy
        // machine is slower, never wrong).
        await vi.waitFor(() => expect(inbox.received.length).toBeGreaterThanOrEqual(30), {
          timeout: 150_000,
          interval: 20,
        });
      } finally {
        await worker.stop();
      }
      expect(inbox.received).toHaveLength(30);
      expect(new Set(inbox.messageIds()).size).toBe(30);
      expect(inbox.received.map((r) => r.envelope.to[0]).sort()).toEqual(contacts.map((c) => c.email).sort());
      const sends = await w.store.db
        .selectFrom('provisioning_email')
        .select(['subscription_id', 'status'])
        .where('subscription_id', 'in', subscriptionIds)
        .execute();
      expect(sends).toHaveLength(30);
      expect(sends.every((s) => s.status === 'sent')).toBe(true);
    } finally {
      mailer.close();
      await inbox.close();
      await w.close();
    }
  });
});
