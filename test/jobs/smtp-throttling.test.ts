/**
 * Issue 21, item 9: a mail provider that answers "slow down" (454, as Amazon SES does past its
 * sending rate) to every third message. Nothing is lost, no e-mail loses an attempt to it, the
 * throttled answers are counted, and the shared budget slows down. A real SMTP server on a socket;
 * the worker's waits for its send slots move the injected clock instead of sleeping.
 */
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, expect, it } from 'vitest';

import { createMailer, type Mailer, parseMail } from '../../src/email/index.js';
import { type DispatchDeps, dispatchOutbox } from '../../src/jobs/dispatch-outbox.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createMetrics, type OnrampMetrics } from '../../src/observability/metrics.js';
import { readSendBudget } from '../../src/store/send-budget-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { FROM, OUTBOX } from './mail-harness.js';

const EMAILS = 12;

interface ThrottlingServer {
  port: number;
  /** Message-IDs accepted, in order. */
  accepted: string[];
  /** How many messages were answered 454. */
  throttled(): number;
  close(): Promise<void>;
}

/** An SMTP server that answers every `every`-th message with `code`, and takes the rest. */
async function startThrottlingServer(code = 454, every = 3): Promise<ThrottlingServer> {
  const accepted: string[] = [];
  let messages = 0;
  let throttled = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 1000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('end', () => {
        if (++messages % every === 0) {
          throttled++;
          const error = new Error('Throttling failure: Maximum sending rate exceeded.');
          callback(Object.assign(error, { responseCode: code }));
          return;
        }
        parseMail(Buffer.concat(chunks)).then((mail) => {
          accepted.push(mail.messageId ?? '(none)');
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('error', () => {});
  return {
    port: (server.server.address() as { port: number }).port,
    accepted,
    throttled: () => throttled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

it('counts 421 and 454 answers as throttling, other 4xx answers not', async () => {
  for (const [code, throttled] of [
    [421, true],
    [454, true],
    [451, false],
  ] as const) {
    const server = await startThrottlingServer(code, 1);
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
    const to = { name: 'Ada', email: 'ada@throttled.example' };
    const mail = { to, subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', messageId: `<t${code}@onramp.test>` };
    const error = await mailer.send(mail).catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: code, permanent: false, throttled });
    mailer.close();
    await server.close();
  }
});

describeEachStore('outbox: a mail provider that throttles', (kind) => {
  let w: World;
  let server: ThrottlingServer;
  let mailer: Mailer;
  beforeEach(async () => {
    w = await createWorld(kind);
    server = await startThrottlingServer();
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
  });
  afterEach(async () => {
    mailer.close();
    await server.close();
    await w.close();
  });

  for (const maxPerSecond of [undefined, 50])
    it(`loses nothing and burns no attempts (SMTP_MAX_PER_SECOND ${maxPerSecond ?? 'unset'})`, async () => {
      const { subscriptionIds } = await w.order({
        lines: Array.from({ length: EMAILS }, (_, i) => ({
          offerCode: 'MEET-PRO',
          quantity: 1,
          provisioningContact: {
            name: `Contact ${i}`,
            email: `c${i}@throttled.example`,
            language: 'en' as const,
          },
        })),
      });
      await runDue(w.deps);
      const metrics: OnrampMetrics = createMetrics();
      const deps: DispatchDeps = {
        ...w.deps,
        mailer,
        outbox: { ...OUTBOX, maxPerSecond },
        metrics,
        wait: async (ms) => w.clock.advance(ms),
      };
      let sent = 0;
      // Pass after pass; when nothing is due, a second goes by (throttled e-mails come back later).
      for (let pass = 0; pass < 200 && sent < EMAILS; pass++) {
        const summary = await dispatchOutbox(deps);
        sent += summary.sent;
        expect(summary.failed).toBe(0);
        if (summary.claimed === 0) w.clock.advance(1_000);
      }

      // 12 e-mails, every third answer a 454: the 12th goes through on the 17th try, 5 were throttled.
      expect(server.throttled()).toBe(5);
      expect(server.accepted).toHaveLength(EMAILS);
      expect(new Set(server.accepted).size).toBe(EMAILS);
      const rows = await w.store.db
        .selectFrom('outbox')
        .select(['status', 'attempts', 'last_error'])
        .execute();
      expect(rows).toHaveLength(EMAILS);
      expect(rows.every((r) => r.status === 'done' && r.attempts === 1 && r.last_error === null)).toBe(true);
      const sends = await w.store.db
        .selectFrom('provisioning_email')
        .select('status')
        .where('subscription_id', 'in', subscriptionIds)
        .execute();
      expect(sends.map((s) => s.status)).toEqual(Array(EMAILS).fill('sent'));
      const counted = await metrics.registry.getSingleMetricAsString('onramp_smtp_throttled_total');
      expect(counted).toContain('onramp_smtp_throttled_total 5');
      // Every worker now paces slower for a while.
      expect((await readSendBudget(w.store.db)).slowFactor).toBeGreaterThanOrEqual(2);
    });
});
