/**
 * The local SMTP server every measurement sends to: Onramp's own sink (smtp-server) that discards
 * each message after noting its Message-ID, so a run can check every e-mail arrived exactly once.
 */
import { type MailSink, startMailSink } from '../src/email/index.js';

export interface CountingSink {
  url: string;
  /** Messages accepted since the last reset. */
  received(): number;
  /** Distinct Message-IDs since the last reset (equals received() when nothing was duplicated). */
  distinct(): number;
  /** When the first message since the last reset arrived (performance.now()); null before it. */
  firstAt(): number | null;
  reset(): void;
  /** Resolves once `count` messages arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(\S+)/im;

export async function startCountingSink(): Promise<CountingSink> {
  let received = 0;
  let firstAt: number | null = null;
  let ids = new Set<string>();
  let waiter: { count: number; resolve: () => void } | null = null;
  const sink: MailSink = await startMailSink({
    onMessage: async (raw) => {
      received++;
      firstAt ??= performance.now();
      // The headers end at the first blank line; only they are decoded.
      const end = raw.indexOf('\r\n\r\n');
      const id = MESSAGE_ID.exec(raw.subarray(0, end < 0 ? raw.length : end).toString('latin1'))?.[1];
      ids.add(id ?? `missing-${received}`);
      if (waiter && received >= waiter.count) waiter.resolve();
    },
  });
  return {
    url: `smtp://${sink.host}:${sink.port}`,
    received: () => received,
    distinct: () => ids.size,
    firstAt: () => firstAt,
    reset: () => {
      received = 0;
      firstAt = null;
      ids = new Set();
    },
    waitFor: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (received >= count) return resolve();
        const timer = setTimeout(() => {
          waiter = null;
          reject(new Error(`only ${received} of ${count} e-mails arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            waiter = null;
            resolve();
          },
        };
      }),
    close: () => sink.close(),
  };
}
