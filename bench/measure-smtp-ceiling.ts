/**
 * 1. The SMTP ceiling: `count` equivalent messages, rendered once, pushed by nodemailer's pool
 * (the same pool size Onramp uses) straight into the local sink. The physical limit of dispatch
 * on this machine; everything else is compared with it.
 */
import { createMailer, renderEmail } from '../src/email/index.js';
import { equivalentEmail } from './equivalent-email.js';
import type { CountingSink } from './start-counting-sink.js';

export interface CeilingResult {
  count: number;
  ms: number;
  received: number;
}

/** Messages in flight at once; enough to keep every pooled connection busy. */
const IN_FLIGHT = 200;

export async function measureSmtpCeiling(
  sink: CountingSink,
  opts: { count: number; connections: number },
): Promise<CeilingResult> {
  const mailer = createMailer({
    smtpUrl: sink.url,
    from: 'provisioning@onramp.localhost',
    pool: true,
    maxConnections: opts.connections,
  });
  const input = equivalentEmail(0);
  const rendered = renderEmail(input);
  sink.reset();
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
  mailer.close();
  return { count: opts.count, ms, received: sink.received() };
}
