/**
 * 1. The SMTP ceiling: `count` equivalent messages, rendered once, pushed by nodemailer's pool
 * (the same pool size Onramp uses) straight into the local sink. The physical limit of dispatch
 * on this machine; everything else is compared with it. Measured per burst shape: as many
 * messages as the burst sends, each listing as many lines (a ten-line order's e-mail is twice the
 * size of a one-line order's, and the pool's connection set-up weighs more on 100 messages than
 * on 1,000).
 */
import { createMailer, renderEmail } from '../src/email/index.js';
import { equivalentEmail } from './equivalent-email.js';
import { type CpuReading, cpuSince, readCpuTime } from './read-cpu-time.js';
import type { CountingSink } from './start-counting-sink.js';

export interface CeilingResult {
  count: number;
  /** Lines each message lists (absent in results written before: 1). */
  linesPerEmail?: number;
  ms: number;
  /** Until the first message arrived: a fresh pool's connection and greeting (absent before). */
  firstMs?: number;
  received: number;
  /** CPU spent meanwhile (see read-cpu-time.ts); absent in earlier results. */
  cpu?: CpuReading | null;
}

/** Messages in flight at once; enough to keep every pooled connection busy. */
const IN_FLIGHT = 200;

export async function measureSmtpCeiling(
  sink: CountingSink,
  opts: { count: number; connections: number; linesPerEmail?: number },
): Promise<CeilingResult> {
  const mailer = createMailer({
    smtpUrl: sink.url,
    from: 'provisioning@onramp.localhost',
    pool: true,
    maxConnections: opts.connections,
  });
  const linesPerEmail = opts.linesPerEmail ?? 1;
  const input = equivalentEmail(0, linesPerEmail);
  const rendered = renderEmail(input);
  sink.reset();
  const cpu = readCpuTime();
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < opts.count) {
      const i = next++;
      await mailer.send({ to: input.to, ...rendered, messageId: `<ceiling${i}@bench>` });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const ms = performance.now() - t0;
  const spent = cpuSince(cpu);
  mailer.close();
  return {
    count: opts.count,
    linesPerEmail,
    ms,
    firstMs: sink.firstAt()! - t0,
    received: sink.received(),
    cpu: spent,
  };
}
